import { Link } from '@tanstack/react-router';
import { paths } from '@/config/paths';
import { usePortalText } from '../messages';

/** Links between the public pages. */
export function PortalNav() {
  const text = usePortalText();
  const linkClass =
    'inline-flex min-h-11 items-center border-b-4 border-transparent px-3 text-blue-900 underline-offset-4 hover:underline';
  const active = { className: 'border-blue-900 font-bold text-blue-1000' };
  return (
    <nav aria-label={text('portalNav')} className="mb-6 border-b border-solid-gray-200 print:hidden">
      <ul className="flex flex-wrap gap-2">
        <li>
          <Link
            to={paths.publicHome.path}
            className={linkClass}
            activeProps={active}
            activeOptions={{ exact: true }}
          >
            {text('nav.home')}
          </Link>
        </li>
        <li>
          <Link to={paths.clusters.path} className={linkClass} activeProps={active}>
            {text('nav.clusters')}
          </Link>
        </li>
        <li>
          <Link to={paths.publicPolicies.path} className={linkClass} activeProps={active}>
            {text('nav.policies')}
          </Link>
        </li>
        <li>
          <Link to={paths.publicNeeds.path} className={linkClass} activeProps={active}>
            {text('nav.needs')}
          </Link>
        </li>
        <li>
          <Link to={paths.publicPlatinum.path} className={linkClass} activeProps={active}>
            {text('nav.platinum')}
          </Link>
        </li>
        <li>
          <Link to={paths.publicOpenData.path} className={linkClass} activeProps={active}>
            {text('nav.openData')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
