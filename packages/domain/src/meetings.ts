import { z } from 'zod';
import type { Locale, LocalizedText } from './messages';

/**
 * X会議 (X meetings): the kinds of agenda item, 資料 numbering, and the two state machines a
 * meeting record runs through — the tracked action an instruction (指示事項) becomes, and the
 * minutes (議事要旨).
 */

/** What an agenda item (議題) reports. */
export const AGENDA_ITEM_KINDS = [
  'analysis_report',
  'bureau_policy',
  'platinum',
  'instruction_review',
  'other',
] as const;

export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

const AGENDA_ITEM_KIND_LABELS: Readonly<Record<AgendaItemKind, LocalizedText>> = {
  analysis_report: { ja: '経営分析の報告', en: 'Management analysis report' },
  bureau_policy: { ja: '局区X方針', en: 'Bureau X policy' },
  platinum: { ja: 'プラチナ市役所プロジェクト', en: 'Platinum City Hall Project' },
  instruction_review: { ja: '指示事項の対応状況', en: 'Review of instructions' },
  other: { ja: 'その他', en: 'Other' },
};

/** Zod schema for an agenda item kind. */
export const agendaItemKindSchema = z.enum(AGENDA_ITEM_KINDS);

// Returns the display name of an agenda item kind (経営分析の報告 …).
export function agendaItemKindLabel(kind: AgendaItemKind, locale: Locale = 'ja'): string {
  const label = AGENDA_ITEM_KIND_LABELS[kind];
  if (label === undefined) {
    throw new RangeError(`Unknown agenda item kind: ${JSON.stringify(kind)}`);
  }
  return label[locale];
}

/** A material's place: the position of its agenda item, then its own position inside the item. */
export type MaterialPlace = { id: string; itemPosition: number; position: number };

// Numbers materials 資料1, 資料2 … in agenda order (then upload order inside an item); returns id → number.
export function numberMaterials(materials: readonly MaterialPlace[]): Map<string, number> {
  const ordered = [...materials].sort(
    (a, b) => a.itemPosition - b.itemPosition || a.position - b.position || a.id.localeCompare(b.id),
  );
  return new Map(ordered.map((material, index) => [material.id, index + 1]));
}

// Returns the label of a material number: ja 資料3, en Material 3.
export function materialLabel(number: number, locale: Locale = 'ja'): string {
  if (!Number.isInteger(number) || number < 1) {
    throw new RangeError(`Material numbers start at 1, got ${number}`);
  }
  return locale === 'en' ? `Material ${number}` : `資料${number}`;
}

// Tells whether `order` is exactly the given ids in some order (each once): the only valid agenda reorder.
export function isPermutationOf(order: readonly string[], ids: readonly string[]): boolean {
  if (order.length !== ids.length) {
    return false;
  }
  const remaining = new Set(ids);
  if (remaining.size !== ids.length) {
    return false;
  }
  for (const id of order) {
    if (!remaining.delete(id)) {
      return false;
    }
  }
  return remaining.size === 0;
}

// ---------------------------------------------------------------------------------------------
// Tracked actions (指示事項 → 対応).

/**
 * The states of an action: 未着手 → 対応中 → 完了報告 → 完了. The owner reports; the reform
 * office closes (usually when the next meeting reviews it) or sends a report back.
 */
export const ACTION_STATUSES = ['open', 'in_progress', 'reported', 'closed'] as const;

export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Who moves an action: the owning org unit or the reform office. */
export type ActionActor = 'owner' | 'reform_office';

const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, LocalizedText>> = {
  open: { ja: '未着手', en: 'Open' },
  in_progress: { ja: '対応中', en: 'In progress' },
  reported: { ja: '完了報告済み', en: 'Completion reported' },
  closed: { ja: '完了', en: 'Closed' },
};

/** Allowed moves, and who may make each. */
const ACTION_TRANSITIONS: Readonly<
  Record<ActionStatus, Partial<Record<ActionStatus, readonly ActionActor[]>>>
> = {
  open: {
    in_progress: ['owner', 'reform_office'],
    reported: ['owner', 'reform_office'],
    closed: ['reform_office'],
  },
  in_progress: {
    reported: ['owner', 'reform_office'],
    closed: ['reform_office'],
  },
  reported: {
    // Sent back: the report did not settle the instruction.
    in_progress: ['reform_office'],
    closed: ['reform_office'],
  },
  closed: {
    // Reopened: a later meeting found the instruction not settled after all.
    in_progress: ['reform_office'],
  },
};

/** Zod schema for an action status. */
export const actionStatusSchema = z.enum(ACTION_STATUSES);

// Returns the display name of an action status (未着手 …).
export function actionStatusLabel(status: ActionStatus, locale: Locale = 'ja'): string {
  const label = ACTION_STATUS_LABELS[status];
  if (label === undefined) {
    throw new RangeError(`Unknown action status: ${JSON.stringify(status)}`);
  }
  return label[locale];
}

// Tells whether an actor may move an action from one status to another (staying put is not a move).
export function canTransitionAction(from: ActionStatus, to: ActionStatus, actor: ActionActor): boolean {
  return ACTION_TRANSITIONS[from]?.[to]?.includes(actor) ?? false;
}

// Returns the statuses an actor may move an action to from its current status.
export function nextActionStatuses(from: ActionStatus, actor: ActionActor): ActionStatus[] {
  return ACTION_STATUSES.filter((to) => canTransitionAction(from, to, actor));
}

// Tells whether an action still needs work (everything but closed); open actions go back on the next agenda.
export function isActionOpen(status: ActionStatus): boolean {
  return status !== 'closed';
}

/** How an action's due date stands on a day: 期限超過 / 期限間近 (within `soonDays`) / none. */
export type ActionDueState = 'overdue' | 'due_soon' | 'not_due' | 'done';

// Tells how an action's due date stands on `today` (ISO dates compare as strings).
export function actionDueState(
  status: ActionStatus,
  dueDate: string,
  today: string,
  soonDays = 7,
): ActionDueState {
  if (!isActionOpen(status)) {
    return 'done';
  }
  if (dueDate < today) {
    return 'overdue';
  }
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + soonDays * 24 * 60 * 60 * 1000)
    .toISOString()
    .slice(0, 10);
  return dueDate <= soon ? 'due_soon' : 'not_due';
}

// ---------------------------------------------------------------------------------------------
// Minutes (議事要旨).

/** The minutes are drafted, approved by the reform office, then published. */
export const MINUTES_STATUSES = ['draft', 'approved', 'published'] as const;

export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

const MINUTES_STATUS_LABELS: Readonly<Record<MinutesStatus, LocalizedText>> = {
  draft: { ja: '作成中', en: 'Draft' },
  approved: { ja: '承認済み', en: 'Approved' },
  published: { ja: '公開中', en: 'Published' },
};

const MINUTES_TRANSITIONS: Readonly<Record<MinutesStatus, readonly MinutesStatus[]>> = {
  draft: ['approved'],
  // Back to draft to correct it before publication.
  approved: ['draft', 'published'],
  // Withdrawn from the public back to approved (e.g. a correction is needed).
  published: ['approved'],
};

/** Zod schema for a minutes status. */
export const minutesStatusSchema = z.enum(MINUTES_STATUSES);

// Returns the display name of a minutes status (作成中 …).
export function minutesStatusLabel(status: MinutesStatus, locale: Locale = 'ja'): string {
  const label = MINUTES_STATUS_LABELS[status];
  if (label === undefined) {
    throw new RangeError(`Unknown minutes status: ${JSON.stringify(status)}`);
  }
  return label[locale];
}

// Tells whether the minutes may move from one status to another.
export function canTransitionMinutes(from: MinutesStatus, to: MinutesStatus): boolean {
  return MINUTES_TRANSITIONS[from]?.includes(to) ?? false;
}

// Tells whether the text of the minutes may still be edited: only while drafted.
export function isMinutesEditable(status: MinutesStatus): boolean {
  return status === 'draft';
}

// ---------------------------------------------------------------------------------------------
// Publication of materials.

/** What blocks a material from publication, or null when it may be published. */
export type MaterialPublicationBlock = 'redacted_file_missing' | null;

// Tells why a material cannot be published: a redaction-flagged (黒塗り) material needs its redacted file first.
export function materialPublicationBlock(material: {
  isRedactionRequired: boolean;
  hasRedactedFile: boolean;
}): MaterialPublicationBlock {
  return material.isRedactionRequired && !material.hasRedactedFile ? 'redacted_file_missing' : null;
}
