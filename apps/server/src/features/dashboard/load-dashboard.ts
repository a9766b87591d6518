import {
  ANALYSIS_STAGES,
  type AnalysisStage,
  analysisStageLabel,
  type ClusterGroup,
  isoDateOf,
  type LocalizedText,
  type ScheduleSpan,
  scheduleSpanLabel,
} from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { ancestorsOf, loadOrgUnitTree, type OrgUnitTree } from '../bureau-policies/index.ts';
import {
  type ClusterWithAnalysis,
  listClustersWithAnalyses,
  listGroups,
  listMeetingsOfYear,
} from './dashboard.queries.ts';
import {
  type AnalysisDue,
  analysisDuesByMeeting,
  analysisEffectTotals,
  type Breakdown,
  bureauPolicyFigures,
  effectFigures,
  type FigureScope,
  initiativeFigures,
  type MeetingReport,
  meetingFollowUp,
  meetingReports,
  needFigures,
  platinumFigures,
} from './stream-adapters.ts';

const stageLabel = (stage: AnalysisStage): LocalizedText => ({
  ja: analysisStageLabel(stage, 'ja'),
  en: analysisStageLabel(stage, 'en'),
});

/** A unit and every unit below it. */
export function unitAndBelow(tree: OrgUnitTree, orgUnitId: string): string[] {
  return [...tree.byId.keys()].filter((id) => ancestorsOf(tree, id).includes(orgUnitId));
}

/** The scope of a request: the year and, when a bureau is chosen, that bureau and every unit below it. */
export async function resolveScope(db: Executor, fiscalYear: number, orgUnitId: string | undefined) {
  const tree = await loadOrgUnitTree(db);
  if (orgUnitId === undefined)
    return { scope: { fiscalYear, orgUnitIds: null } as FigureScope, orgUnit: null, tree };
  const unit = tree.byId.get(orgUnitId);
  if (!unit) {
    throw new AppError('validation_failed', {
      fieldErrors: [{ path: 'orgUnit', messages: { ja: '組織が見つかりません。', en: 'No such org unit.' } }],
    });
  }
  return {
    scope: { fiscalYear, orgUnitIds: unitAndBelow(tree, orgUnitId) } as FigureScope,
    orgUnit: { id: unit.id, name: unit.name },
    tree,
  };
}

/** True when a cluster's owners or its analysis's lead unit fall in the scope. */
export function isClusterInScope(cluster: ClusterWithAnalysis, scope: FigureScope): boolean {
  if (!scope.orgUnitIds) return true;
  const units = new Set(scope.orgUnitIds);
  return (
    cluster.ownerOrgUnitIds.some((id) => units.has(id)) ||
    (cluster.leadOrgUnitId !== null && units.has(cluster.leadOrgUnitId))
  );
}

function countByStage(clusters: ClusterWithAnalysis[]): Breakdown[] {
  return ANALYSIS_STAGES.map((stage) => ({
    key: stage,
    label: stageLabel(stage),
    count: clusters.filter((cluster) => cluster.stage === stage).length,
  }));
}

/**
 * What several parts of the dashboard read: the year's clusters with their analyses and the cluster
 * groups — read once per request and handed to each part.
 */
export type DashboardReference = {
  clusters: ClusterWithAnalysis[];
  groups: Awaited<ReturnType<typeof listGroups>>;
};

/** Reads the reference data of a year's dashboard. */
export async function loadDashboardReference(db: Executor, fiscalYear: number): Promise<DashboardReference> {
  const [clusters, groups] = await Promise.all([listClustersWithAnalyses(db, fiscalYear), listGroups(db)]);
  return { clusters, groups };
}

/** 経営分析: the year's targets by stage, and per group how many clusters and targets there are. */
export async function loadAnalysisFigures(db: Executor, scope: FigureScope, known?: DashboardReference) {
  const { clusters: all, groups } = known ?? (await loadDashboardReference(db, scope.fiscalYear));
  const clusters = all.filter((cluster) => isClusterInScope(cluster, scope));
  const targets = clusters.filter((cluster) => cluster.analysisId !== null);
  const effects = await analysisEffectTotals(
    db,
    scope.fiscalYear,
    new Set(targets.map((cluster) => cluster.analysisId!)),
  );
  return {
    clusterCount: clusters.length,
    targetCount: targets.length,
    byStage: countByStage(targets),
    /** The effect amounts the year's analyses carry (見込み・実績), whatever year they fall in. */
    effects,
    byGroup: groups.map((group) => {
      const inGroup = clusters.filter((cluster) => cluster.groupCode === group.code);
      const groupTargets = inGroup.filter((cluster) => cluster.analysisId !== null);
      return {
        key: group.code as ClusterGroup,
        label: { ja: group.name, en: group.nameEn },
        subtitle: group.subtitle,
        clusterCount: inGroup.length,
        targetCount: groupTargets.length,
        byStage: countByStage(groupTargets),
      };
    }),
  };
}

export type AnalysisFigures = Awaited<ReturnType<typeof loadAnalysisFigures>>;

/** One X meeting as the dashboard and the deck show it: when, whether held, what it reported. */
export type MeetingFigure = {
  id: string;
  sequence: number;
  title: string;
  span: ScheduleSpan;
  spanLabel: LocalizedText;
  /** The date as announced (10月上旬), kept after the meeting is held on a day. */
  plannedLabel: LocalizedText;
  heldOn: string | null;
  isHeld: boolean;
  reports: MeetingReport[];
  /** The analysis reports planned for this meeting (報告予定), in the scope. */
  analysesDue: AnalysisDue[];
  decisionCount: number;
  openActionCount: number;
};

/**
 * X会議: the year's meetings held and planned, each with what it reported, the analysis reports
 * due at it, its decisions and the instructions still open; and the year's instructions by status.
 */
export async function loadMeetingFigures(
  db: Executor,
  scope: FigureScope,
  today: string,
  known?: DashboardReference,
) {
  const { fiscalYear } = scope;
  const clusters = (known?.clusters ?? (await listClustersWithAnalyses(db, fiscalYear))).filter(
    (cluster) => cluster.analysisId !== null && isClusterInScope(cluster, scope),
  );
  const [rows, reports, dues, followUp] = await Promise.all([
    listMeetingsOfYear(db, fiscalYear),
    meetingReports(db, fiscalYear),
    analysisDuesByMeeting(db, fiscalYear, new Set(clusters.map((cluster) => cluster.analysisId!))),
    meetingFollowUp(db, scope, today),
  ]);
  const items: MeetingFigure[] = rows.map((row) => {
    const planned: ScheduleSpan = {
      precision: row.plannedPrecision,
      start: row.plannedStart,
      end: row.plannedEnd,
    };
    const span: ScheduleSpan = row.actualDate
      ? { precision: 'day', start: row.actualDate, end: row.actualDate }
      : planned;
    return {
      id: row.id,
      sequence: row.sequence,
      title: row.title,
      span,
      spanLabel: { ja: scheduleSpanLabel(span, 'ja'), en: scheduleSpanLabel(span, 'en') },
      plannedLabel: { ja: scheduleSpanLabel(planned, 'ja'), en: scheduleSpanLabel(planned, 'en') },
      heldOn: row.actualDate,
      isHeld: row.actualDate !== null,
      reports: reports.get(row.id) ?? [],
      analysesDue: dues.get(row.id) ?? [],
      decisionCount: followUp.decisionsByMeeting.get(row.id) ?? 0,
      openActionCount: followUp.openActionsByMeeting.get(row.id) ?? 0,
    };
  });
  const held = items.filter((item) => item.isHeld).length;
  return {
    held,
    planned: items.length - held,
    next: items.find((item) => !item.isHeld) ?? null,
    items,
    decisions: followUp.decisions,
    actions: followUp.actions,
  };
}

export type MeetingFigures = Awaited<ReturnType<typeof loadMeetingFigures>>;

/** Everything the progress dashboard shows for a fiscal year (and a bureau, when one is chosen). */
export async function loadDashboard(
  db: Executor,
  options: { fiscalYear: number; orgUnitId?: string; now?: Date; user?: CurrentUser | null },
) {
  const [{ scope, orgUnit, tree }, reference] = await Promise.all([
    resolveScope(db, options.fiscalYear, options.orgUnitId),
    loadDashboardReference(db, options.fiscalYear),
  ]);
  const today = isoDateOf(options.now ?? new Date());
  const [analyses, meetings, policies, initiatives, effects, platinum, needs] = await Promise.all([
    loadAnalysisFigures(db, scope, reference),
    loadMeetingFigures(db, scope, today, reference),
    bureauPolicyFigures(db, scope, options.user ?? null, tree),
    initiativeFigures(db, scope),
    effectFigures(db, scope),
    platinumFigures(db, scope, today, tree),
    needFigures(db, scope),
  ]);
  return {
    fiscalYear: options.fiscalYear,
    today,
    orgUnit,
    analyses,
    meetings,
    policies,
    initiatives,
    effects,
    platinum,
    needs,
  };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
