import { Link } from '@tanstack/react-router';
import { paths } from '@/config/paths';
import { useDashboardText } from '../messages';

/** Links between the progress pages (dashboard, year schedule, whole picture), keeping the year. */
export function ProgressSubnav({ fiscalYear }: { fiscalYear?: number | undefined }) {
  const text = useDashboardText();
  const search = { fy: fiscalYear };
  const linkClass =
    'inline-flex min-h-11 items-center border-b-4 border-transparent px-3 text-std-16N-170 text-blue-900 underline-offset-4 hover:underline';
  const active = { className: 'border-blue-900 font-bold text-blue-1000' };
  return (
    <nav aria-label={text('subnav')} className="mb-6 border-b border-solid-gray-200 print:hidden">
      <ul className="flex flex-wrap gap-2">
        <li>
          <Link to={paths.progress.path} search={search} className={linkClass} activeProps={active}>
            {text('subnav.dashboard')}
          </Link>
        </li>
        <li>
          <Link to={paths.schedule.path} search={search} className={linkClass} activeProps={active}>
            {text('subnav.schedule')}
          </Link>
        </li>
        <li>
          <Link to={paths.overview.path} search={search} className={linkClass} activeProps={active}>
            {text('subnav.overview')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
