import type { AccessEntry, MatrixFixtures } from '../../test/access-entry.ts';

/** A small org-unit CSV that imports cleanly (a new code every time). */
function orgUnitCsv(fixtures: MatrixFixtures): File {
  const code = fixtures.unique('matrix-unit').replace(/[^A-Za-z0-9_-]/g, '-');
  return new File([`組織コード,組織名,区分,設置日\r\n${code},行列課,課,2024-04-01\r\n`], 'matrix.csv');
}

/** A fresh import uploaded by the system admin, optionally checked; returns its id and ETag. */
async function freshImport(fixtures: MatrixFixtures, options: { isChecked: boolean }) {
  const uploaded = await fixtures.call('admin', 'POST', '/api/v1/imports', {
    form: { kind: 'org_units', file: orgUnitCsv(fixtures) },
  });
  if (uploaded.status !== 201) throw new Error(`cannot upload: ${uploaded.text}`);
  const job = uploaded.body as { id: string; version: number; mapping: Record<string, number | null> };
  if (!options.isChecked) return { id: job.id, etag: `"${job.version}"` };
  const checked = await fixtures.call('admin', 'PUT', `/api/v1/imports/${job.id}/mapping`, {
    headers: { 'if-match': `"${job.version}"` },
    body: { mapping: job.mapping },
  });
  if (checked.status !== 200) throw new Error(`cannot check: ${checked.text}`);
  return { id: job.id, etag: `"${(checked.body as { version: number }).version}"` };
}

/** One import all read routes look at. */
function sharedImport(fixtures: MatrixFixtures) {
  return fixtures.once('imports:shared', () => freshImport(fixtures, { isChecked: true }));
}

/**
 * Who may call the import routes: a kind names who may import it (system admins for org units and
 * users); an import is there only for those who may import its kind (404 for everyone else).
 */
export const importAccess: AccessEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/import-kinds',
    allow: 'signed_in',
    note: 'lists only the kinds the caller may import (none for most people)',
  },
  {
    method: 'GET',
    path: '/api/v1/import-kinds/:kind/export',
    allow: ['system_admin'],
    request: () => ({ path: '/api/v1/import-kinds/users/export?format=csv' }),
  },
  {
    method: 'POST',
    path: '/api/v1/imports',
    allow: ['system_admin'],
    request: (fixtures) => ({
      path: '/api/v1/imports',
      form: { kind: 'org_units', file: orgUnitCsv(fixtures) },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/imports',
    allow: 'signed_in',
    note: 'lists only imports of the kinds the caller may import',
  },
  {
    method: 'GET',
    path: '/api/v1/imports/:id',
    allow: ['system_admin'],
    request: async (fixtures) => ({ path: `/api/v1/imports/${(await sharedImport(fixtures)).id}` }),
  },
  {
    method: 'GET',
    path: '/api/v1/imports/:id/rows',
    allow: ['system_admin'],
    request: async (fixtures) => ({ path: `/api/v1/imports/${(await sharedImport(fixtures)).id}/rows` }),
  },
  {
    method: 'GET',
    path: '/api/v1/imports/:id/file',
    allow: ['system_admin'],
    request: async (fixtures) => ({ path: `/api/v1/imports/${(await sharedImport(fixtures)).id}/file` }),
  },
  {
    method: 'PUT',
    path: '/api/v1/imports/:id/encoding',
    allow: ['system_admin'],
    request: async (fixtures) => {
      const job = await freshImport(fixtures, { isChecked: false });
      return {
        path: `/api/v1/imports/${job.id}/encoding`,
        headers: { 'if-match': job.etag },
        body: { encoding: 'utf-8' },
      };
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/imports/:id/mapping',
    allow: ['system_admin'],
    request: async (fixtures) => {
      const job = await freshImport(fixtures, { isChecked: false });
      return {
        path: `/api/v1/imports/${job.id}/mapping`,
        headers: { 'if-match': job.etag },
        body: { mapping: { code: 0, name: 1, level: 2, effectiveFrom: 3 } },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/imports/:id/commit',
    allow: ['system_admin'],
    request: async (fixtures) => {
      const job = await freshImport(fixtures, { isChecked: true });
      return { path: `/api/v1/imports/${job.id}/commit`, headers: { 'if-match': job.etag } };
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/imports/:id',
    allow: ['system_admin'],
    request: async (fixtures) => {
      const job = await freshImport(fixtures, { isChecked: false });
      return { path: `/api/v1/imports/${job.id}`, headers: { 'if-match': job.etag } };
    },
  },
];
