import type { AccessEntry } from '../../test/access-entry.ts';

/** Who may search: everyone; what each person finds is filtered by the documents' readers (tested in search.test.ts). */
export const searchAccess: AccessEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/search',
    allow: 'public',
    request: () => ({ path: `/api/v1/search?q=${encodeURIComponent('保育')}` }),
  },
];
