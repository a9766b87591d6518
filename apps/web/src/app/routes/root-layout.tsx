import { Outlet, useNavigate, useRouter, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { AppLayout } from '@/components/layout/app-layout';
import type { NavItem } from '@/components/layout/main-nav';
import { MAIN_CONTENT_ID } from '@/components/layout/skip-link';
import { paths } from '@/config/paths';
import { useDeleteSession } from '@/features/auth/api/delete-session';
import { useMe } from '@/features/auth/api/get-me';
import { ACCESS, hasAnyRole } from '@/lib/authorization';
import type { Translate } from '@/lib/i18n/i18n-provider';
import { useT } from '@/lib/i18n/i18n-provider';
import type { Me } from '@/types/api';

/** The main navigation for this user: the streams for everyone signed in, admin areas by role. */
function navItemsFor(user: Me | null | undefined, t: Translate): NavItem[] {
  if (!user)
    return [
      { to: paths.publicHome.path, label: t('nav.public') },
      { to: paths.clusters.path, label: t('nav.clusters') },
    ];
  const items: NavItem[] = [
    { to: paths.home.path, label: t('nav.home'), exact: true },
    {
      to: paths.progress.path,
      label: t('nav.progress'),
      sectionPaths: [paths.schedule.path, paths.overview.path],
    },
    { to: paths.meetings.path, label: t('nav.meetings') },
    { to: paths.policies.path, label: t('nav.policies') },
    { to: paths.analyses.path, label: t('nav.clusters'), sectionPaths: [paths.clusters.path] },
    { to: paths.initiatives.path, label: t('nav.initiatives') },
    ...(hasAnyRole(user, ACCESS.effects) ? [{ to: paths.effects.path, label: t('nav.effects') }] : []),
    { to: paths.platinum.path, label: t('nav.platinum') },
    { to: paths.needs.path, label: t('nav.needs') },
  ];
  if (hasAnyRole(user, ACCESS.admin)) {
    items.push({
      to: paths.admin.users.path,
      label: t('nav.admin'),
      sectionPaths: [paths.admin.orgUnits.path],
    });
  }
  if (hasAnyRole(user, ACCESS.audit)) items.push({ to: paths.admin.audit.path, label: t('nav.audit') });
  return items;
}

/** Moves focus to the new page's heading after each navigation, so screen readers announce it. */
function useFocusOnNavigation(): void {
  const router = useRouter();
  useEffect(
    () =>
      router.subscribe('onRendered', (event) => {
        if (!event.fromLocation || !event.pathChanged) return;
        const target =
          document.querySelector<HTMLElement>(`#${MAIN_CONTENT_ID} [data-page-heading]`) ??
          document.getElementById(MAIN_CONTENT_ID);
        target?.focus();
      }),
    [router],
  );
}

/** The frame of every page, with the signed-in user (if any) in the header. */
export function RootLayout() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const deleteSession = useDeleteSession();
  const location = useRouterState({ select: (state) => state.location });
  useFocusOnNavigation();

  const signOut = () =>
    deleteSession.mutate(undefined, {
      onSettled: () => void navigate({ to: paths.login.path }),
    });

  return (
    <AppLayout
      user={me.data ?? null}
      navItems={navItemsFor(me.data, t)}
      onSignOut={signOut}
      isSigningOut={deleteSession.isPending}
      showSignIn={!me.isPending && location.pathname !== paths.login.path}
      signInRedirect={location.pathname === paths.home.path ? undefined : location.href}
    >
      <Outlet />
    </AppLayout>
  );
}
