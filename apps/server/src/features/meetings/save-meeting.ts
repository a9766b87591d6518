import { fiscalYearLabel, isDateInFiscalYear, type PreciseDate } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, type FieldError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import {
  fiscalYearExists,
  insertMeeting,
  isSequenceTaken,
  lockMeeting,
  type MeetingRow,
  syncMeetingScheduleItem,
  updateMeetingRow,
} from './meetings.queries.ts';
import { assertMeetingPublishable } from './publication-rules.ts';

export type MeetingFields = {
  sequence: number;
  title?: string;
  planned: PreciseDate;
  actualDate?: string | null;
  startTime?: string | null;
  endTime?: string | null;
  place?: string | null;
  isPublic?: boolean;
  videoUrl?: string | null;
};

export type MeetingChanges = Partial<MeetingFields> & {
  isAgendaPublished?: boolean;
  isVideoPublished?: boolean;
};

/** The title a meeting gets when none is given: キックオフMTG for sequence 0, 第n回X会議 otherwise. */
export function defaultMeetingTitle(sequence: number): string {
  return sequence === 0 ? 'キックオフMTG' : `第${sequence}回X会議`;
}

function fieldError(path: string, ja: string, en: string): FieldError {
  return { path, messages: { ja, en } };
}

/** Dates and times must sit inside the meeting's fiscal year and in order; 400 with field errors otherwise. */
function assertSchedule(
  fiscalYear: number,
  values: Pick<MeetingRow, 'plannedStart' | 'plannedEnd' | 'actualDate' | 'startTime' | 'endTime'>,
) {
  const errors: FieldError[] = [];
  const year = fiscalYearLabel(fiscalYear);
  if (
    !isDateInFiscalYear(values.plannedStart, fiscalYear) ||
    !isDateInFiscalYear(values.plannedEnd, fiscalYear)
  ) {
    errors.push(
      fieldError(
        'planned',
        `予定日は${year}の中で指定してください。`,
        `The planned date must fall within FY${fiscalYear}.`,
      ),
    );
  }
  if (values.actualDate && !isDateInFiscalYear(values.actualDate, fiscalYear)) {
    errors.push(
      fieldError(
        'actualDate',
        `開催日は${year}の中で指定してください。`,
        `The actual date must fall within FY${fiscalYear}.`,
      ),
    );
  }
  if (values.endTime && !values.startTime) {
    errors.push(
      fieldError('startTime', '終了時刻には開始時刻が必要です。', 'An end time needs a start time.'),
    );
  }
  if (values.startTime && values.endTime && values.endTime <= values.startTime) {
    errors.push(
      fieldError(
        'endTime',
        '終了時刻は開始時刻より後にしてください。',
        'The end time must be after the start time.',
      ),
    );
  }
  if ((values.startTime || values.endTime) && !values.actualDate) {
    errors.push(
      fieldError('actualDate', '時刻を入れるには開催日が必要です。', 'Times need the actual date.'),
    );
  }
  if (errors.length) throw new AppError('validation_failed', { fieldErrors: errors });
}

function sequenceTaken(sequence: number): AppError {
  return new AppError('conflict', {
    messages: {
      ja: `この年度には既に回数 ${sequence} の会議があります。`,
      en: `This fiscal year already has a meeting with sequence ${sequence}.`,
    },
  });
}

/** Adds a meeting to a fiscal year's series (also beyond the plan) and puts it on the year's schedule. */
export async function createMeeting(
  tx: Transaction,
  options: { fiscalYear: number; fields: MeetingFields; actor: Actor },
): Promise<MeetingRow> {
  const { fiscalYear, fields } = options;
  if (!(await fiscalYearExists(tx, fiscalYear))) {
    throw new AppError('unprocessable', {
      messages: {
        ja: `${fiscalYear}年度は登録されていません。`,
        en: `Fiscal year ${fiscalYear} does not exist.`,
      },
    });
  }
  const values = {
    fiscalYear,
    sequence: fields.sequence,
    title: fields.title ?? defaultMeetingTitle(fields.sequence),
    plannedPrecision: fields.planned.precision,
    plannedStart: fields.planned.start,
    plannedEnd: fields.planned.end,
    actualDate: fields.actualDate ?? null,
    startTime: fields.startTime ?? null,
    endTime: fields.endTime ?? null,
    place: fields.place ?? null,
    isPublic: fields.isPublic ?? true,
    videoUrl: fields.videoUrl ?? null,
  };
  assertSchedule(fiscalYear, values);
  if (await isSequenceTaken(tx, fiscalYear, fields.sequence)) throw sequenceTaken(fields.sequence);
  const created = await insertMeeting(tx, values);
  await syncMeetingScheduleItem(tx, created);
  await recordAudit(tx, options.actor, {
    action: 'meeting.create',
    entityType: 'meeting',
    entityId: created.id,
    after: created,
  });
  return created;
}

/** Changes a meeting: schedule, place, public/closed, video and what of it is published. */
export async function updateMeeting(
  tx: Transaction,
  options: { id: string; expectedVersion: number; changes: MeetingChanges; actor: Actor },
): Promise<MeetingRow> {
  const before = await lockMeeting(tx, options.id);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  const { planned, ...rest } = options.changes;
  const next: MeetingRow = {
    ...before,
    ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)),
    ...(planned
      ? { plannedPrecision: planned.precision, plannedStart: planned.start, plannedEnd: planned.end }
      : {}),
  };
  // A video link taken away cannot stay published.
  if (!next.videoUrl) next.isVideoPublished = false;
  assertSchedule(before.fiscalYear, next);
  if (
    next.sequence !== before.sequence &&
    (await isSequenceTaken(tx, before.fiscalYear, next.sequence, before.id))
  ) {
    throw sequenceTaken(next.sequence);
  }
  if (options.changes.isVideoPublished && !next.videoUrl) {
    throw new AppError('unprocessable', {
      messages: {
        ja: '動画を公開するには動画のリンクが必要です。',
        en: 'Publishing the video needs its link.',
      },
    });
  }
  if (
    (next.isAgendaPublished && !before.isAgendaPublished) ||
    (next.isVideoPublished && !before.isVideoPublished)
  ) {
    assertMeetingPublishable(next);
  }
  const after = await updateMeetingRow(tx, before.id, before.version, {
    sequence: next.sequence,
    title: next.title,
    plannedPrecision: next.plannedPrecision,
    plannedStart: next.plannedStart,
    plannedEnd: next.plannedEnd,
    actualDate: next.actualDate,
    startTime: next.startTime,
    endTime: next.endTime,
    place: next.place,
    isPublic: next.isPublic,
    videoUrl: next.videoUrl,
    isAgendaPublished: next.isAgendaPublished,
    isVideoPublished: next.isVideoPublished,
  });
  await syncMeetingScheduleItem(tx, after);
  await recordAudit(tx, options.actor, {
    action: 'meeting.update',
    entityType: 'meeting',
    entityId: after.id,
    before,
    after,
  });
  return after;
}
