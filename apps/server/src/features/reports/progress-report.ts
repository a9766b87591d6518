import {
  type AnalysisStage,
  analysisStageLabel,
  type ClusterGroup,
  type ClusterKind,
  fiscalYearLabel,
  scheduleSpanLabel,
} from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import {
  type Dashboard,
  listClustersWithAnalyses,
  listGroupsAndKinds,
  loadDashboard,
  loadOverview,
  type Overview,
} from '../dashboard/index.ts';
import { loadSchedule, type Schedule } from '../schedule/index.ts';

/** The programme's slogan, printed on the title slide as the programme's own decks do. */
export const PROGRAMME_SLOGAN = '未来のために、今、ととのえよう。';

/** A column of the cluster table: a group, or a kind inside 施策・事業グループ, with its approach. */
export type ClusterColumn = {
  group: ClusterGroup;
  kind: ClusterKind | null;
  groupName: string;
  kindName: string | null;
  subtitle: string | null;
  approach: string;
  clusters: {
    number: number;
    name: string;
    isTarget: boolean;
    stage: AnalysisStage | null;
    owners: string[];
  }[];
};

/**
 * Everything the progress report (deck, PDF, workbook) shows for a fiscal year, read once:
 * the whole picture, the cluster table, the schedule and each stream's figures.
 */
export type ProgressReport = {
  fiscalYear: number;
  title: string;
  fiscalYearLabel: string;
  slogan: string;
  generatedAt: Date;
  overview: Overview;
  clusterColumns: ClusterColumn[];
  clusterCount: number;
  targetCount: number;
  schedule: Schedule;
  dashboard: Dashboard;
  /** The Platinum steps of the year as the schedule names them (PTの人選・結成 …). */
  platinumSteps: { label: string; spanLabel: string }[];
};

/** The label of an analysis stage in Japanese, or an empty string. */
export function stageText(stage: AnalysisStage | null): string {
  return stage ? analysisStageLabel(stage, 'ja') : '';
}

/** Reads the progress report of a fiscal year; `onStep` hears of each part read (for progress bars). */
export async function loadProgressReport(
  db: Executor,
  fiscalYear: number,
  options: { now?: Date; onStep?: (done: number, of: number) => Promise<void> | void } = {},
): Promise<ProgressReport> {
  const steps = 4;
  const overview = await loadOverview(db, fiscalYear);
  await options.onStep?.(1, steps);
  const [clusters, groupsAndKinds] = await Promise.all([
    listClustersWithAnalyses(db, fiscalYear),
    listGroupsAndKinds(db),
  ]);
  await options.onStep?.(2, steps);
  const schedule = await loadSchedule(db, fiscalYear, options.now);
  await options.onStep?.(3, steps);
  const dashboard = await loadDashboard(db, { fiscalYear, now: options.now });
  await options.onStep?.(4, steps);

  const columns: ClusterColumn[] = [];
  for (const group of groupsAndKinds.groups) {
    const kinds = groupsAndKinds.kinds.filter((kind) => kind.groupCode === group.code);
    const parts = kinds.length
      ? kinds.map((kind) => ({ kind: kind.code, kindName: kind.name, approach: kind.approach }))
      : [{ kind: null, kindName: null, approach: group.approach }];
    for (const part of parts) {
      columns.push({
        group: group.code,
        kind: part.kind,
        groupName: group.name,
        kindName: part.kindName,
        subtitle: group.subtitle,
        approach: part.approach,
        clusters: clusters
          .filter((cluster) => cluster.groupCode === group.code && cluster.kindCode === part.kind)
          .map((cluster) => ({
            number: cluster.number,
            name: cluster.name,
            isTarget: cluster.analysisId !== null,
            stage: cluster.stage,
            owners: cluster.ownerNames,
          })),
      });
    }
  }

  const platinumSteps = schedule.entries
    .filter((entry) => entry.lane === 'platinum')
    .map((entry) => ({ label: entry.label, spanLabel: scheduleSpanLabel(entry.span, 'ja') }));

  return {
    fiscalYear,
    title: `${fiscalYearLabel(fiscalYear)} 市政変革の進捗状況`,
    fiscalYearLabel: fiscalYearLabel(fiscalYear),
    slogan: PROGRAMME_SLOGAN,
    generatedAt: options.now ?? new Date(),
    overview,
    clusterColumns: columns,
    clusterCount: clusters.length,
    targetCount: clusters.filter((cluster) => cluster.analysisId !== null).length,
    schedule,
    dashboard,
    platinumSteps,
  };
}
