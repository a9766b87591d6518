import { Link, type LinkProps, useRouterState } from '@tanstack/react-router';

export type NavItem = {
  to: NonNullable<LinkProps['to']>;
  label: string;
  /** Only the exact path counts as this item (for ホーム). */
  exact?: boolean;
  /** Other paths under which this item is the current section (e.g. 管理 for all admin pages). */
  sectionPaths?: readonly string[];
};

const itemClass =
  'inline-flex min-h-12 items-center border-b-4 px-3 py-2 text-std-16N-170 text-solid-gray-800 hover:bg-blue-50 hover:text-blue-1000 hover:underline';
const currentClass = 'border-blue-900 font-bold text-blue-1000';

/**
 * The main navigation. The current page's link carries aria-current="page" (set by the router's
 * Link) and a thick underline with bold text, so colour is not the only cue.
 */
export function MainNav({ items, label }: { items: readonly NavItem[]; label: string }) {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (
    <nav aria-label={label} className="border-t border-solid-gray-200">
      <ul className="mx-auto flex max-w-7xl flex-wrap gap-x-1 px-2 md:px-6">
        {items.map((item) => {
          const inSection = item.sectionPaths?.some(
            (path) => pathname === path || pathname.startsWith(`${path}/`),
          );
          return (
            <li key={item.to}>
              <Link
                to={item.to}
                activeOptions={{ exact: item.exact ?? false, includeSearch: false }}
                className={`${itemClass} ${inSection ? currentClass : 'border-transparent'}`}
                activeProps={{ className: currentClass }}
                aria-current={inSection ? 'true' : undefined}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
