import { isAnalysisDraftEditable } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import {
  type AnalysisRow,
  findMeetings,
  lockAnalysis,
  type MeetingRefRow,
  readSetting,
} from './analyses.queries.ts';

/** Locks an analysis, checks the If-Match version and that it is still open. */
export async function lockOpenAnalysis(
  db: Executor,
  analysisId: string,
  expectedVersion: number,
): Promise<AnalysisRow> {
  const analysis = await lockAnalysis(db, analysisId);
  if (!analysis) throw notFound();
  assertVersion(expectedVersion, analysis.version);
  if (analysis.closedAt !== null) {
    throw new AppError('conflict', {
      messages: {
        ja: 'この経営分析は終了しているため変更できません。',
        en: 'This analysis is closed and cannot be changed.',
      },
    });
  }
  return analysis;
}

/** 409 unless the working copy may be edited: not while a submission waits for review. */
export function assertDraftEditable(analysis: AnalysisRow): void {
  if (!isAnalysisDraftEditable(analysis.reviewStatus)) {
    throw new AppError('conflict', {
      messages: {
        ja: '提出した報告書の審査中は編集できません。編集するには取り下げるか、差戻しを待ってください。',
        en: 'The report is under review; withdraw it or wait for it to be returned before editing.',
      },
    });
  }
}

/** The meeting with the id, which must belong to the fiscal year; 422 otherwise. */
export async function meetingOfYear(
  db: Executor,
  meetingId: string,
  fiscalYear: number,
): Promise<MeetingRefRow> {
  const meeting = (await findMeetings(db, [meetingId])).get(meetingId);
  if (!meeting || meeting.fiscalYear !== fiscalYear) {
    throw new AppError('unprocessable', {
      messages: {
        ja: 'その X会議はこの経営分析の年度にありません。',
        en: 'That X meeting is not in the fiscal year of this analysis.',
      },
      fieldErrors: [
        {
          path: 'meetingId',
          messages: {
            ja: '同じ年度の X会議を指定してください。',
            en: 'Choose an X meeting of the same fiscal year.',
          },
        },
      ],
    });
  }
  return meeting;
}

/** The setting that holds the fiscal years the programme (e.g. 市政変革推進プラン) covers. */
export const PROGRAMME_PERIOD_SETTING = 'programme.period';

/** How many fiscal years after an analysis's own its effects may be booked when the programme period is not set. */
const DEFAULT_EFFECT_HORIZON = 4;

/**
 * The fiscal years an analysis's effects may fall in: the programme's period when the setting
 * holds one, otherwise the analysis's year and the four after it.
 */
export async function effectFiscalYearSpan(
  db: Executor,
  analysisFiscalYear: number,
): Promise<{ startFiscalYear: number; endFiscalYear: number }> {
  const stored = (await readSetting(db, PROGRAMME_PERIOD_SETTING)) as
    | { startFiscalYear?: unknown; endFiscalYear?: unknown }
    | undefined;
  const start = stored?.startFiscalYear;
  const end = stored?.endFiscalYear;
  if (Number.isInteger(start) && Number.isInteger(end) && (start as number) <= (end as number)) {
    return { startFiscalYear: start as number, endFiscalYear: end as number };
  }
  return { startFiscalYear: analysisFiscalYear, endFiscalYear: analysisFiscalYear + DEFAULT_EFFECT_HORIZON };
}
