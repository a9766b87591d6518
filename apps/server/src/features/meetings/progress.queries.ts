import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  agendaItemLinks,
  agendaItems,
  meetingDecisions,
  meetingMaterials,
  meetings,
  orgUnits,
} from '../../db/schema/index.ts';

/*
 * Read-only views of the year's X meetings for the progress dashboard, the progress report and the
 * printed agenda: what each meeting put on its agenda and what it decided. Nothing here reads the
 * minutes or the files of materials.
 */

/** What an agenda item reports: an analysis at a stage, an instruction under review, a cluster, a Platinum issue. */
export type AgendaItemTarget = {
  type: (typeof agendaItemLinks.$inferSelect)['targetType'];
  id: string;
  analysisStage: (typeof agendaItemLinks.$inferSelect)['analysisStage'];
};

/** The agenda items of every meeting of a fiscal year, in meeting and agenda order, with what each reports. */
export async function listAgendaItemsOfYear(db: Executor, fiscalYear: number) {
  const items = await db
    .select({
      id: agendaItems.id,
      meetingId: agendaItems.meetingId,
      position: agendaItems.position,
      kind: agendaItems.kind,
      title: agendaItems.title,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(eq(meetings.fiscalYear, fiscalYear))
    .orderBy(asc(meetings.sequence), asc(agendaItems.position));
  const links = items.length
    ? await db
        .select({
          agendaItemId: agendaItemLinks.agendaItemId,
          type: agendaItemLinks.targetType,
          id: agendaItemLinks.targetId,
          analysisStage: agendaItemLinks.analysisStage,
        })
        .from(agendaItemLinks)
        .where(
          inArray(
            agendaItemLinks.agendaItemId,
            items.map((item) => item.id),
          ),
        )
    : [];
  return items.map((item) => ({
    ...item,
    targets: links
      .filter((link) => link.agendaItemId === item.id)
      .map(({ type, id, analysisStage }): AgendaItemTarget => ({ type, id, analysisStage })),
  }));
}

/** The decisions (決定事項) of every meeting of a fiscal year, in meeting and agenda order. */
export function listDecisionsOfYear(db: Executor, fiscalYear: number) {
  return db
    .select({
      id: meetingDecisions.id,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingSequence: meetings.sequence,
      heldOn: meetings.actualDate,
      agendaItemTitle: agendaItems.title,
      body: meetingDecisions.body,
    })
    .from(meetingDecisions)
    .innerJoin(meetings, eq(meetings.id, meetingDecisions.meetingId))
    .innerJoin(agendaItems, eq(agendaItems.id, meetingDecisions.agendaItemId))
    .where(eq(meetings.fiscalYear, fiscalYear))
    .orderBy(asc(meetings.sequence), asc(agendaItems.position), asc(meetingDecisions.createdAt));
}

/**
 * The agenda (次第) of one meeting as it is printed: each item with its presenting unit and its
 * materials numbered 資料1…n in agenda order. `onlyPublished` keeps to the materials made public.
 */
export async function listAgendaForPrint(
  db: Executor,
  meetingId: string,
  options: { onlyPublished: boolean } = { onlyPublished: false },
) {
  const items = await db
    .select({
      id: agendaItems.id,
      position: agendaItems.position,
      title: agendaItems.title,
      presenter: orgUnits.name,
    })
    .from(agendaItems)
    .leftJoin(orgUnits, eq(orgUnits.id, agendaItems.presenterOrgUnitId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position));
  const materials = await db
    .select({
      agendaItemId: meetingMaterials.agendaItemId,
      title: meetingMaterials.title,
      isPublished: meetingMaterials.isPublished,
    })
    .from(meetingMaterials)
    .innerJoin(agendaItems, eq(agendaItems.id, meetingMaterials.agendaItemId))
    .where(eq(meetingMaterials.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(meetingMaterials.position));
  // 資料n counts every material of the meeting, so a number stays the same whoever reads it.
  const numbered = materials
    .map((material, index) => ({ ...material, label: `資料${index + 1} ${material.title}` }))
    .filter((material) => material.isPublished || !options.onlyPublished);
  return items.map((item) => ({
    position: item.position,
    title: item.title,
    presenter: item.presenter,
    materials: numbered
      .filter((material) => material.agendaItemId === item.id)
      .map((material) => material.label),
  }));
}
