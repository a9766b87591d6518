import { isoDateOf } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { listActionsOfMeeting, orgUnitAncestry, presentAction } from '../actions/index.ts';
import { fileInfo, listMaterials } from './materials.queries.ts';
import { meetingPolicy } from './meetings.policy.ts';
import { presentAgenda } from './meetings.presenter.ts';
import { listAgendaItems, listAgendaLinks, listDecisions, type MeetingRow } from './meetings.queries.ts';

/** The ancestry of each presenting org unit, for the object-level checks on materials. */
async function presenterAncestries(db: Executor, unitIds: (string | null)[]) {
  const unique = [...new Set(unitIds.filter((id): id is string => id !== null))];
  const chains = await Promise.all(unique.map((id) => orgUnitAncestry(db, id)));
  return new Map(unique.map((id, index) => [id, chains[index]!]));
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
