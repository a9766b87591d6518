import type { ReactNode } from 'react';

/**
 * The page's one <h1>. It can take focus (tabIndex -1) so that, after navigating, focus moves
 * to the new page's title and screen readers announce it.
 */
export function PageHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  return (
    <div className="mb-8 flex flex-col gap-3">
      <h1
        tabIndex={-1}
        data-page-heading
        className="text-std-28B-150 text-solid-gray-900 md:text-std-32B-150"
      >
        {children}
      </h1>
      {lead ? <div className="max-w-3xl text-std-16N-175 text-solid-gray-700">{lead}</div> : null}
    </div>
  );
}
