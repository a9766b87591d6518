import type { AccessEntry, MatrixActor, MatrixFixtures } from '../../test/access-entry.ts';
import { actorHas, actorHasFor } from '../../test/access-entry.ts';

/**
 * Who may call the X meeting routes (see `meetings.policy.ts`): the public reads public meetings
 * and what is published; every employee reads meeting records; the reform office keeps the series,
 * agendas, decisions and minutes; the presenting unit (its bureau head or department staff) adds
 * and edits materials of its own items. The matrix works on meetings it makes itself (sequence 20
 * and up of FY2024), so the demo meetings stay as they are.
 */

type Json = Record<string, unknown>;
const PDF = () =>
  new File([new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], '資料.pdf');
let nextSequence = 20;

async function ok(
  fixtures: MatrixFixtures,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; form?: Record<string, string | File> } = {},
) {
  const response = await fixtures.call('reform', method, path, options);
  if (response.status >= 300)
    throw new Error(`${method} ${path} as reform: ${response.status} ${response.text.slice(0, 300)}`);
  return response.body as Json;
}

async function versionOf(
  fixtures: MatrixFixtures,
  table: string,
  id: string,
  column = 'version',
): Promise<string> {
  const rows = await fixtures.query<{ version: number }>(
    `select ${column} as version from ${table} where id = $1`,
    [id],
  );
  if (!rows[0]) throw new Error(`no ${table} row ${id}`);
  return `"${rows[0].version}"`;
}

/** A new FY2024 meeting of the reform office's making. */
async function newMeeting(fixtures: MatrixFixtures, isPublic = true): Promise<string> {
  const meeting = await ok(fixtures, 'POST', '/api/v1/meetings', {
    body: {
      fiscalYear: fixtures.fiscalYear,
      sequence: nextSequence++,
      planned: { precision: 'month', start: '2025-03-01', end: '2025-03-31' },
      isPublic,
    },
  });
  return meeting.id as string;
}

const scratchMeeting = (fixtures: MatrixFixtures) =>
  fixtures.once('meetings:scratch', () => newMeeting(fixtures));
const closedMeeting = (fixtures: MatrixFixtures) =>
  fixtures.once('meetings:closed', () => newMeeting(fixtures, false));

/** A new agenda item on the scratch meeting, presented by the unit with the code (or nobody). */
async function newItem(fixtures: MatrixFixtures, presenterCode: string | null): Promise<string> {
  const meetingId = await scratchMeeting(fixtures);
  const agenda = await ok(fixtures, 'POST', `/api/v1/meetings/${meetingId}/agenda-items`, {
    body: {
      kind: 'other',
      title: fixtures.unique('行列確認の議題'),
      presenterOrgUnitId: presenterCode ? fixtures.orgUnitId(presenterCode) : null,
    },
  });
  return ((agenda.items as Json[]).at(-1) as Json).id as string;
}

/** Scopes of material routes: an item presented by 子ども家庭局's 保育課, or by 建設局. */
const ITEM_SCOPES = ['kodomo-item', 'kensetsu-item'] as const;
const presenterOf = (scope: string) => (scope === 'kodomo-item' ? 'kodomo-hoiku' : 'kensetsu');
const item = (fixtures: MatrixFixtures, scope: string) =>
  fixtures.once(`meetings:item:${scope}`, () => newItem(fixtures, presenterOf(scope)));

/** A material uploaded by the office to the scope's item. */
async function newMaterial(fixtures: MatrixFixtures, scope: string): Promise<string> {
  const meetingId = await scratchMeeting(fixtures);
  const material = await ok(
    fixtures,
    'POST',
    `/api/v1/meetings/${meetingId}/agenda-items/${await item(fixtures, scope)}/materials`,
    {
      form: { file: PDF(), title: fixtures.unique('行列確認の資料') },
    },
  );
  return material.id as string;
}
const material = (fixtures: MatrixFixtures, scope: string) =>
  fixtures.once(`meetings:material:${scope}`, () => newMaterial(fixtures, scope));

/** The office, or the presenting unit's bureau head or department staff (scoped to 子ども家庭局 here). */
function actsForItem(actor: MatrixActor, scope: string): boolean {
  if (actorHas(actor, 'reform_office')) return true;
  return scope === 'kodomo-item' && actorHasFor(actor, 'kodomo', 'bureau_head', 'department_staff');
}

async function newDecision(fixtures: MatrixFixtures): Promise<string> {
  const meetingId = await scratchMeeting(fixtures);
  const decision = await ok(fixtures, 'POST', `/api/v1/meetings/${meetingId}/decisions`, {
    body: { agendaItemId: await item(fixtures, 'kodomo-item'), body: fixtures.unique('決定事項') },
  });
  return decision.id as string;
}

/** A meeting of its own with draft minutes. */
async function meetingWithMinutes(fixtures: MatrixFixtures): Promise<string> {
  const meetingId = await newMeeting(fixtures);
  await ok(fixtures, 'POST', `/api/v1/meetings/${meetingId}/minutes`, { body: { body: '議事要旨（案）' } });
  return meetingId;
}

/** A published material of a public meeting with a published agenda, and one that is not published. */
async function publishedMaterial(
  fixtures: MatrixFixtures,
): Promise<{ meetingId: string; materialId: string }> {
  return fixtures.once('meetings:published-material', async () => {
    const rows = await fixtures.query<{ meeting_id: string; id: string }>(
      `select material.meeting_id, material.id from meeting_materials material
       join meetings meeting on meeting.id = material.meeting_id
       where meeting.is_public and meeting.is_agenda_published and material.is_published and not material.is_redaction_required
       limit 1`,
    );
    if (!rows[0]) throw new Error('the demo data set has no published material');
    return { meetingId: rows[0].meeting_id, materialId: rows[0].id };
  });
}

const isOffice = (actor: MatrixActor) => actorHas(actor, 'reform_office');

export const meetingAccess: AccessEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/meetings.ics',
    allow: 'public',
    request: (fixtures) => ({ path: `/api/v1/meetings.ics?fy=${fixtures.fiscalYear}` }),
  },
  {
    method: 'GET',
    path: '/api/v1/calendar-feed/:file',
    allow: 'public',
    note: 'the token in the URL is the credential: whoever holds it reads the feed',
    request: async (fixtures) => {
      const issued = (await fixtures.call('kodomo-head', 'POST', '/api/v1/calendar-feed')).body as {
        url: string;
      };
      return { path: new URL(issued.url).pathname };
    },
  },
  { method: 'GET', path: '/api/v1/calendar-feed', allow: 'signed_in' },
  { method: 'POST', path: '/api/v1/calendar-feed', allow: 'signed_in' },
  { method: 'DELETE', path: '/api/v1/calendar-feed', allow: 'signed_in' },
  {
    method: 'GET',
    path: '/api/v1/meetings',
    allow: 'public',
    request: async (fixtures) => {
      await closedMeeting(fixtures);
      return { path: `/api/v1/meetings?fy=${fixtures.fiscalYear}` };
    },
    verify: (response, actor) => {
      const items = (response.body as { items: { isPublic: boolean }[] }).items;
      if (!actor.isSignedIn && items.some((meeting) => !meeting.isPublic))
        throw new Error('a closed meeting is listed without a session');
      if (actor.isSignedIn && !items.some((meeting) => !meeting.isPublic))
        throw new Error('employees do not see the closed meeting');
    },
  },
  {
    method: 'POST',
    path: '/api/v1/meetings',
    allow: ['reform_office'],
    request: (fixtures) => ({
      path: '/api/v1/meetings',
      body: {
        fiscalYear: fixtures.fiscalYear,
        sequence: nextSequence++,
        planned: { precision: 'month', start: '2025-03-01', end: '2025-03-31' },
        place: '本庁舎 会議室',
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/meetings/:id',
    allow: (actor, scope) => scope === 'public-meeting' || actor.isSignedIn,
    scopes: ['public-meeting', 'closed-meeting'],
    note: 'a closed meeting is a 404 without a session, the same as an unknown id',
    request: async (fixtures, _actor, scope) => ({
      path: `/api/v1/meetings/${scope === 'public-meeting' ? fixtures.meetingId(1) : await closedMeeting(fixtures)}`,
    }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/meetings/:id',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const id = await scratchMeeting(fixtures);
      return {
        path: `/api/v1/meetings/${id}`,
        body: { place: fixtures.unique('会議室') },
        headers: { 'if-match': await versionOf(fixtures, 'meetings', id) },
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/meetings/:id/agenda-proposals',
    allow: ['reform_office'],
    request: (fixtures) => ({ path: `/api/v1/meetings/${fixtures.meetingId(3)}/agenda-proposals` }),
  },
  {
    method: 'GET',
    path: '/api/v1/meetings/:id/agenda-items',
    allow: 'signed_in',
    request: (fixtures) => ({ path: `/api/v1/meetings/${fixtures.meetingId(1)}/agenda-items` }),
  },
  {
    method: 'POST',
    path: '/api/v1/meetings/:id/agenda-items',
    allow: ['reform_office'],
    request: async (fixtures) => ({
      path: `/api/v1/meetings/${await scratchMeeting(fixtures)}/agenda-items`,
      body: { kind: 'other', title: fixtures.unique('議題'), note: '説明' },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/meetings/:id/agenda-items/:itemId',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const itemId = await item(fixtures, 'kensetsu-item');
      return {
        path: `/api/v1/meetings/${await scratchMeeting(fixtures)}/agenda-items/${itemId}`,
        body: { note: fixtures.unique('説明') },
        headers: { 'if-match': await versionOf(fixtures, 'agenda_items', itemId) },
      };
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/meetings/:id/agenda-items/:itemId',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const meetingId = await scratchMeeting(fixtures);
      const itemId = await newItem(fixtures, null);
      return {
        path: `/api/v1/meetings/${meetingId}/agenda-items/${itemId}`,
        headers: { 'if-match': await versionOf(fixtures, 'meetings', meetingId, 'agenda_version') },
      };
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/meetings/:id/agenda-items/order',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const meetingId = await scratchMeeting(fixtures);
      await item(fixtures, 'kodomo-item');
      const items = await fixtures.query<{ id: string }>(
        'select id from agenda_items where meeting_id = $1 order by position desc',
        [meetingId],
      );
      return {
        path: `/api/v1/meetings/${meetingId}/agenda-items/order`,
        body: { itemIds: items.map((row) => row.id) },
        headers: { 'if-match': await versionOf(fixtures, 'meetings', meetingId, 'agenda_version') },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/meetings/:id/agenda-items/:itemId/materials',
    allow: actsForItem,
    scopes: ITEM_SCOPES,
    request: async (fixtures, _actor, scope) => ({
      path: `/api/v1/meetings/${await scratchMeeting(fixtures)}/agenda-items/${await item(fixtures, scope)}/materials`,
      form: { file: PDF(), title: fixtures.unique('資料') },
    }),
  },
  {
    method: 'PUT',
    path: '/api/v1/meetings/:id/materials/:materialId/redacted-file',
    allow: actsForItem,
    scopes: ITEM_SCOPES,
    request: async (fixtures, _actor, scope) => {
      const materialId = await material(fixtures, scope);
      return {
        path: `/api/v1/meetings/${await scratchMeeting(fixtures)}/materials/${materialId}/redacted-file`,
        form: { file: PDF() },
        headers: { 'if-match': await versionOf(fixtures, 'meeting_materials', materialId) },
      };
    },
  },
  {
    method: 'PATCH',
    path: '/api/v1/meetings/:id/materials/:materialId',
    allow: actsForItem,
    scopes: ITEM_SCOPES,
    note: 'renaming is the presenting unit’s too; publishing stays with the office',
    request: async (fixtures, _actor, scope) => {
      const materialId = await material(fixtures, scope);
      return {
        path: `/api/v1/meetings/${await scratchMeeting(fixtures)}/materials/${materialId}`,
        body: { title: fixtures.unique('資料名') },
        headers: { 'if-match': await versionOf(fixtures, 'meeting_materials', materialId) },
      };
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/meetings/:id/materials/:materialId',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const materialId = await newMaterial(fixtures, 'kodomo-item');
      return {
        path: `/api/v1/meetings/${await scratchMeeting(fixtures)}/materials/${materialId}`,
        headers: { 'if-match': await versionOf(fixtures, 'meeting_materials', materialId) },
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/meetings/:id/materials/:materialId/file',
    allow: (actor, scope) => scope === 'published-material' || actor.isSignedIn,
    scopes: ['published-material', 'unpublished-material'],
    note: 'without a session only what the public page offers: a published material of a public meeting',
    request: async (fixtures, _actor, scope) => {
      if (scope === 'published-material') {
        const { meetingId, materialId } = await publishedMaterial(fixtures);
        return { path: `/api/v1/meetings/${meetingId}/materials/${materialId}/file` };
      }
      return {
        path: `/api/v1/meetings/${await scratchMeeting(fixtures)}/materials/${await material(fixtures, 'kensetsu-item')}/file`,
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/meetings/:id/decisions',
    allow: 'signed_in',
    request: (fixtures) => ({ path: `/api/v1/meetings/${fixtures.meetingId(1)}/decisions` }),
  },
  {
    method: 'POST',
    path: '/api/v1/meetings/:id/decisions',
    allow: ['reform_office'],
    request: async (fixtures) => ({
      path: `/api/v1/meetings/${await scratchMeeting(fixtures)}/decisions`,
      body: { agendaItemId: await item(fixtures, 'kodomo-item'), body: fixtures.unique('決定事項') },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/meetings/:id/decisions/:decisionId',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const decisionId = await fixtures.once('meetings:decision', () => newDecision(fixtures));
      return {
        path: `/api/v1/meetings/${await scratchMeeting(fixtures)}/decisions/${decisionId}`,
        body: { body: fixtures.unique('決定事項（修正）') },
        headers: { 'if-match': await versionOf(fixtures, 'meeting_decisions', decisionId) },
      };
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/meetings/:id/decisions/:decisionId',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const decisionId = await newDecision(fixtures);
      return {
        path: `/api/v1/meetings/${await scratchMeeting(fixtures)}/decisions/${decisionId}`,
        headers: { 'if-match': await versionOf(fixtures, 'meeting_decisions', decisionId) },
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/meetings/:id/minutes',
    allow: (actor) => actorHas(actor, 'reform_office', 'executive'),
    note: 'draft minutes are the working papers of the office and the executives (a 404 for others)',
    request: async (fixtures) => ({
      path: `/api/v1/meetings/${await fixtures.once('meetings:draft-minutes', () => meetingWithMinutes(fixtures))}/minutes`,
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/meetings/:id/minutes',
    allow: ['reform_office'],
    request: async (fixtures, actor) => ({
      // A meeting of its own for the office's call (minutes are written once); any meeting for refusals.
      path: `/api/v1/meetings/${isOffice(actor) ? await newMeeting(fixtures) : await scratchMeeting(fixtures)}/minutes`,
      body: { body: '議事要旨（案）' },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/meetings/:id/minutes',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const meetingId = await fixtures.once('meetings:edited-minutes', () => meetingWithMinutes(fixtures));
      const rows = await fixtures.query<{ version: number }>(
        'select version from meeting_minutes where meeting_id = $1',
        [meetingId],
      );
      return {
        path: `/api/v1/meetings/${meetingId}/minutes`,
        body: { body: fixtures.unique('議事要旨') },
        headers: { 'if-match': `"${rows[0]?.version ?? 1}"` },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/meetings/:id/minutes/status',
    allow: ['reform_office'],
    request: async (fixtures, actor) => {
      const meetingId = isOffice(actor)
        ? await meetingWithMinutes(fixtures)
        : await fixtures.once('meetings:draft-minutes', () => meetingWithMinutes(fixtures));
      const rows = await fixtures.query<{ version: number }>(
        'select version from meeting_minutes where meeting_id = $1',
        [meetingId],
      );
      return {
        path: `/api/v1/meetings/${meetingId}/minutes/status`,
        body: { status: 'approved' },
        headers: { 'if-match': `"${rows[0]?.version ?? 1}"` },
      };
    },
  },
];
