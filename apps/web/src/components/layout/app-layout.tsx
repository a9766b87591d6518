import type { ReactNode } from 'react';
import { useT } from '@/lib/i18n/i18n-provider';
import type { Me } from '@/types/api';
import { MainNav, type NavItem } from './main-nav';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import { MAIN_CONTENT_ID, SkipLink } from './skip-link';

type AppLayoutProps = {
  user: Me | null;
  navItems: readonly NavItem[];
  onSignOut: () => void;
  isSigningOut: boolean;
  showSignIn: boolean;
  signInRedirect?: string | undefined;
  children: ReactNode;
};

/** The page frame: skip link, header with navigation, the main region and the footer. */
export function AppLayout({
  user,
  navItems,
  onSignOut,
  isSigningOut,
  showSignIn,
  signInRedirect,
  children,
}: AppLayoutProps) {
  const t = useT();
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <SiteHeader
        user={user}
        onSignOut={onSignOut}
        isSigningOut={isSigningOut}
        showSignIn={showSignIn}
        signInRedirect={signInRedirect}
        navigation={navItems.length > 0 ? <MainNav items={navItems} label={t('nav.label')} /> : null}
      />
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-10 md:px-8">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
