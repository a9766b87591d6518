import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { MailSettingsLink } from '@/features/mail/components/mail-settings-link';
import { NotificationsLink } from '@/features/notifications/components/notifications-link';
import { HeaderSearch } from '@/features/search/components/header-search';
import { useT } from '@/lib/i18n/i18n-provider';
import type { Me } from '@/types/api';
import { LanguageSwitch } from './language-switch';

type SiteHeaderProps = {
  user: Me | null;
  onSignOut: () => void;
  isSigningOut: boolean;
  /** Whether to offer a sign-in link (not on the sign-in page itself). */
  showSignIn: boolean;
  /** Where to come back to after signing in (the current page). */
  signInRedirect?: string | undefined;
  navigation: ReactNode;
};

/** Product name and slogan, language switch, the signed-in user and sign-out; then the main navigation. */
export function SiteHeader({
  user,
  onSignOut,
  isSigningOut,
  showSignIn,
  signInRedirect,
  navigation,
}: SiteHeaderProps) {
  const t = useT();
  const roles = user?.roles.map((assignment) => {
    const label = t(`role.${assignment.role}`);
    return assignment.orgUnitName ? `${label}（${assignment.orgUnitName}）` : label;
  });
  return (
    <header className="border-b border-solid-gray-420 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-8 gap-y-4 px-4 py-4 md:px-8">
        <div className="flex flex-col">
          <Link
            to={paths.home.path}
            className="text-std-24B-150 text-solid-gray-900 no-underline hover:underline"
            aria-label={t('layout.homeLinkLabel')}
          >
            {t('app.productName')}
          </Link>
          <p className="text-std-16N-170 text-solid-gray-700" lang="ja">
            {t('app.slogan')}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <HeaderSearch />
          <LanguageSwitch />
          {user ? (
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
              <div className="flex flex-col text-right">
                <p className="text-std-16B-170 text-solid-gray-900">
                  <span className="sr-only">{t('layout.signedInAs')}</span>
                  <span lang="ja">{user.displayName}</span>
                </p>
                {roles && roles.length > 0 ? (
                  <p className="text-dns-14N-130 text-solid-gray-700">
                    <span className="sr-only">{t('layout.roles')}</span>
                    {roles.join('・')}
                  </p>
                ) : null}
              </div>
              <NotificationsLink />
              <MailSettingsLink />
              <Button variant="secondary" size="sm" onClick={onSignOut} disabled={isSigningOut}>
                {isSigningOut ? t('layout.signingOut') : t('layout.signOut')}
              </Button>
            </div>
          ) : showSignIn ? (
            <Link
              to={paths.login.path}
              search={{ redirect: signInRedirect }}
              className="link text-std-16N-170"
            >
              {t('layout.signIn')}
            </Link>
          ) : null}
        </div>
      </div>
      {navigation}
    </header>
  );
}
