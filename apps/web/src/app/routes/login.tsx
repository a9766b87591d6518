import { getRouteApi, Link, useRouter } from '@tanstack/react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { isSafeRedirect, paths } from '@/config/paths';
import { LoginForm } from '@/features/auth/components/login-form';
import { SsoSignIn, useIsLocalLoginEnabled } from '@/features/sso/components/sso-sign-in';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useT } from '@/lib/i18n/i18n-provider';

const routeApi = getRouteApi('/login');

/** Sign-in; afterwards back to the page the user was sent here from. */
export function LoginRoute() {
  const t = useT();
  const router = useRouter();
  const { redirect, sso_error: ssoError } = routeApi.useSearch();
  const isLocalLoginEnabled = useIsLocalLoginEnabled();
  useDocumentTitle(t('login.title'));
  return (
    <div className="mx-auto max-w-xl">
      <PageHeading lead={t('login.lead')}>{t('login.title')}</PageHeading>
      <SsoSignIn redirect={isSafeRedirect(redirect) ? redirect : undefined} ssoError={ssoError} />
      {isLocalLoginEnabled ? (
        <LoginForm
          onSuccess={() =>
            void router.navigate({ href: isSafeRedirect(redirect) ? redirect : paths.home.path })
          }
        />
      ) : null}
      <p className="mt-10 text-std-16N-170 text-solid-gray-700">
        {t('login.publicNote')}{' '}
        <Link to={paths.clusters.path} className="link">
          {t('nav.clusters')}
        </Link>
      </p>
    </div>
  );
}
