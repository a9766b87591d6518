import { getRouteApi, Link, useRouter } from '@tanstack/react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { isSafeRedirect, paths } from '@/config/paths';
import { LoginForm } from '@/features/auth/components/login-form';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useT } from '@/lib/i18n/i18n-provider';

const routeApi = getRouteApi('/login');

/** Sign-in; afterwards back to the page the user was sent here from. */
export function LoginRoute() {
  const t = useT();
  const router = useRouter();
  const { redirect } = routeApi.useSearch();
  useDocumentTitle(t('login.title'));
  return (
    <div className="mx-auto max-w-xl">
      <PageHeading lead={t('login.lead')}>{t('login.title')}</PageHeading>
      <LoginForm
        onSuccess={() =>
          void router.navigate({ href: isSafeRedirect(redirect) ? redirect : paths.home.path })
        }
      />
      <p className="mt-10 text-std-16N-170 text-solid-gray-700">
        {t('login.publicNote')}{' '}
        <Link to={paths.clusters.path} className="link">
          {t('nav.clusters')}
        </Link>
      </p>
    </div>
  );
}
