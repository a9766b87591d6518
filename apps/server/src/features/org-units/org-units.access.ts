import type { AccessEntry, MatrixFixtures } from '../../test/access-entry.ts';

/** An org unit the matrix may rename as often as it likes. */
function matrixOrgUnit(fixtures: MatrixFixtures): Promise<string> {
  return fixtures.once('org-units:target', async () => {
    const response = await fixtures.call('admin', 'POST', '/api/v1/org-units', {
      body: { code: 'matrix-target', name: '行列確認課', level: 'section', effectiveFrom: '2024-04-01' },
    });
    if (response.status !== 201) throw new Error(`cannot create the target org unit: ${response.text}`);
    return (response.body as { id: string }).id;
  });
}

/** The organisation is public to read; system admins change it. */
export const orgUnitAccess: AccessEntry[] = [
  { method: 'GET', path: '/api/v1/org-units', allow: 'public' },
  {
    method: 'POST',
    path: '/api/v1/org-units',
    allow: ['system_admin'],
    request: (fixtures) => ({
      path: '/api/v1/org-units',
      body: {
        code: fixtures.unique('matrix'),
        name: '行列確認係',
        level: 'section',
        effectiveFrom: '2024-04-01',
      },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/org-units/:id',
    allow: ['system_admin'],
    request: async (fixtures) => {
      const id = await matrixOrgUnit(fixtures);
      const rows = await fixtures.query<{ version: number }>('select version from org_units where id = $1', [
        id,
      ]);
      return {
        path: `/api/v1/org-units/${id}`,
        body: { name: fixtures.unique('行列確認課') },
        headers: { 'if-match': `"${rows[0]!.version}"` },
      };
    },
  },
];
