import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { hasAnyRole } from '@/lib/authorization';
import { useT } from '@/lib/i18n/i18n-provider';
import type { Role } from '@/types/api';

function Forbidden() {
  const t = useT();
  useDocumentTitle(t('forbidden.title'));
  return (
    <>
      <PageHeading>{t('forbidden.title')}</PageHeading>
      <div className="flex max-w-3xl flex-col gap-4 text-std-16N-170">
        <p>{t('forbidden.body')}</p>
        <p>
          <Link to={paths.home.path} className="link">
            {t('common.backToHome')}
          </Link>
        </p>
      </div>
    </>
  );
}

/**
 * Shows the page only to holders of one of the roles; others get an explanation instead.
 * The server refuses their requests anyway; this only spares them a broken page.
 */
export function RequireRoles({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useMe();
  if (!hasAnyRole(me.data, roles)) return <Forbidden />;
  return <>{children}</>;
}
