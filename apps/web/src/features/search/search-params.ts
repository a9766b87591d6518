import type { SearchKind, SearchParams } from './types';

const KINDS: readonly SearchKind[] = [
  'cluster',
  'meeting',
  'analysis',
  'bureau_policy',
  'initiative',
  'idea',
  'need',
  'user',
];

/** Reads /search?q=&kind=&fy=&page=&scope= ; anything unexpected is dropped. */
export function validateSearchParams(search: Record<string, unknown>): SearchParams {
  const q =
    typeof search.q === 'number' ? String(search.q) : typeof search.q === 'string' ? search.q.trim() : '';
  const kind =
    typeof search.kind === 'string' && (KINDS as readonly string[]).includes(search.kind)
      ? (search.kind as SearchKind)
      : undefined;
  const fy = Number(search.fy);
  const page = Number(search.page);
  return {
    q: q && q.length <= 200 ? q : undefined,
    kind,
    fy: Number.isInteger(fy) && fy >= 1989 && fy <= 2100 ? fy : undefined,
    page: Number.isInteger(page) && page >= 2 && page <= 500 ? page : undefined,
    scope: search.scope === 'public' ? 'public' : undefined,
  };
}
