import type { AccessEntry } from '../../test/access-entry.ts';

/** Health, the OpenAPI document and the API page are public: they hold no data. */
export const systemAccess: AccessEntry[] = [
  { method: 'GET', path: '/healthz', allow: 'public' },
  { method: 'GET', path: '/api/v1/openapi.json', allow: 'public' },
  { method: 'GET', path: '/api/v1/docs', allow: 'public' },
];
