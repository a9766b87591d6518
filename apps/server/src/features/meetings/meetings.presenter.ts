import { z } from '@hono/zod-openapi';
import {
  AGENDA_ITEM_KINDS,
  agendaItemKindLabel,
  DATE_PRECISIONS,
  MINUTES_STATUSES,
  materialLabel,
  minutesStatusLabel,
  numberMaterials,
  preciseDateLabel,
} from '@totonoe/domain';
import type { meetingDecisions, meetingMinutes, meetings } from '../../db/schema/index.ts';
import { actionSchema } from '../actions/index.ts';
import type { MaterialRow } from './materials.queries.ts';
import type { AgendaItemRow, listAgendaLinks } from './meetings.queries.ts';

export const preciseDateResponse = z
  .object({ precision: z.enum(DATE_PRECISIONS), start: z.string(), end: z.string() })
  .openapi('PreciseDate');

const ANALYSIS_STAGES = [
  'planned',
  'started',
  'progress_reported',
  'direction_reported',
  'final_reported',
  'follow_up',
] as const;
type AnalysisStage = (typeof ANALYSIS_STAGES)[number];

/** What an analysis reports at a meeting when it reaches each stage, in English. */
export const ANALYSIS_STAGE_REPORT_LABELS_EN: Readonly<Record<AnalysisStage, string>> = {
  planned: 'plan',
  started: 'start',
  progress_reported: 'progress report',
  direction_reported: 'direction report',
  final_reported: 'final report',
  follow_up: 'follow-up',
};

/** What an analysis reports at a meeting when it reaches each stage. */
export const ANALYSIS_STAGE_REPORT_LABELS: Readonly<Record<AnalysisStage, string>> = {
  planned: '計画',
  started: '着手',
  progress_reported: '経過報告',
  direction_reported: '方向性報告',
  final_reported: '最終報告',
  follow_up: 'フォローアップ',
};

export const meetingSummarySchema = z
  .object({
    id: z.string().uuid(),
    fiscalYear: z.number().int(),
    sequence: z.number().int(),
    title: z.string(),
    planned: preciseDateResponse,
    plannedLabel: z.string(),
    actualDate: z.string().nullable(),
    startTime: z.string().nullable(),
    endTime: z.string().nullable(),
    place: z.string().nullable(),
    isPublic: z.boolean(),
  })
  .openapi('MeetingSummary');

type MeetingRow = typeof meetings.$inferSelect;

/** "10:00:00" → "10:00". */
function shortTime(value: string | null): string | null {
  return value ? value.slice(0, 5) : null;
}

/** Shapes a meeting for lists. */
export function presentMeetingSummary(row: MeetingRow): z.infer<typeof meetingSummarySchema> {
  const planned = { precision: row.plannedPrecision, start: row.plannedStart, end: row.plannedEnd };
  return {
    id: row.id,
    fiscalYear: row.fiscalYear,
    sequence: row.sequence,
    title: row.title,
    planned,
    plannedLabel: preciseDateLabel(planned),
    actualDate: row.actualDate,
    startTime: shortTime(row.startTime),
    endTime: shortTime(row.endTime),
    place: row.place,
    isPublic: row.isPublic,
  };
}

export const agendaLinkSchema = z
  .object({
    type: z.enum(['analysis', 'action', 'cluster', 'platinum_issue']),
    id: z.string().uuid(),
    label: z.string(),
    analysisStage: z.enum(ANALYSIS_STAGES).nullable(),
    analysisStageLabel: z.string().nullable(),
  })
  .openapi('AgendaLink');

export const materialSchema = z
  .object({
    id: z.string().uuid(),
    agendaItemId: z.string().uuid(),
    number: z.number().int(),
    label: z.string(),
    title: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    byteSize: z.number().int(),
    isRedactionRequired: z.boolean(),
    hasRedactedFile: z.boolean(),
    redactedFileName: z.string().nullable(),
    isPublished: z.boolean(),
    publishedAt: z.string().nullable(),
    canReadOriginal: z.boolean(),
    downloadUrl: z.string().nullable(),
    redactedDownloadUrl: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('Material');

export const decisionSchema = z
  .object({
    id: z.string().uuid(),
    agendaItemId: z.string().uuid(),
    body: z.string(),
    version: z.number().int(),
  })
  .openapi('Decision');

export const agendaItemSchema = z
  .object({
    id: z.string().uuid(),
    number: z.number().int(),
    kind: z.enum(AGENDA_ITEM_KINDS),
    kindLabel: z.string(),
    title: z.string(),
    presenter: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
    note: z.string().nullable(),
    links: z.array(agendaLinkSchema),
    materials: z.array(materialSchema),
    decisions: z.array(decisionSchema),
    instructions: z.array(actionSchema),
    canAddMaterial: z.boolean(),
    version: z.number().int(),
  })
  .openapi('AgendaItem');

export const agendaSchema = z
  .object({ meetingId: z.string().uuid(), agendaVersion: z.number().int(), items: z.array(agendaItemSchema) })
  .openapi('Agenda');

export const minutesSchema = z
  .object({
    status: z.enum(MINUTES_STATUSES),
    statusLabel: z.string(),
    body: z.string(),
    approvedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('Minutes');

export const meetingDetailSchema = meetingSummarySchema
  .extend({
    videoUrl: z.string().nullable(),
    isAgendaPublished: z.boolean(),
    isVideoPublished: z.boolean(),
    version: z.number().int(),
    agendaVersion: z.number().int(),
    agenda: z.array(agendaItemSchema),
    minutes: minutesSchema.nullable(),
    /** Minutes exist but the viewer may not read them yet (a draft). */
    hasHiddenMinutes: z.boolean(),
    canManage: z.boolean(),
  })
  .openapi('MeetingDetail');

export const publicMaterialSchema = z
  .object({
    number: z.number().int(),
    label: z.string(),
    title: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    byteSize: z.number().int(),
    isRedacted: z.boolean(),
    downloadUrl: z.string(),
  })
  .openapi('PublicMaterial');

export const publicMeetingSchema = z
  .object({
    id: z.string().uuid(),
    fiscalYear: z.number().int(),
    sequence: z.number().int(),
    title: z.string(),
    planned: preciseDateResponse,
    plannedLabel: z.string(),
    actualDate: z.string().nullable(),
    startTime: z.string().nullable(),
    endTime: z.string().nullable(),
    place: z.string().nullable(),
    videoUrl: z.string().nullable(),
    agenda: z
      .array(
        z.object({
          number: z.number().int(),
          kind: z.enum(AGENDA_ITEM_KINDS),
          kindLabel: z.string(),
          title: z.string(),
          presenterName: z.string().nullable(),
          materials: z.array(publicMaterialSchema),
        }),
      )
      .nullable(),
    minutes: z.object({ body: z.string(), publishedAt: z.string().nullable() }).nullable(),
  })
  .openapi('PublicMeeting');

export type AgendaLinkRow = Awaited<ReturnType<typeof listAgendaLinks>>[number];
type DecisionRow = typeof meetingDecisions.$inferSelect;
type MinutesRow = typeof meetingMinutes.$inferSelect;
type ActionJson = z.infer<typeof actionSchema>;

function materialUrl(meetingId: string, materialId: string, variant?: 'redacted' | 'public'): string {
  const base = `/api/v1/meetings/${meetingId}/materials/${materialId}/file`;
  return variant ? `${base}?variant=${variant}` : base;
}

/** What the viewer may do with each agenda item's materials. */
export type AgendaViewer = {
  canAddMaterial: (item: AgendaItemRow) => boolean;
  canReadOriginal: (material: MaterialRow) => boolean;
};

/** Shapes the agenda with 資料 numbers in agenda order, links, materials, decisions and instructions. */
export function presentAgenda(input: {
  meetingId: string;
  agendaVersion: number;
  items: AgendaItemRow[];
  links: AgendaLinkRow[];
  materials: MaterialRow[];
  redactedFiles: Map<string, { fileName: string }>;
  decisions: DecisionRow[];
  instructions: ActionJson[];
  viewer: AgendaViewer;
}): z.infer<typeof agendaSchema> {
  const numbers = numberMaterials(input.materials);
  return {
    meetingId: input.meetingId,
    agendaVersion: input.agendaVersion,
    items: input.items.map((item, index) => ({
      id: item.id,
      number: index + 1,
      kind: item.kind,
      kindLabel: agendaItemKindLabel(item.kind),
      title: item.title,
      presenter:
        item.presenterOrgUnitId && item.presenterName
          ? { id: item.presenterOrgUnitId, name: item.presenterName }
          : null,
      note: item.note,
      links: input.links
        .filter((link) => link.agendaItemId === item.id)
        .map((link) => ({
          type: link.targetType,
          id: link.targetId,
          label: link.label,
          analysisStage: link.analysisStage,
          analysisStageLabel: link.analysisStage ? ANALYSIS_STAGE_REPORT_LABELS[link.analysisStage] : null,
        })),
      materials: input.materials
        .filter((material) => material.agendaItemId === item.id)
        .map((material) => {
          const number = numbers.get(material.id)!;
          const canReadOriginal = input.viewer.canReadOriginal(material);
          const redacted = material.redactedFileId
            ? input.redactedFiles.get(material.redactedFileId)
            : undefined;
          return {
            id: material.id,
            agendaItemId: material.agendaItemId,
            number,
            label: materialLabel(number),
            title: material.title,
            fileName: material.fileName,
            contentType: material.contentType,
            byteSize: material.byteSize,
            isRedactionRequired: material.isRedactionRequired,
            hasRedactedFile: material.redactedFileId !== null,
            redactedFileName: redacted?.fileName ?? null,
            isPublished: material.isPublished,
            publishedAt: material.publishedAt?.toISOString() ?? null,
            canReadOriginal,
            downloadUrl: canReadOriginal ? materialUrl(input.meetingId, material.id) : null,
            redactedDownloadUrl: material.redactedFileId
              ? materialUrl(input.meetingId, material.id, 'redacted')
              : null,
            version: material.version,
          };
        }),
      decisions: input.decisions
        .filter((decision) => decision.agendaItemId === item.id)
        .map((decision) => ({
          id: decision.id,
          agendaItemId: decision.agendaItemId,
          body: decision.body,
          version: decision.version,
        })),
      instructions: input.instructions.filter((action) => action.agendaItem.id === item.id),
      canAddMaterial: input.viewer.canAddMaterial(item),
      version: item.version,
    })),
  };
}

/** Shapes the minutes. */
export function presentMinutes(row: MinutesRow): z.infer<typeof minutesSchema> {
  return {
    status: row.status,
    statusLabel: minutesStatusLabel(row.status),
    body: row.body,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    version: row.version,
  };
}

/** Shapes the whole meeting record for a signed-in employee. */
export function presentMeetingDetail(
  row: MeetingRow,
  agenda: z.infer<typeof agendaSchema>,
  minutes: MinutesRow | null,
  viewer: { canReadDraftMinutes: boolean; canManage: boolean },
): z.infer<typeof meetingDetailSchema> {
  const isMinutesVisible = minutes !== null && (minutes.status !== 'draft' || viewer.canReadDraftMinutes);
  return {
    ...presentMeetingSummary(row),
    videoUrl: row.videoUrl,
    isAgendaPublished: row.isAgendaPublished,
    isVideoPublished: row.isVideoPublished,
    version: row.version,
    agendaVersion: row.agendaVersion,
    agenda: agenda.items,
    minutes: isMinutesVisible ? presentMinutes(minutes) : null,
    hasHiddenMinutes: minutes !== null && !isMinutesVisible,
    canManage: viewer.canManage,
  };
}

/**
 * Shapes exactly the published parts of a public meeting: the agenda once published, published
 * materials only (the redacted file where redaction is required), published minutes, the video
 * once published. Decisions and instructions are internal records and never appear here.
 */
export function presentPublicMeeting(
  row: MeetingRow,
  items: AgendaItemRow[],
  materials: MaterialRow[],
  redactedFiles: Map<string, { fileName: string; contentType: string; byteSize: number }>,
  minutes: MinutesRow | null,
): z.infer<typeof publicMeetingSchema> {
  const numbers = numberMaterials(materials);
  const summary = presentMeetingSummary(row);
  return {
    id: row.id,
    fiscalYear: row.fiscalYear,
    sequence: row.sequence,
    title: row.title,
    planned: summary.planned,
    plannedLabel: summary.plannedLabel,
    actualDate: row.actualDate,
    startTime: summary.startTime,
    endTime: summary.endTime,
    place: row.place,
    videoUrl: row.isVideoPublished ? row.videoUrl : null,
    agenda: row.isAgendaPublished
      ? items.map((item, index) => ({
          number: index + 1,
          kind: item.kind,
          kindLabel: agendaItemKindLabel(item.kind),
          title: item.title,
          presenterName: item.presenterName,
          materials: materials
            .filter((material) => material.agendaItemId === item.id && material.isPublished)
            .flatMap((material) => {
              const number = numbers.get(material.id)!;
              const served = material.isRedactionRequired
                ? material.redactedFileId
                  ? redactedFiles.get(material.redactedFileId)
                  : undefined
                : {
                    fileName: material.fileName,
                    contentType: material.contentType,
                    byteSize: material.byteSize,
                  };
              if (!served) return [];
              return [
                {
                  number,
                  label: materialLabel(number),
                  title: material.title,
                  fileName: served.fileName,
                  contentType: served.contentType,
                  byteSize: served.byteSize,
                  isRedacted: material.isRedactionRequired,
                  downloadUrl: materialUrl(row.id, material.id, 'public'),
                },
              ];
            }),
        }))
      : null,
    minutes:
      minutes?.status === 'published'
        ? { body: minutes.body, publishedAt: minutes.publishedAt?.toISOString() ?? null }
        : null,
  };
}
