import type { AccessEntry, MatrixActor, MatrixFixtures } from '../../test/access-entry.ts';
import { actorHas, actorHasFor } from '../../test/access-entry.ts';

/**
 * Who may call the tracked-action (指示事項) routes (see `actions.policy.ts`): every employee reads
 * them; the reform office records and edits them; the owning unit's bureau head or department
 * staff reports progress. The matrix records its own instructions on the first FY2024 meeting.
 */

/** An instruction owned by the unit with the code, recorded by the office. */
async function newAction(fixtures: MatrixFixtures, ownerCode: string): Promise<string> {
  const meetingId = fixtures.meetingId(1);
  const items = await fixtures.query<{ id: string }>(
    'select id from agenda_items where meeting_id = $1 order by position limit 1',
    [meetingId],
  );
  const response = await fixtures.call('reform', 'POST', `/api/v1/meetings/${meetingId}/instructions`, {
    body: {
      agendaItemId: items[0]!.id,
      body: fixtures.unique('行列確認の指示事項'),
      ownerOrgUnitId: fixtures.orgUnitId(ownerCode),
      dueDate: '2025-03-31',
    },
  });
  if (response.status !== 201)
    throw new Error(`cannot record an instruction: ${response.text.slice(0, 300)}`);
  return (response.body as { id: string }).id;
}

const ownedBy = (scope: string) => (scope === 'kodomo-owned' ? 'kodomo-hoiku' : 'kankyo');
const action = (fixtures: MatrixFixtures, scope: string) =>
  fixtures.once(`actions:${scope}`, () => newAction(fixtures, ownedBy(scope)));

async function versionOf(fixtures: MatrixFixtures, id: string): Promise<string> {
  const rows = await fixtures.query<{ version: number }>(
    'select version from meeting_actions where id = $1',
    [id],
  );
  return `"${rows[0]!.version}"`;
}

/** The office, or the owning unit's bureau head or department staff (scoped to a unit above it). */
function movesAction(actor: MatrixActor, scope: string): boolean {
  if (actorHas(actor, 'reform_office')) return true;
  return scope === 'kodomo-owned' && actorHasFor(actor, 'kodomo', 'bureau_head', 'department_staff');
}

export const actionAccess: AccessEntry[] = [
  { method: 'GET', path: '/api/v1/actions', allow: 'signed_in' },
  {
    method: 'GET',
    path: '/api/v1/actions/:id',
    allow: 'signed_in',
    request: async (fixtures) => ({ path: `/api/v1/actions/${await action(fixtures, 'kodomo-owned')}` }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/actions/:id',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const id = await action(fixtures, 'kankyo-owned');
      return {
        path: `/api/v1/actions/${id}`,
        body: { body: fixtures.unique('指示事項（修正）') },
        headers: { 'if-match': await versionOf(fixtures, id) },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/actions/:id/updates',
    allow: movesAction,
    scopes: ['kodomo-owned', 'kankyo-owned'],
    note: 'staff of another unit may read an action but not report on it',
    request: async (fixtures, _actor, scope) => {
      const id = await action(fixtures, scope);
      return {
        path: `/api/v1/actions/${id}/updates`,
        body: { body: fixtures.unique('対応状況') },
        headers: { 'if-match': await versionOf(fixtures, id) },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/meetings/:id/instructions',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const meetingId = fixtures.meetingId(1);
      const items = await fixtures.query<{ id: string }>(
        'select id from agenda_items where meeting_id = $1 order by position limit 1',
        [meetingId],
      );
      return {
        path: `/api/v1/meetings/${meetingId}/instructions`,
        body: {
          agendaItemId: items[0]!.id,
          body: fixtures.unique('指示事項'),
          ownerOrgUnitId: fixtures.orgUnitId('kankyo'),
          dueDate: '2025-03-31',
        },
      };
    },
  },
];
