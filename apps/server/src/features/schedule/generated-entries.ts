import type { ScheduleLane, ScheduleSpan } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';

/** Where an entry comes from: a meeting, another stream's records, or the reform office's hand. */
export type ScheduleEntrySource = 'meeting' | 'analysis_due' | 'platinum_phase' | 'office';

export type ScheduleLinkType = 'meeting' | 'analysis' | 'cluster' | 'platinum_campaign';

/** An entry drawn from the records of a stream rather than typed in. */
export type GeneratedEntry = {
  id: string;
  lane: ScheduleLane;
  label: string;
  span: ScheduleSpan;
  source: Exclude<ScheduleEntrySource, 'office'>;
  link: { type: ScheduleLinkType; id: string } | null;
  isMilestone: boolean;
  isDone: boolean;
};

/*
 * One adapter per stream that feeds the schedule. Each reads only what its stream exports on
 * purpose (its index.ts) and returns nothing while that stream has no such export.
 */

/**
 * 経営分析: the reports due at each X meeting, one entry per meeting and stage naming the
 * clusters (経営分析の経過報告（保育所・幼稚園、…）). Empty until the analyses feature exports the
 * year's plan of due meetings.
 */
export async function analysisDueEntries(_db: Executor, _fiscalYear: number): Promise<GeneratedEntry[]> {
  return [];
}

/**
 * プラチナ市役所プロジェクト: the phases of the year's campaign (PTの人選・結成 …). Empty until the
 * Platinum feature exports its campaigns.
 */
export async function platinumPhaseEntries(_db: Executor, _fiscalYear: number): Promise<GeneratedEntry[]> {
  return [];
}
