import type { AccessEntry, MatrixFixtures } from '../../test/access-entry.ts';

/** A hand-kept entry the matrix may change or remove, made fresh for each call. */
async function freshEntry(fixtures: MatrixFixtures): Promise<{ id: string; version: number }> {
  const response = await fixtures.call('reform', 'POST', '/api/v1/schedule/entries', {
    body: {
      fiscalYear: fixtures.fiscalYear,
      lane: 'analysis',
      label: fixtures.unique('行列の確認'),
      span: { precision: 'month', start: '2024-09-01', end: '2024-09-30' },
    },
  });
  if (response.status !== 201) throw new Error(`cannot create a schedule entry: ${response.text}`);
  return response.body as { id: string; version: number };
}

/** The year's schedule: every employee reads it; the reform office keeps the hand-kept entries. */
export const scheduleAccess: AccessEntry[] = [
  { method: 'GET', path: '/api/v1/schedule', allow: 'signed_in' },
  {
    method: 'POST',
    path: '/api/v1/schedule/entries',
    allow: ['reform_office'],
    request: (fixtures) => ({
      path: '/api/v1/schedule/entries',
      body: {
        fiscalYear: fixtures.fiscalYear,
        lane: 'bureau_policy',
        label: fixtures.unique('局区X方針の確認'),
        span: { precision: 'early', start: '2024-10-01', end: '2024-10-10' },
      },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/schedule/entries/:id',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const entry = await freshEntry(fixtures);
      return {
        path: `/api/v1/schedule/entries/${entry.id}`,
        body: { label: fixtures.unique('変更') },
        headers: { 'if-match': `"${entry.version}"` },
      };
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/schedule/entries/:id',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const entry = await freshEntry(fixtures);
      return { path: `/api/v1/schedule/entries/${entry.id}`, headers: { 'if-match': `"${entry.version}"` } };
    },
  },
];
