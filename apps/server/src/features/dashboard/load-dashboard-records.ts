import {
  type ACTION_STATUSES,
  ANALYSIS_STAGES,
  type AnalysisStage,
  APPROVAL_STATUS_LABELS,
  APPROVAL_STATUSES,
  actionStatusLabel,
  analysisStageLabel,
  CLUSTER_GROUPS,
  type ClusterGroup,
  FUNNEL_STAGES,
  funnelStageLabel,
  INITIATIVE_HEALTH_LABELS,
  INITIATIVE_HEALTHS,
  INITIATIVE_STATUS_LABELS,
  INITIATIVE_STATUSES,
  isoDateOf,
  type LocalizedText,
  NEED_SIDE_LABELS,
  NEED_SIDES,
  NEED_STATUS_LABELS,
  NEED_STATUSES,
  PLATINUM_THEMES,
  platinumThemeLabel,
} from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { listClustersWithAnalyses } from './dashboard.queries.ts';
import { isClusterInScope, loadMeetingFigures, resolveScope } from './load-dashboard.ts';
import {
  bureauPolicyFigures,
  bureauPolicyRecords,
  effectFigures,
  effectRecords,
  initiativeFigures,
  initiativeRecords,
  meetingFollowUpRecords,
  needFigures,
  needRecords,
  platinumFigures,
  platinumRecords,
  type RecordRef,
} from './stream-adapters.ts';

/** The figures a dashboard number can stand for. */
export const DASHBOARD_METRICS = [
  'analyses',
  'clusters',
  'meetings',
  'policies',
  'initiatives',
  'effects',
  'platinum',
  'needs',
] as const;

export type DashboardMetric = (typeof DASHBOARD_METRICS)[number];

/**
 * The records behind a number. `total` is how many records the number counts: a list cut short
 * (the ideas and needs drill-downs list at most a few hundred) has fewer `items` than `total`, and
 * the screen says so.
 */
type Drill = { title: LocalizedText; isAvailable: boolean; items: RecordRef[]; total: number };

/** A drill-down whose list is complete. */
const complete = (drill: Omit<Drill, 'total'>): Drill => ({ ...drill, total: drill.items.length });

const badKey = () =>
  new AppError('validation_failed', {
    fieldErrors: [
      { path: 'key', messages: { ja: '集計項目の指定が正しくありません。', en: 'Unknown figure.' } },
    ],
  });

/** Reads `name:value` where value must be one of the allowed ones. */
function parseKey<T extends string>(key: string, name: string, allowed: readonly T[]): T | null {
  const prefix = `${name}:`;
  if (!key.startsWith(prefix)) return null;
  const value = key.slice(prefix.length);
  return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

const text = (ja: string, en: string): LocalizedText => ({ ja, en });

function followUpTitle(key: string): LocalizedText {
  if (key === 'decisions') return text('X会議の決定事項', 'Decisions of the X meetings');
  if (key === 'actions:open') return text('未完了の指示事項', 'Open instructions');
  if (key === 'actions:overdue') return text('期限を過ぎた指示事項', 'Instructions past due');
  if (key.startsWith('actions:status:')) {
    const status = key.slice('actions:status:'.length) as (typeof ACTION_STATUSES)[number];
    return text(
      `指示事項（${actionStatusLabel(status, 'ja')}）`,
      `Instructions (${actionStatusLabel(status, 'en')})`,
    );
  }
  return text('指示事項', 'Instructions');
}

async function clusterDrill(
  db: Executor,
  metric: 'analyses' | 'clusters',
  key: string,
  orgUnitId?: string,
  fiscalYear = 0,
): Promise<Drill> {
  const { scope } = await resolveScope(db, fiscalYear, orgUnitId);
  const clusters = (await listClustersWithAnalyses(db, fiscalYear)).filter((cluster) =>
    isClusterInScope(cluster, scope),
  );
  // analyses: targets | stage:… | group:… | group:…:stage:…   clusters: all | group:…
  let group: ClusterGroup | null = null;
  let stage: AnalysisStage | null = null;
  let rest = key;
  if (rest.startsWith('group:')) {
    const [, value, ...tail] = rest.split(':');
    if (!(CLUSTER_GROUPS as readonly string[]).includes(value ?? '')) throw badKey();
    group = value as ClusterGroup;
    rest = tail.join(':');
  }
  if (metric === 'analyses' && rest !== '' && rest !== 'targets') {
    stage = parseKey(rest, 'stage', ANALYSIS_STAGES);
    if (!stage) throw badKey();
  } else if (metric === 'analyses' && rest === '' && group === null) {
    throw badKey();
  } else if (metric === 'clusters' && !(rest === '' && group) && rest !== 'all') {
    throw badKey();
  }
  const selected = clusters.filter(
    (cluster) =>
      (group === null || cluster.groupCode === group) &&
      (metric === 'clusters' || cluster.analysisId !== null) &&
      (stage === null || cluster.stage === stage),
  );
  const groupName = group ? (selected[0]?.groupName ?? group) : null;
  const titleJa = [
    metric === 'analyses' ? '経営分析の対象' : '事業クラスター',
    groupName,
    stage ? analysisStageLabel(stage, 'ja') : null,
  ]
    .filter(Boolean)
    .join('・');
  const titleEn = [
    metric === 'analyses' ? 'Analysis targets' : 'Clusters',
    group,
    stage ? analysisStageLabel(stage, 'en') : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return complete({
    title: text(titleJa, titleEn),
    isAvailable: true,
    items: selected.map(
      (cluster): RecordRef => ({
        id: cluster.analysisId ?? cluster.clusterId,
        label: `${cluster.number} ${cluster.name}`,
        detail: [
          cluster.groupName,
          cluster.kindName,
          cluster.stage ? analysisStageLabel(cluster.stage, 'ja') : null,
        ]
          .filter(Boolean)
          .join(' / '),
        link: cluster.analysisId
          ? { type: 'analysis', id: cluster.analysisId }
          : { type: 'cluster', id: cluster.clusterId },
      }),
    ),
  });
}

/** The records behind one number of the dashboard. */
export async function loadDashboardRecords(
  db: Executor,
  options: {
    fiscalYear: number;
    orgUnitId?: string;
    metric: DashboardMetric;
    key: string;
    now?: Date;
    user?: CurrentUser | null;
  },
): Promise<Drill> {
  const { fiscalYear, orgUnitId, metric, key } = options;
  const today = isoDateOf(options.now ?? new Date());
  switch (metric) {
    case 'analyses':
    case 'clusters':
      return clusterDrill(db, metric, key, orgUnitId, fiscalYear);
    case 'meetings': {
      if (key === 'decisions' || key.startsWith('actions:')) {
        const { scope } = await resolveScope(db, fiscalYear, orgUnitId);
        const items = await meetingFollowUpRecords(db, scope, key, today);
        if (!items) throw badKey();
        return complete({ title: followUpTitle(key), isAvailable: true, items });
      }
      if (!['all', 'held', 'planned'].includes(key)) throw badKey();
      const { scope } = await resolveScope(db, fiscalYear, orgUnitId);
      const meetings = await loadMeetingFigures(db, scope, today);
      const items = meetings.items.filter((item) => key === 'all' || item.isHeld === (key === 'held'));
      return complete({
        title:
          key === 'held'
            ? text('開催済みの X会議', 'X meetings held')
            : key === 'planned'
              ? text('開催予定の X会議', 'X meetings planned')
              : text('X会議', 'X meetings'),
        isAvailable: true,
        items: items.map((item) => ({
          id: item.id,
          label: item.title,
          detail: `${item.spanLabel.ja}${item.isHeld ? '（開催済み）' : '（予定）'}`,
          link: { type: 'meeting', id: item.id },
        })),
      });
    }
    case 'policies': {
      const status = parseKey(key, 'status', APPROVAL_STATUSES);
      if (!status) throw badKey();
      const { scope } = await resolveScope(db, fiscalYear, orgUnitId);
      const figures = await bureauPolicyFigures(db, scope);
      const label = APPROVAL_STATUS_LABELS[status];
      return complete({
        title: text(`局区X方針（${label.ja}）`, `Bureau X policies (${label.en})`),
        isAvailable: figures.isAvailable,
        items: await bureauPolicyRecords(db, scope, status, options.user ?? null),
      });
    }
    case 'initiatives': {
      const status = parseKey(key, 'status', INITIATIVE_STATUSES);
      const health = parseKey(key, 'health', INITIATIVE_HEALTHS);
      if (!status && !health && key !== 'stale' && key !== 'all') throw badKey();
      const { scope } = await resolveScope(db, fiscalYear, orgUnitId);
      const label = status
        ? INITIATIVE_STATUS_LABELS[status]
        : health
          ? INITIATIVE_HEALTH_LABELS[health]
          : key === 'stale'
            ? text('報告が滞っているもの', 'Overdue for an update')
            : text('すべて', 'All');
      return complete({
        title: text(`取組（${label.ja}）`, `Initiatives (${label.en})`),
        isAvailable: (await initiativeFigures(db, scope)).isAvailable,
        items: await initiativeRecords(db, scope, key),
      });
    }
    case 'effects': {
      if (!['planned', 'actual', 'all'].includes(key)) throw badKey();
      const { scope } = await resolveScope(db, fiscalYear, orgUnitId);
      return complete({
        title:
          key === 'planned'
            ? text('効果額（見込み）', 'Effects (planned)')
            : key === 'actual'
              ? text('効果額（実績）', 'Effects (actual)')
              : text('効果額', 'Effects'),
        isAvailable: (await effectFigures(db, scope)).isAvailable,
        items: await effectRecords(db, scope, key),
      });
    }
    case 'platinum': {
      // stage:…  theme:…:stage:…  overdue
      let theme: (typeof PLATINUM_THEMES)[number] | null = null;
      let rest = key;
      if (key.startsWith('theme:')) {
        const [, value, ...tail] = key.split(':');
        if (!(PLATINUM_THEMES as readonly string[]).includes(value ?? '')) throw badKey();
        theme = value as (typeof PLATINUM_THEMES)[number];
        rest = tail.join(':');
      }
      const stage = parseKey(rest, 'stage', FUNNEL_STAGES);
      if (!stage && !(rest === 'overdue' && theme === null)) throw badKey();
      const { scope } = await resolveScope(db, fiscalYear, orgUnitId);
      const what = stage
        ? text(
            [theme ? platinumThemeLabel(theme, 'ja') : null, funnelStageLabel(stage, 'ja')]
              .filter(Boolean)
              .join('・'),
            [theme ? platinumThemeLabel(theme, 'en') : null, funnelStageLabel(stage, 'en')]
              .filter(Boolean)
              .join(' · '),
          )
        : text('期限を過ぎた所管局の検討', 'Assignments past due');
      const [figures, items] = await Promise.all([
        platinumFigures(db, scope, today),
        platinumRecords(db, scope, key, today),
      ]);
      // The ideas behind a stage are listed up to a limit; the funnel's figure is how many there are.
      const funnel = theme ? figures.byTheme.find((entry) => entry.key === theme)?.funnel : figures.funnel;
      const counted = stage ? funnel?.find((entry) => entry.key === stage)?.count : undefined;
      return {
        title: text(`プラチナ市役所プロジェクト（${what.ja}）`, `Platinum (${what.en})`),
        isAvailable: figures.isAvailable,
        items,
        total: Math.max(counted ?? 0, items.length),
      };
    }
    case 'needs': {
      const side = parseKey(key, 'side', NEED_SIDES);
      const status = parseKey(key, 'status', NEED_STATUSES);
      if (!side && !status && key !== 'all') throw badKey();
      const { scope } = await resolveScope(db, fiscalYear, orgUnitId);
      const label = side
        ? NEED_SIDE_LABELS[side]
        : status
          ? NEED_STATUS_LABELS[status]
          : text('すべて', 'All');
      const [figures, items] = await Promise.all([needFigures(db, scope), needRecords(db, scope, key)]);
      // The needs behind a figure are listed up to a limit; the figure is how many there are.
      const counted = side
        ? figures.bySide.find((entry) => entry.key === side)?.count
        : status
          ? figures.byStatus.find((entry) => entry.key === status)?.count
          : figures.total;
      return {
        title: text(`ニーズ・課題（${label.ja}）`, `Needs and issues (${label.en})`),
        isAvailable: figures.isAvailable,
        items,
        total: Math.max(counted ?? 0, items.length),
      };
    }
  }
}
