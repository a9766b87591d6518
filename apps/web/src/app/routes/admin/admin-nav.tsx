import { Link } from '@tanstack/react-router';
import { paths } from '@/config/paths';
import { ImportsNavLink } from '@/features/imports/components/imports-nav-link';
import { useT } from '@/lib/i18n/i18n-provider';

/** Switches between the administration pages (users, org units). */
export function AdminNav() {
  const t = useT();
  const linkClass =
    'inline-flex min-h-11 items-center border-b-4 border-transparent px-3 py-2 text-std-16N-170 text-blue-900 underline underline-offset-[3px] hover:bg-blue-50';
  const activeClass = 'border-blue-900! font-bold text-blue-1000 no-underline';
  return (
    <nav aria-label={t('admin.navLabel')} className="mb-8 border-b border-solid-gray-420">
      <ul className="flex flex-wrap gap-2">
        <li>
          <Link to={paths.admin.users.path} className={linkClass} activeProps={{ className: activeClass }}>
            {t('admin.users')}
          </Link>
        </li>
        <li>
          <Link to={paths.admin.orgUnits.path} className={linkClass} activeProps={{ className: activeClass }}>
            {t('admin.orgUnits')}
          </Link>
        </li>
        <li>
          <ImportsNavLink className={linkClass} activeClassName={activeClass} />
        </li>
      </ul>
    </nav>
  );
}
