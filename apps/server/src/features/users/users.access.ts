import type { AccessEntry, MatrixFixtures } from '../../test/access-entry.ts';

/** A user account the matrix may edit as often as it likes. */
function matrixUser(fixtures: MatrixFixtures): Promise<string> {
  return fixtures.once('users:target', async () => {
    const response = await fixtures.call('admin', 'POST', '/api/v1/users', {
      body: { login: 'matrix-target', displayName: '行列 確認' },
    });
    if (response.status !== 201) throw new Error(`cannot create the target user: ${response.text}`);
    return (response.body as { id: string }).id;
  });
}

/** User accounts: system admins only, to read as well as to change. */
export const userAccess: AccessEntry[] = [
  { method: 'GET', path: '/api/v1/users', allow: ['system_admin'] },
  {
    method: 'GET',
    path: '/api/v1/users/:id',
    allow: ['system_admin'],
    request: (fixtures) => ({ path: `/api/v1/users/${fixtures.userId('staff1')}` }),
  },
  {
    method: 'POST',
    path: '/api/v1/users',
    allow: ['system_admin'],
    request: (fixtures) => ({
      path: '/api/v1/users',
      body: {
        login: fixtures.unique('matrix-user'),
        displayName: '行列 利用者',
        roles: [{ role: 'system_admin', orgUnitId: null }],
      },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/users/:id',
    allow: ['system_admin'],
    scopes: ['another-user', 'own-account'],
    note: 'nobody but a system admin changes roles, not even their own',
    request: async (fixtures, actor, scope) => {
      const id = scope === 'own-account' && actor.userId ? actor.userId : await matrixUser(fixtures);
      const rows = await fixtures.query<{ version: number }>('select version from users where id = $1', [id]);
      return {
        path: `/api/v1/users/${id}`,
        body:
          scope === 'own-account'
            ? { roles: actor.grants.map((grant) => ({ role: grant.role, orgUnitId: null })) }
            : { displayName: fixtures.unique('行列 確認') },
        headers: { 'if-match': `"${rows[0]?.version ?? 1}"` },
      };
    },
  },
];
