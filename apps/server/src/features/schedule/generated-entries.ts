import {
  ANALYSIS_STAGES,
  type AnalysisStage,
  analysisStageLabel,
  CAMPAIGN_PHASES,
  campaignPhaseLabel,
  phaseBounds,
  type ScheduleLane,
  type ScheduleSpan,
} from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { listAnalysisDuesOfYear } from '../analyses/index.ts';
import { listCampaignsOfYear } from '../platinum/index.ts';

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
 * purpose (its index.ts).
 */

/**
 * 経営分析: the reports due at each X meeting, one entry per meeting and stage naming the clusters
 * (経営分析の経過報告（保育所・幼稚園、…）), drawn at the meeting's date — the day it was held, else
 * the precision it was announced at. Done once every analysis named has reached that stage. One
 * analysis links to itself; several link to the meeting (features/analyses).
 */
export async function analysisDueEntries(db: Executor, fiscalYear: number): Promise<GeneratedEntry[]> {
  const rows = await listAnalysisDuesOfYear(db, fiscalYear);
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.meetingId}:${row.dueStage}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const reached = (current: AnalysisStage, due: AnalysisStage) =>
    ANALYSIS_STAGES.indexOf(current) >= ANALYSIS_STAGES.indexOf(due);
  return [...groups.entries()]
    .map(([key, group]) => {
      const first = group[0]!;
      const span: ScheduleSpan = first.actualDate
        ? { precision: 'day', start: first.actualDate, end: first.actualDate }
        : { precision: first.plannedPrecision, start: first.plannedStart, end: first.plannedEnd };
      return {
        id: `analysis_due:${key}`,
        lane: 'analysis' as const,
        label: `経営分析の${analysisStageLabel(first.dueStage)}（${group.map((row) => row.clusterName).join('、')}）`,
        span,
        source: 'analysis_due' as const,
        link:
          group.length === 1
            ? { type: 'analysis' as const, id: first.analysisId }
            : { type: 'meeting' as const, id: first.meetingId },
        isMilestone: false,
        isDone: group.every((row) => reached(row.currentStage, row.dueStage)),
        stageOrder: ANALYSIS_STAGES.indexOf(first.dueStage),
        sequence: first.meetingSequence,
      };
    })
    .sort((a, b) => a.sequence - b.sequence || a.stageOrder - b.stageOrder)
    .map(({ stageOrder: _stageOrder, sequence: _sequence, ...entry }) => entry);
}

/**
 * プラチナ市役所プロジェクト: the phases of the year's campaigns as their dates were set
 * (アイデア募集, PTの人選・結成 …), done once the phase has ended on `today` (features/platinum).
 */
export async function platinumPhaseEntries(
  db: Executor,
  fiscalYear: number,
  today: string,
): Promise<GeneratedEntry[]> {
  const campaigns = await listCampaignsOfYear(db, fiscalYear);
  return campaigns.flatMap((campaign) =>
    CAMPAIGN_PHASES.flatMap((phase) => {
      const span = campaign.phases[phase];
      if (!span) return [];
      const bounds = phaseBounds(span);
      // A phase is drawn at the coarser of its two dates' precisions, over whole units of it.
      const precision = span.from.precision === span.to.precision ? span.from.precision : 'month';
      return [
        {
          id: `platinum_phase:${campaign.id}:${phase}`,
          lane: 'platinum' as const,
          label: campaignPhaseLabel(phase),
          span: { precision, start: bounds.start, end: bounds.end },
          source: 'platinum_phase' as const,
          link: { type: 'platinum_campaign' as const, id: campaign.id },
          isMilestone: false,
          isDone: bounds.end < today,
        },
      ];
    }),
  );
}
