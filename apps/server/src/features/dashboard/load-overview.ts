import { isoDateOf, type LocalizedText, PLATINUM_THEMES, platinumThemeLabel } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { TOP_LEVELS } from '../bureau-policies/index.ts';
import { countActiveUsers, listClustersWithAnalyses } from './dashboard.queries.ts';
import { loadAnalysisFigures, loadMeetingFigures, resolveScope } from './load-dashboard.ts';
import type { DashboardMetric } from './load-dashboard-records.ts';
import { bureauPolicyFigures, initiativeFigures, needFigures, platinumFigures } from './stream-adapters.ts';

/** A live number on a box of the diagram, with the records behind it. */
export type OverviewFigure = {
  label: LocalizedText;
  value: number;
  isAvailable: boolean;
  drill: { metric: DashboardMetric; key: string } | null;
};

/** The screens a box links to. */
export type OverviewScreen =
  | 'meetings'
  | 'policies'
  | 'clusters'
  | 'initiatives'
  | 'platinum'
  | 'needs'
  | 'dashboard';

export type OverviewBox = {
  id: string;
  role: 'bearer' | 'driver' | 'input' | 'stream';
  title: LocalizedText;
  description: LocalizedText;
  figures: OverviewFigure[];
  parts: LocalizedText[];
  screen: OverviewScreen;
};

/** The arrows of the whole picture: what moves from one part to another. */
export const OVERVIEW_RELATIONS: { from: string; to: string; label: LocalizedText }[] = [
  {
    from: 'x_meeting',
    to: 'bearers',
    label: { ja: '経営層による変革方針の提示', en: 'Top management sets the direction of change' },
  },
  {
    from: 'analysis',
    to: 'x_meeting',
    label: { ja: '改革案磨き上げの場', en: 'Reform proposals are polished' },
  },
  {
    from: 'analysis',
    to: 'bureau_policy',
    label: { ja: '分析結果を方針の実行へ', en: 'Analysis results feed the policies' },
  },
  { from: 'bureau_policy', to: 'voluntary', label: { ja: '方針の実行', en: 'Policies are carried out' } },
  { from: 'needs', to: 'analysis', label: { ja: 'ニーズ・課題を踏まえる', en: 'Needs inform the analyses' } },
  { from: 'needs', to: 'voluntary', label: { ja: 'ニーズ・課題を踏まえる', en: 'Needs inform the reforms' } },
  { from: 'needs', to: 'platinum', label: { ja: 'ニーズ・課題を踏まえる', en: 'Needs inform the ideas' } },
];

const figure = (
  ja: string,
  en: string,
  value: number,
  drill: OverviewFigure['drill'],
  isAvailable = true,
): OverviewFigure => ({ label: { ja, en }, value, isAvailable, drill });

/**
 * 全体像・相互関係: the programme's parts as the first slide of the progress deck draws them
 * (bearers, drivers, needs, the three streams and the arrows between them), with live counts.
 */
export async function loadOverview(db: Executor, fiscalYear: number, now = new Date()) {
  const { scope, tree } = await resolveScope(db, fiscalYear, undefined);
  const today = isoDateOf(now);
  const [analyses, clusters, meetings, policies, initiatives, platinum, needs, userCount] = await Promise.all(
    [
      loadAnalysisFigures(db, scope),
      listClustersWithAnalyses(db, fiscalYear),
      loadMeetingFigures(db, scope, today),
      bureauPolicyFigures(db, scope),
      initiativeFigures(db, scope),
      platinumFigures(db, scope, today),
      needFigures(db, scope),
      countActiveUsers(db),
    ],
  );
  const topUnits = [...tree.byId.values()].filter((unit) => TOP_LEVELS.includes(unit.level)).length;
  const owningUnits = new Set(clusters.flatMap((cluster) => cluster.ownerOrgUnitIds)).size;
  const published = policies.byStatus.find((entry) => entry.key === 'published')?.count ?? 0;
  const submitted = platinum.funnel.find((entry) => entry.key === 'submitted')?.count ?? 0;
  const announced = platinum.funnel.find((entry) => entry.key === 'announced')?.count ?? 0;
  const boxes: OverviewBox[] = [
    {
      id: 'bearers',
      role: 'bearer',
      title: { ja: '変革の担い手', en: 'Bearers of change' },
      description: {
        ja: '局区長等・事業・制度所管部署・職員・職場',
        en: 'Bureau heads, owning departments, staff',
      },
      parts: [
        { ja: '局区長等', en: 'Bureau and ward heads' },
        { ja: '事業・制度所管部署', en: 'Departments owning programmes and rules' },
        { ja: '職員・職場', en: 'Staff and workplaces' },
      ],
      figures: [
        figure('局・区・室', 'Bureaus, wards, offices', topUnits, null),
        figure('クラスター所管組織', 'Units owning clusters', owningUnits, {
          metric: 'clusters',
          key: 'all',
        }),
        figure('利用者', 'Users', userCount, null),
      ],
      screen: 'dashboard',
    },
    {
      id: 'x_meeting',
      role: 'driver',
      title: { ja: 'X会議', en: 'X meetings' },
      description: {
        ja: '経営層による変革方針の提示・改革案磨き上げの場',
        en: 'Top management sets the direction; reform proposals are polished',
      },
      parts: [],
      figures: [
        figure('開催済み', 'Held', meetings.held, { metric: 'meetings', key: 'held' }),
        figure('開催予定', 'Planned', meetings.planned, { metric: 'meetings', key: 'planned' }),
        figure('未完了の指示事項', 'Open instructions', meetings.actions.open, {
          metric: 'meetings',
          key: 'actions:open',
        }),
      ],
      screen: 'meetings',
    },
    {
      id: 'bureau_policy',
      role: 'driver',
      title: { ja: '局区X方針', en: 'Bureau X policies' },
      description: {
        ja: '各局・区が変革の方針を定め、実行する',
        en: 'Each bureau and ward sets and carries out its policy',
      },
      parts: [],
      figures: [
        figure('方針', 'Policies', policies.total, null, policies.isAvailable),
        figure(
          '公表済み',
          'Published',
          published,
          { metric: 'policies', key: 'status:published' },
          policies.isAvailable,
        ),
      ],
      screen: 'policies',
    },
    {
      id: 'needs',
      role: 'input',
      title: { ja: '受け手・担い手のニーズ・課題', en: 'Needs of service recipients and bearers' },
      description: { ja: '市民と職員の声', en: 'Voices of citizens and staff' },
      parts: [],
      figures: needs.bySide.map((side) =>
        figure(
          side.label.ja,
          side.label.en,
          side.count,
          { metric: 'needs', key: `side:${side.key}` },
          needs.isAvailable,
        ),
      ),
      screen: 'needs',
    },
    {
      id: 'analysis',
      role: 'stream',
      title: { ja: '経営分析', en: 'Management analysis' },
      description: {
        ja: '事業・制度部門を中心とした改革',
        en: 'Reform centred on the programme and rule departments',
      },
      parts: analyses.byGroup.map((group) => ({
        ja: `${group.label.ja}（${group.clusterCount}）`,
        en: `${group.label.en} (${group.clusterCount})`,
      })),
      figures: [
        figure('事業クラスター', 'Clusters', analyses.clusterCount, { metric: 'clusters', key: 'all' }),
        figure(`${fiscalYear}年度の分析対象`, `FY${fiscalYear} targets`, analyses.targetCount, {
          metric: 'analyses',
          key: 'targets',
        }),
      ],
      screen: 'clusters',
    },
    {
      id: 'voluntary',
      role: 'stream',
      title: { ja: '各局区の自主的な改革', en: 'Voluntary reforms of bureaus and wards' },
      description: {
        ja: '経営分析の対象にかかわらない改革',
        en: 'Reforms whether or not a cluster is analysed',
      },
      parts: [],
      figures: [
        figure(
          '取組',
          'Initiatives',
          initiatives.total,
          { metric: 'initiatives', key: 'all' },
          initiatives.isAvailable,
        ),
        figure(
          '報告が滞っている取組',
          'Overdue updates',
          initiatives.stale,
          { metric: 'initiatives', key: 'stale' },
          initiatives.isAvailable,
        ),
      ],
      screen: 'initiatives',
    },
    {
      id: 'platinum',
      role: 'stream',
      title: { ja: 'プラチナ市役所プロジェクト', en: 'Platinum City Hall Project' },
      description: {
        ja: '第一線で働く職員のアイデア・多様な職員の参画・変革の風土醸成（組織強化グループとともに）',
        en: 'Ideas of front-line staff; wide participation and a culture of change (with the organisation group)',
      },
      parts: PLATINUM_THEMES.map((theme, index) => ({
        ja: `${index + 1} ${platinumThemeLabel(theme, 'ja')}`,
        en: `${index + 1} ${platinumThemeLabel(theme, 'en')}`,
      })),
      figures: [
        figure(
          'アイデア',
          'Ideas',
          submitted,
          { metric: 'platinum', key: 'stage:submitted' },
          platinum.isAvailable,
        ),
        figure(
          '対応方針公表',
          'Responses announced',
          announced,
          { metric: 'platinum', key: 'stage:announced' },
          platinum.isAvailable,
        ),
      ],
      screen: 'platinum',
    },
  ];
  return { fiscalYear, boxes, relations: OVERVIEW_RELATIONS };
}

export type Overview = Awaited<ReturnType<typeof loadOverview>>;
