import { z } from '@hono/zod-openapi';
import {
  ACTION_STATUSES,
  type ActionStatus,
  ANALYSIS_STAGES,
  type AnalysisStage,
  APPROVAL_STATUS_LABELS,
  APPROVAL_STATUSES,
  type ApprovalStatus,
  actionStatusLabel,
  analysisStageLabel,
  EFFECT_CATEGORIES,
  EFFECT_RECURRENCES,
  EFFECT_STAGES,
  FUNNEL_STAGES,
  type FunnelStage,
  formatYenAuto,
  funnelStageLabel,
  funnelStageOf,
  hasReachedStage,
  INITIATIVE_HEALTH_LABELS,
  INITIATIVE_HEALTHS,
  INITIATIVE_STATUS_LABELS,
  INITIATIVE_STATUSES,
  type LedgerEntry,
  type LocalizedText,
  NEED_SIDE_LABELS,
  NEED_SIDES,
  NEED_STATUS_LABELS,
  NEED_STATUSES,
  type NeedSide,
  type NeedStatus,
  PLATINUM_THEMES,
  type PlatinumTheme,
  platinumThemeLabel,
  rollUpLedger,
  targetProgressPercent,
} from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { listActionsOfYear } from '../actions/index.ts';
import { listAnalysisDuesOfYear, sumAnalysisEffectsOfYear } from '../analyses/index.ts';
import { listPolicyStatesOfYear, loadOrgUnitTree, type OrgUnitTree } from '../bureau-policies/index.ts';
import { listEffectItems, listTargets } from '../effects/index.ts';
import { countInitiatives, defaultAsOf, listInitiativeItems } from '../initiatives/index.ts';
import { listAgendaItemsOfYear, listDecisionsOfYear } from '../meetings/index.ts';
import { listNeedItems } from '../needs/index.ts';
import { listIdeasReachingStage, loadPlatinumProgress } from '../platinum/index.ts';
import { dashboardPolicy } from './dashboard.policy.ts';
import { countNeedsBySideAndStatus, loadLedgerTotalsInputs, sumEffectsByStage } from './dashboard.queries.ts';

/*
 * The dashboard's window on each stream. Every adapter reads only what its stream exports on
 * purpose (its index.ts). `isAvailable: false` is left for a stream that has nothing to count in
 * the year (no Platinum campaign opened), so screens and reports say 「集計準備中」 instead of
 * showing a misleading 0.
 */

type TargetRow = Awaited<ReturnType<typeof listTargets>>[number];

/** One bar of a breakdown: a category, its label and how many records are in it. */
export type Breakdown = { key: string; label: LocalizedText; count: number };

/** Which records a figure is about: the year and, when filtered, the org units (a bureau and all below it). */
export type FigureScope = { fiscalYear: number; orgUnitIds: string[] | null };

/** Something the dashboard lists behind a number, with what to link to. */
export type RecordRef = {
  id: string;
  label: string;
  detail: string;
  link: { type: RecordLinkType; id: string };
};

export type RecordLinkType =
  | 'cluster'
  | 'analysis'
  | 'meeting'
  | 'bureau_policy'
  | 'initiative'
  | 'effect'
  | 'platinum_issue'
  | 'platinum_idea'
  | 'need';

// ─── X会議 (features/meetings, features/actions) ─────────────────────────────────────────────

/** What an X meeting reported (資料 on its agenda), for the meeting rows of the dashboard and deck. */
export type MeetingReport = { title: string; link: { type: RecordLinkType; id: string } | null };

/** The reports of each meeting of the year (its agenda items in order), by meeting id (features/meetings). */
export async function meetingReports(
  db: Executor,
  fiscalYear: number,
): Promise<Map<string, MeetingReport[]>> {
  const items = await listAgendaItemsOfYear(db, fiscalYear);
  const byMeeting = new Map<string, MeetingReport[]>();
  for (const item of items) {
    // An item reporting one record links to it; an instruction review has no page of its own.
    const target = item.targets.find((candidate) => candidate.type !== 'action');
    const link = target ? { type: target.type as RecordLinkType, id: target.id } : null;
    byMeeting.set(item.meetingId, [...(byMeeting.get(item.meetingId) ?? []), { title: item.title, link }]);
  }
  return byMeeting;
}

/** What the year's meetings decided and told the bureaus to do (決定事項, 指示事項 as tracked actions). */
export type MeetingFollowUp = {
  decisions: number;
  decisionsByMeeting: Map<string, number>;
  actions: {
    total: number;
    open: number;
    overdue: number;
    byStatus: Breakdown[];
  };
  openActionsByMeeting: Map<string, number>;
};

/**
 * Decisions of the year's meetings, and the instructions given at them by status with how many are
 * past their due date on `today` (features/meetings, features/actions). In a bureau's scope, only
 * the instructions that bureau owns.
 */
export async function meetingFollowUp(
  db: Executor,
  scope: FigureScope,
  today: string,
): Promise<MeetingFollowUp> {
  const [decisions, actions] = await Promise.all([
    listDecisionsOfYear(db, scope.fiscalYear),
    listActionsOfYear(db, {
      fiscalYear: scope.fiscalYear,
      ownerOrgUnitIds: scope.orgUnitIds ?? undefined,
      today,
    }),
  ]);
  const decisionsByMeeting = new Map<string, number>();
  for (const decision of decisions)
    decisionsByMeeting.set(decision.meetingId, (decisionsByMeeting.get(decision.meetingId) ?? 0) + 1);
  const openActionsByMeeting = new Map<string, number>();
  for (const action of actions.filter((candidate) => candidate.status !== 'closed'))
    openActionsByMeeting.set(action.meetingId, (openActionsByMeeting.get(action.meetingId) ?? 0) + 1);
  return {
    decisions: decisions.length,
    decisionsByMeeting,
    actions: {
      total: actions.length,
      open: actions.filter((action) => action.status !== 'closed').length,
      overdue: actions.filter((action) => action.dueState === 'overdue').length,
      byStatus: ACTION_STATUSES.map((status) => ({
        key: status,
        label: { ja: actionStatusLabel(status, 'ja'), en: actionStatusLabel(status, 'en') },
        count: actions.filter((action) => action.status === status).length,
      })),
    },
    openActionsByMeeting,
  };
}

/** The decisions behind `decisions`, or the instructions behind `actions:open|overdue|all|status:…`. */
export async function meetingFollowUpRecords(
  db: Executor,
  scope: FigureScope,
  key: string,
  today: string,
): Promise<RecordRef[] | null> {
  if (key === 'decisions') {
    return (await listDecisionsOfYear(db, scope.fiscalYear)).map((decision) => ({
      id: decision.id,
      label: decision.body.length > 80 ? `${decision.body.slice(0, 80)}…` : decision.body,
      detail: `${decision.meetingTitle}・${decision.agendaItemTitle}`,
      link: { type: 'meeting', id: decision.meetingId },
    }));
  }
  if (!key.startsWith('actions:')) return null;
  const filter = key.slice('actions:'.length);
  const status = filter.startsWith('status:') ? filter.slice('status:'.length) : null;
  if (status !== null && !(ACTION_STATUSES as readonly string[]).includes(status)) return null;
  if (status === null && !['open', 'overdue', 'all'].includes(filter)) return null;
  const actions = await listActionsOfYear(db, {
    fiscalYear: scope.fiscalYear,
    ownerOrgUnitIds: scope.orgUnitIds ?? undefined,
    today,
  });
  return actions
    .filter((action) =>
      status !== null
        ? action.status === (status as ActionStatus)
        : filter === 'open'
          ? action.status !== 'closed'
          : filter === 'overdue'
            ? action.dueState === 'overdue'
            : true,
    )
    .map((action) => ({
      id: action.id,
      label: action.body.length > 80 ? `${action.body.slice(0, 80)}…` : action.body,
      detail: `${action.meetingTitle}・${action.ownerOrgUnitName}・期限 ${action.dueDate}・${actionStatusLabel(action.status)}${action.dueState === 'overdue' ? '・期限超過' : ''}`,
      link: { type: 'meeting', id: action.meetingId },
    }));
}

// ─── 経営分析 (features/analyses) ──────────────────────────────────────────────────────────────

/** A report of an analysis due at an X meeting, and whether the analysis has reached that stage. */
export type AnalysisDue = {
  analysisId: string;
  label: string;
  stage: AnalysisStage;
  stageLabel: LocalizedText;
  isReported: boolean;
};

/** The reports due at each meeting of the year, by meeting id, for the analyses in `analysisIds` (features/analyses). */
export async function analysisDuesByMeeting(
  db: Executor,
  fiscalYear: number,
  analysisIds: Set<string>,
): Promise<Map<string, AnalysisDue[]>> {
  const rows = await listAnalysisDuesOfYear(db, fiscalYear);
  const byMeeting = new Map<string, AnalysisDue[]>();
  for (const row of rows) {
    if (!analysisIds.has(row.analysisId)) continue;
    const due: AnalysisDue = {
      analysisId: row.analysisId,
      label: `${row.clusterNumber} ${row.clusterName}`,
      stage: row.dueStage,
      stageLabel: { ja: analysisStageLabel(row.dueStage, 'ja'), en: analysisStageLabel(row.dueStage, 'en') },
      isReported: ANALYSIS_STAGES.indexOf(row.currentStage) >= ANALYSIS_STAGES.indexOf(row.dueStage),
    };
    byMeeting.set(row.meetingId, [...(byMeeting.get(row.meetingId) ?? []), due]);
  }
  return byMeeting;
}

/** The effect amounts (見込み・実績) the analyses in `analysisIds` carry (features/analyses). */
export async function analysisEffectTotals(
  db: Executor,
  fiscalYear: number,
  analysisIds: Set<string>,
): Promise<{ planned: bigint; actual: bigint; analysesWithEffects: number }> {
  const rows = (await sumAnalysisEffectsOfYear(db, fiscalYear)).filter((row) =>
    analysisIds.has(row.analysisId),
  );
  const sum = (stage: 'planned' | 'actual') =>
    rows.filter((row) => row.stage === stage).reduce((total, row) => total + row.total, 0n);
  return {
    planned: sum('planned'),
    actual: sum('actual'),
    analysesWithEffects: new Set(rows.map((row) => row.analysisId)).size,
  };
}

// ─── 局区X方針 (features/bureau-policies) ──────────────────────────────────────────────────────

/** One bureau's policy of the year as its latest version stands. */
export type PolicyOfBureau = {
  policyId: string;
  orgUnit: { id: string; name: string };
  title: string;
  versionNumber: number;
  status: ApprovalStatus;
  statusLabel: LocalizedText;
  isPublished: boolean;
  /** False when the viewer may read no version of it yet: `title` is 「（公表前）」 and there is nothing to open. */
  isTitleShown: boolean;
};

export type PolicyFigures = {
  isAvailable: boolean;
  total: number;
  byStatus: Breakdown[];
  byBureau: PolicyOfBureau[];
};

/** What stands in for the title of a policy the viewer may not read before it is published. */
export const UNPUBLISHED_POLICY_TITLE = '（公表前）';

/**
 * The policies of the scope with their titles as the viewer may read them, by the bureau policies'
 * own rule: the latest version (a draft among them) to those who may read drafts — the unit's own
 * people, the units consulted on it, the reform office and the executives; to everyone else the
 * version that is published, as the policy's page shows it to them. Only a policy with nothing
 * published yet stands as 「（公表前）」 for them (null viewer: nobody reads drafts, as in the
 * printed report).
 */
async function policiesFor(
  db: Executor,
  scope: FigureScope,
  viewer: CurrentUser | null,
  knownTree?: OrgUnitTree,
) {
  const [rows, tree] = await Promise.all([
    listPolicyStatesOfYear(db, { fiscalYear: scope.fiscalYear, orgUnitIds: scope.orgUnitIds ?? undefined }),
    knownTree ?? loadOrgUnitTree(db),
  ]);
  return rows.map((row) => {
    const readsLatest =
      row.status === 'published' ||
      row.status === 'superseded' ||
      dashboardPolicy.canSeeUnpublishedPolicy(viewer, tree, row.orgUnitId, row.consultedUnitIds);
    const title = readsLatest ? row.title : (row.publishedTitle ?? UNPUBLISHED_POLICY_TITLE);
    return { ...row, isTitleShown: readsLatest || row.publishedTitle !== null, title };
  });
}

/** Bureau X policies by the state of their latest version, and each bureau's (features/bureau-policies). */
export async function bureauPolicyFigures(
  db: Executor,
  scope: FigureScope,
  viewer: CurrentUser | null = null,
  tree?: OrgUnitTree,
): Promise<PolicyFigures> {
  const rows = await policiesFor(db, scope, viewer, tree);
  return {
    isAvailable: true,
    total: rows.length,
    byStatus: APPROVAL_STATUSES.map((status) => ({
      key: status,
      label: APPROVAL_STATUS_LABELS[status],
      count: rows.filter((row) => row.status === status).length,
    })),
    byBureau: rows.map((row) => ({
      policyId: row.id,
      orgUnit: { id: row.orgUnitId, name: row.orgUnitName },
      title: row.title,
      versionNumber: row.versionNumber,
      status: row.status,
      statusLabel: APPROVAL_STATUS_LABELS[row.status],
      isPublished: row.publishedVersionNumber !== null,
      isTitleShown: row.isTitleShown,
    })),
  };
}

/** The policies behind a status (features/bureau-policies). */
export async function bureauPolicyRecords(
  db: Executor,
  scope: FigureScope,
  status: string,
  viewer: CurrentUser | null,
): Promise<RecordRef[]> {
  const rows = await policiesFor(db, scope, viewer);
  return rows
    .filter((row) => row.status === status)
    .map((row) => ({
      id: row.id,
      label: `${row.orgUnitName}　${row.title}`,
      detail: `第${row.versionNumber}版・${APPROVAL_STATUS_LABELS[row.status].ja}${
        row.publishedVersionNumber !== null && row.publishedVersionNumber !== row.versionNumber
          ? `（第${row.publishedVersionNumber}版を公表中）`
          : ''
      }`,
      link: { type: 'bureau_policy', id: row.id },
    }));
}

// ─── 取組 (features/initiatives) ───────────────────────────────────────────────────────────────

export type InitiativeFigures = {
  isAvailable: boolean;
  total: number;
  byStatus: Breakdown[];
  byHealth: Breakdown[];
  /** Open initiatives whose owner has not reported for longer than their cadence allows. */
  stale: number;
};

/** Initiatives by status and health, and those owing an update (features/initiatives: countInitiatives). */
export async function initiativeFigures(db: Executor, scope: FigureScope): Promise<InitiativeFigures> {
  const counts = await countInitiatives(db, {
    fiscalYear: scope.fiscalYear,
    ownerOrgUnitIds: scope.orgUnitIds ?? undefined,
  });
  return {
    isAvailable: true,
    total: counts.total,
    byStatus: INITIATIVE_STATUSES.map((key) => ({
      key,
      label: INITIATIVE_STATUS_LABELS[key],
      count: counts.byStatus[key],
    })),
    byHealth: INITIATIVE_HEALTHS.map((key) => ({
      key,
      label: INITIATIVE_HEALTH_LABELS[key],
      count: counts.byHealth[key],
    })),
    stale: counts.updateDue,
  };
}

/** The initiatives behind `status:…`, `health:…`, `stale` (owing an update) or `all` (features/initiatives). */
export async function initiativeRecords(db: Executor, scope: FigureScope, key: string): Promise<RecordRef[]> {
  const [kind, value] = key.split(':') as [string, string | undefined];
  const tree = await loadOrgUnitTree(db);
  const items = await listInitiativeItems(
    db,
    {
      fiscalYear: scope.fiscalYear,
      ownerOrgUnitIds: scope.orgUnitIds ?? undefined,
      status: kind === 'status' ? (value as (typeof INITIATIVE_STATUSES)[number]) : undefined,
      health: kind === 'health' ? (value as (typeof INITIATIVE_HEALTHS)[number]) : undefined,
      isUpdateDue: key === 'stale' ? true : undefined,
    },
    { tree, asOf: defaultAsOf(scope.fiscalYear) },
  );
  return items.map((item) => ({
    id: item.id,
    label: item.title,
    detail: `${item.ownerOrgUnit.name}・${item.statusLabel.ja}・${item.healthLabel.ja}${item.isUpdateDue ? '・報告待ち' : ''}`,
    link: { type: 'initiative', id: item.id },
  }));
}

// ─── 効果額 (features/effects) ─────────────────────────────────────────────────────────────────

export type EffectFigures = {
  isAvailable: boolean;
  target: { name: string; amount: bigint; startFiscalYear: number; endFiscalYear: number } | null;
  /** Over the target's span (or the year when there is no target). */
  planned: bigint;
  actual: bigint;
  total: bigint;
  /** total / target in percent, one decimal; null without a target. */
  percentOfTarget: number | null;
};

/** The year's lines of the effect ledger (features/effects: listEffectItems). */
async function effectLines(db: Executor, scope: FigureScope) {
  const tree = await loadOrgUnitTree(db);
  return listEffectItems(
    db,
    { fiscalYear: scope.fiscalYear, orgUnitIds: scope.orgUnitIds ?? undefined },
    tree,
  );
}

/** The 効果額 lines an analysis version froze, read defensively as the ledger reads them. */
const frozenEffectsSchema = z
  .array(
    z.object({
      fiscalYear: z.number().int(),
      endFiscalYear: z.number().int().nullable(),
      category: z.enum(EFFECT_CATEGORIES),
      recurrence: z.enum(EFFECT_RECURRENCES),
      stage: z.enum(EFFECT_STAGES),
      amount: z.string().regex(/^-?\d+$/),
    }),
  )
  .catch([]);

/**
 * The programme's total against a target in percent, by the effect ledger's rule (features/effects:
 * loadLedger): the ledger's lines booked to the target, and the 効果額 of the newest accepted or
 * reported version of each analysis whose year falls to this target (the first target, by start
 * then name, whose span holds it) unless the ledger books that analysis's effects itself. Reads
 * the target's span only, and of the versions only their 効果額 lines.
 */
async function targetPercent(db: Executor, target: TargetRow, targets: TargetRow[]): Promise<number> {
  const { booked, versions } = await loadLedgerTotalsInputs(db, target);
  const entries: LedgerEntry[] = booked.map((row) => ({ ...row, group: null, bureau: null }));
  for (const version of versions) {
    const owner = targets.find(
      (candidate) =>
        candidate.startFiscalYear <= version.fiscalYear && version.fiscalYear <= candidate.endFiscalYear,
    );
    if (owner?.id !== target.id || version.isBooked) continue;
    for (const line of frozenEffectsSchema.parse(version.effects ?? []))
      entries.push({ ...line, amount: BigInt(line.amount), group: null, bureau: null });
  }
  const span = { startFiscalYear: target.startFiscalYear, endFiscalYear: target.endFiscalYear };
  return targetProgressPercent(rollUpLedger(entries, span).total.total, target.amount);
}

/**
 * The year's effect lines, planned and actual (summed in the database), and — for the whole
 * programme — the ledger against the target whose span holds the year (features/effects).
 */
export async function effectFigures(
  db: Executor,
  scope: FigureScope,
  knownTargets?: TargetRow[],
): Promise<EffectFigures> {
  const [sums, targets] = await Promise.all([
    sumEffectsByStage(db, { fiscalYear: scope.fiscalYear, orgUnitIds: scope.orgUnitIds ?? undefined }),
    knownTargets ?? listTargets(db),
  ]);
  const sum = (stage: 'planned' | 'actual') =>
    sums.filter((row) => row.stage === stage).reduce((total, row) => total + row.total, 0n);
  const planned = sum('planned');
  const actual = sum('actual');
  const target = targets.find(
    (candidate) =>
      candidate.startFiscalYear <= scope.fiscalYear && scope.fiscalYear <= candidate.endFiscalYear,
  );
  // The share of the target is the programme's; a bureau's lines alone say nothing about it.
  const percentOfTarget = target && !scope.orgUnitIds ? await targetPercent(db, target, targets) : null;
  return {
    isAvailable: true,
    target: target
      ? {
          name: target.name,
          amount: target.amount,
          startFiscalYear: target.startFiscalYear,
          endFiscalYear: target.endFiscalYear,
        }
      : null,
    planned,
    actual,
    total: planned + actual,
    percentOfTarget,
  };
}

/** The ledger lines behind `planned`, `actual` or `all`. */
export async function effectRecords(db: Executor, scope: FigureScope, stage: string): Promise<RecordRef[]> {
  const lines = await effectLines(db, scope);
  return lines
    .filter((line) => stage === 'all' || line.stage === stage)
    .map((line) => ({
      id: line.id,
      label: line.title,
      detail: `${line.stageLabel.ja}・${line.categoryLabel.ja}・${formatYenAuto(BigInt(line.amount))}・${line.bureau.name}`,
      link: { type: 'effect', id: line.id },
    }));
}

// ─── プラチナ市役所プロジェクト (features/platinum) ──────────────────────────────────────────────

const funnelLabel = (stage: FunnelStage): LocalizedText => ({
  ja: funnelStageLabel(stage, 'ja'),
  en: funnelStageLabel(stage, 'en'),
});

/** A step of the funnel and how long ideas and issues took through it on average. */
export type PlatinumStepDuration = {
  step: string;
  label: LocalizedText;
  averageDays: number | null;
  passed: number;
};

export type PlatinumFigures = {
  isAvailable: boolean;
  campaignTitle: string | null;
  campaignId: string | null;
  /** Ideas that reached each stage (投稿 → 課題化 → … → 試行・実施). */
  funnel: Breakdown[];
  byTheme: { key: PlatinumTheme; label: LocalizedText; funnel: Breakdown[] }[];
  /** By the bureau the issues were sent to; `orgUnit` null for ideas not sent to any. */
  byBureau: { orgUnit: { id: string; name: string } | null; funnel: Breakdown[] }[];
  stepDurations: PlatinumStepDuration[];
  /** Issues still with their bureau after the due date. */
  overdue: number;
};

const STEP_LABELS: Record<string, LocalizedText> = {
  submitted_to_grouped: { ja: '投稿→課題化', en: 'Submitted → grouped' },
  grouped_to_sent_on: { ja: '課題化→所管局へ送付', en: 'Grouped → sent on' },
  sent_on_to_decided: { ja: '所管局へ送付→決定', en: 'Sent on → decided' },
  decided_to_announced: { ja: '決定→対応方針公表', en: 'Decided → announced' },
  announced_to_implemented: { ja: '対応方針公表→試行・実施', en: 'Announced → implemented' },
};

function emptyFunnel(): Map<FunnelStage, number> {
  return new Map(FUNNEL_STAGES.map((stage) => [stage, 0]));
}

function addReached(counts: Map<FunnelStage, number>, reached: FunnelStage, total: number) {
  for (const stage of FUNNEL_STAGES)
    if (hasReachedStage(reached, stage)) counts.set(stage, counts.get(stage)! + total);
}

const funnelOut = (counts: Map<FunnelStage, number>): Breakdown[] =>
  FUNNEL_STAGES.map((stage) => ({ key: stage, label: funnelLabel(stage), count: counts.get(stage)! }));

/**
 * The year's campaigns as a funnel (ideas that reached each stage), by theme and by the bureau the
 * issues went to, with the days each step took and the assignments past due (features/platinum).
 * In a bureau's scope, only the ideas whose issue was sent to that bureau. Never an author.
 */
export async function platinumFigures(
  db: Executor,
  scope: FigureScope,
  today: string,
  tree?: OrgUnitTree,
): Promise<PlatinumFigures> {
  const progress = await loadPlatinumProgress(db, {
    fiscalYear: scope.fiscalYear,
    today,
    orgUnits: tree ? [...tree.byId.values()] : undefined,
  });
  const units = scope.orgUnitIds ? new Set(scope.orgUnitIds) : null;
  const rows = progress.counts.filter(
    (row) => !units || (row.assignedOrgUnitId !== null && units.has(row.assignedOrgUnitId)),
  );
  const overall = emptyFunnel();
  const byTheme = new Map<PlatinumTheme, Map<FunnelStage, number>>(
    PLATINUM_THEMES.filter((theme) =>
      progress.campaigns.some((campaign) => campaign.themes.includes(theme)),
    ).map((theme) => [theme, emptyFunnel()]),
  );
  const byBureau = new Map<
    string,
    { orgUnit: { id: string; name: string } | null; counts: Map<FunnelStage, number> }
  >();
  for (const row of rows) {
    const reached = funnelStageOf(row.status, row.issueStatus);
    if (reached === null) continue;
    addReached(overall, reached, row.total);
    if (!byTheme.has(row.theme)) byTheme.set(row.theme, emptyFunnel());
    addReached(byTheme.get(row.theme)!, reached, row.total);
    const key = row.bureau?.id ?? 'none';
    if (!byBureau.has(key)) byBureau.set(key, { orgUnit: row.bureau, counts: emptyFunnel() });
    addReached(byBureau.get(key)!.counts, reached, row.total);
  }
  const campaign = progress.campaigns[0] ?? null;
  // Step durations are the campaign's; a bureau's share of them would need per-issue figures.
  const steps = new Map<string, { weighted: number; passed: number }>();
  for (const step of progress.steps) {
    const entry = steps.get(step.step) ?? { weighted: 0, passed: 0 };
    if (step.averageDays !== null) entry.weighted += step.averageDays * step.passed;
    entry.passed += step.passed;
    steps.set(step.step, entry);
  }
  return {
    isAvailable: progress.campaigns.length > 0,
    campaignTitle: campaign ? progress.campaigns.map((item) => item.title).join('、') : null,
    campaignId: campaign?.id ?? null,
    funnel: funnelOut(overall),
    byTheme: [...byTheme].map(([theme, counts]) => ({
      key: theme,
      label: { ja: platinumThemeLabel(theme, 'ja'), en: platinumThemeLabel(theme, 'en') },
      funnel: funnelOut(counts),
    })),
    byBureau: [...byBureau.values()]
      .sort((a, b) =>
        a.orgUnit === null ? 1 : b.orgUnit === null ? -1 : a.orgUnit.name.localeCompare(b.orgUnit.name, 'ja'),
      )
      .map((entry) => ({ orgUnit: entry.orgUnit, funnel: funnelOut(entry.counts) })),
    stepDurations: Object.keys(STEP_LABELS).map((step) => {
      const entry = steps.get(step) ?? { weighted: 0, passed: 0 };
      return {
        step,
        label: STEP_LABELS[step]!,
        averageDays: entry.passed ? Math.round((entry.weighted / entry.passed) * 10) / 10 : null,
        passed: entry.passed,
      };
    }),
    overdue: progress.overdue.filter((row) => !units || units.has(row.orgUnitId)).length,
  };
}

/** Most ideas a drill-down lists at once. */
const IDEA_RECORD_LIMIT = 500;

/**
 * The records behind a Platinum figure (features/platinum): the ideas behind `stage:…` or
 * `theme:…:stage:…` (title and issue only — never the author), or the issues behind `overdue`.
 */
export async function platinumRecords(
  db: Executor,
  scope: FigureScope,
  key: string,
  today: string,
): Promise<RecordRef[]> {
  if (key === 'overdue') {
    const progress = await loadPlatinumProgress(db, { fiscalYear: scope.fiscalYear, today });
    const units = scope.orgUnitIds ? new Set(scope.orgUnitIds) : null;
    return progress.overdue
      .filter((row) => !units || units.has(row.orgUnitId))
      .map((row) => ({
        id: row.issueId,
        label: `課題${row.number} ${row.title}`,
        detail: `${row.orgUnitName}・期限 ${row.dueOn ?? '—'}`,
        link: { type: 'platinum_issue', id: row.issueId },
      }));
  }
  const parts = key.split(':');
  const theme = parts[0] === 'theme' ? (parts[1] as PlatinumTheme) : undefined;
  const stage = (theme ? parts[3] : parts[1]) as FunnelStage;
  const ideas = await listIdeasReachingStage(db, {
    fiscalYear: scope.fiscalYear,
    stage,
    theme,
    assignedOrgUnitIds: scope.orgUnitIds ?? undefined,
    limit: IDEA_RECORD_LIMIT,
  });
  return ideas.map((idea) => ({
    id: idea.id,
    label: `No.${idea.number} ${idea.title}`,
    detail: [
      platinumThemeLabel(idea.theme),
      idea.issueNumber !== null ? `課題${idea.issueNumber} ${idea.issueTitle}` : '課題化前',
      idea.assignedOrgUnitName,
    ]
      .filter(Boolean)
      .join('・'),
    link: { type: 'platinum_idea', id: idea.id },
  }));
}

// ─── 受け手・担い手のニーズ・課題 (features/needs) ─────────────────────────────────────────────

export type NeedFigures = { isAvailable: boolean; total: number; bySide: Breakdown[]; byStatus: Breakdown[] };

/** Needs by side and status (features/needs), counted in one grouped query. */
export async function needFigures(db: Executor, scope: FigureScope): Promise<NeedFigures> {
  const rows = await countNeedsBySideAndStatus(db, {
    fiscalYear: scope.fiscalYear,
    orgUnitIds: scope.orgUnitIds ?? undefined,
  });
  const count = (match: (row: (typeof rows)[number]) => boolean) =>
    rows.filter(match).reduce((total, row) => total + row.total, 0);
  return {
    isAvailable: true,
    total: count(() => true),
    bySide: NEED_SIDES.map((side) => ({
      key: side,
      label: NEED_SIDE_LABELS[side],
      count: count((row) => row.side === side),
    })),
    byStatus: NEED_STATUSES.map((status) => ({
      key: status,
      label: NEED_STATUS_LABELS[status],
      count: count((row) => row.status === status),
    })),
  };
}

/** Most needs a drill-down lists at once. */
const NEED_RECORD_LIMIT = 200;

/**
 * The needs behind `side:…`, `status:…` or `all`, with their text masked as the public would read
 * it (phone numbers and e-mail addresses hidden) and never the reporter's name or contact.
 */
export async function needRecords(db: Executor, scope: FigureScope, key: string): Promise<RecordRef[]> {
  const [kind, value] = key.split(':') as [string, string | undefined];
  const tree = await loadOrgUnitTree(db);
  const { items } = await listNeedItems(
    db,
    {
      fiscalYear: scope.fiscalYear,
      orgUnitIds: scope.orgUnitIds ?? undefined,
      side: kind === 'side' ? (value as NeedSide) : undefined,
      status: kind === 'status' ? (value as NeedStatus) : undefined,
    },
    { page: 1, pageSize: NEED_RECORD_LIMIT },
    { user: null, tree },
  );
  return items.map((item) => ({
    id: item.id,
    label: item.publicPreview.length > 60 ? `${item.publicPreview.slice(0, 60)}…` : item.publicPreview,
    detail: `${item.sideLabel.ja}・${item.channelLabel.ja}・${item.statusLabel.ja}・${item.orgUnit.name}・${item.receivedOn}`,
    link: { type: 'need', id: item.id },
  }));
}
