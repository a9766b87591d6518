import { isoDateOf } from '@totonoe/domain';
import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/index.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { listActionsOfMeeting, presentAction } from '../actions/index.ts';
import { fileInfo, listMaterials } from './materials.queries.ts';
import { meetingPolicy } from './meetings.policy.ts';
import { presentAgenda } from './meetings.presenter.ts';
import { listAgendaItems, listAgendaLinks, listDecisions, type MeetingRow } from './meetings.queries.ts';

/**
 * The ancestry of each presenting org unit (the unit first, then up to the top), for the
 * object-level checks on materials: one query for all of them, not one per unit.
 */
async function presenterAncestries(db: Executor, unitIds: (string | null)[]): Promise<Map<string, string[]>> {
  const unique = [...new Set(unitIds.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const result = await db.execute<{ start_id: string; ids: string[] }>(sql`
    with recursive chain(start_id, id, parent_id, depth) as (
      select ${orgUnits.id}, ${orgUnits.id}, ${orgUnits.parentId}, 0 from ${orgUnits}
      where ${inArray(orgUnits.id, unique)}
      union all
      select chain.start_id, o.id, o.parent_id, chain.depth + 1 from ${orgUnits} o
      join chain on o.id = chain.parent_id
      where chain.depth < 20
    )
    select start_id::text as start_id, array_agg(id::text order by depth) as ids from chain group by start_id`);
  return new Map(result.rows.map((row) => [row.start_id, row.ids]));
}

/** Reads a meeting's agenda with everything recorded on it, shaped for the given signed-in viewer. */
export async function loadAgenda(db: Executor, meeting: MeetingRow, user: CurrentUser) {
  const items = await listAgendaItems(db, meeting.id);
  const [links, materials, decisions, actions] = await Promise.all([
    listAgendaLinks(
      db,
      items.map((item) => item.id),
      meeting.fiscalYear,
    ),
    listMaterials(db, meeting.id),
    listDecisions(db, meeting.id),
    listActionsOfMeeting(db, meeting.id),
  ]);
  const [redactedFiles, ancestries] = await Promise.all([
    fileInfo(
      db,
      materials.flatMap((material) => (material.redactedFileId ? [material.redactedFileId] : [])),
    ),
    presenterAncestries(
      db,
      items.map((item) => item.presenterOrgUnitId),
    ),
  ]);
  const ancestryOf = (unitId: string | null) => (unitId ? (ancestries.get(unitId) ?? []) : []);
  const today = isoDateOf(new Date());
  return presentAgenda({
    meetingId: meeting.id,
    agendaVersion: meeting.agendaVersion,
    items,
    links,
    materials,
    redactedFiles,
    decisions,
    instructions: actions.map((action) => presentAction(action, today)),
    viewer: {
      canAddMaterial: (item) =>
        meetingPolicy.canAddMaterial(user, { presenterAncestry: ancestryOf(item.presenterOrgUnitId) }),
      canReadOriginal: (material) =>
        meetingPolicy.canReadOriginal(user, {
          isRedactionRequired: material.isRedactionRequired,
          presenterAncestry: ancestryOf(material.presenterOrgUnitId),
        }),
    },
  });
}
