import {
  SCHEDULE_SPAN_PROBLEM_MESSAGES,
  type ScheduleLane,
  type ScheduleSpan,
  scheduleSpanProblem,
} from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { linkTargetExists } from './schedule.queries.ts';

export type EntryLink = { type: 'meeting' | 'analysis' | 'cluster'; id: string };

/** 400 unless the span covers whole units of its precision inside the fiscal year. */
export function assertSpan(span: ScheduleSpan, fiscalYear: number): void {
  const problem = scheduleSpanProblem(span, fiscalYear);
  if (problem) {
    throw new AppError('validation_failed', {
      fieldErrors: [{ path: 'span', messages: SCHEDULE_SPAN_PROBLEM_MESSAGES[problem] }],
    });
  }
}

/** 400 when the linked record does not exist, or when a hand entry would pose as a meeting's own. */
export async function assertLink(db: Executor, lane: ScheduleLane, link: EntryLink | null): Promise<void> {
  if (!link) return;
  if (lane === 'x_meeting' && link.type === 'meeting') {
    throw new AppError('validation_failed', {
      fieldErrors: [
        {
          path: 'link',
          messages: {
            ja: 'X会議の日程は会議の記録から表示されます。会議の予定日は X会議の画面で変更してください。',
            en: 'Meetings are drawn from their records; change a meeting’s date on the meeting itself.',
          },
        },
      ],
    });
  }
  if (!(await linkTargetExists(db, link.type, link.id))) {
    throw new AppError('validation_failed', {
      fieldErrors: [
        {
          path: 'link.id',
          messages: { ja: 'リンク先が見つかりません。', en: 'The linked record does not exist.' },
        },
      ],
    });
  }
}
