import type { InitiativeHealth, InitiativeSourceKind, InitiativeStatus } from '@totonoe/domain';
import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../../db/client.ts';
import { analyses, bureauPolicies, userRoles, users } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/audit.ts';
import type { DemoContext, DemoExtension } from '../../seed/load-demo-data.ts';
import { loadOrgUnitTree } from '../bureau-policies/index.ts';
import { createInitiative } from './create-initiative.ts';
import { findInitiative } from './initiatives.queries.ts';
import { recordKpiActual } from './record-kpi-actual.ts';
import { type KpiInput, replaceInitiativeKpis } from './replace-initiative-kpis.ts';
import { type MilestoneInput, replaceInitiativeMilestones } from './replace-initiative-milestones.ts';
import { reportInitiativeProgress } from './report-initiative-progress.ts';

type Source =
  | { kind: 'bureau_policy'; unit: string }
  | { kind: 'analysis_direction'; cluster: number }
  | { kind: 'voluntary_reform' };

type InitiativeSeed = {
  title: string;
  summary: string;
  source: Source;
  owner: string;
  reporter: string;
  clusters: number[];
  createdAt: string;
  milestones: [string, [number, number], [number, number], boolean][];
  updates: { on: string; body: string; status?: InitiativeStatus; health?: InitiativeHealth }[];
  kpis?: (KpiInput & { actuals?: { fiscalYear: number; value: string; note?: string }[] })[];
};

/** The FY2024 initiatives: from bureau policies, from analysis directions, and each bureau's own voluntary reforms. */
export const INITIATIVE_SEEDS: InitiativeSeed[] = [
  {
    title: '公立保育所の適正配置計画の策定',
    summary:
      '地域別の保育需要推計に基づき、公立保育所の役割（障害児・医療的ケア児の受入れ等）と配置を見直す。',
    source: { kind: 'bureau_policy', unit: 'kodomo' },
    owner: 'kodomo-hoiku',
    reporter: 'kodomo-staff',
    clusters: [22],
    createdAt: '2024-07-01T10:00:00+09:00',
    milestones: [
      ['地域別の保育需要推計', [2024, 2], [2024, 3], true],
      ['適正配置計画（案）の作成', [2024, 4], [2024, 4], false],
      ['パブリックコメント・計画策定', [2025, 1], [2025, 2], false],
      ['段階的な再編の実施', [2025, 3], [2026, 4], false],
    ],
    updates: [
      {
        on: '2024-07-10',
        body: '需要推計の前提（出生数・就労率）を確定し、推計作業に着手した。',
        status: 'in_progress',
      },
      { on: '2024-09-25', body: '7区の需要推計がまとまった。第1回X会議の経過報告で示した論点を反映中。' },
      {
        on: '2025-01-20',
        body: '計画（案）の骨子を作成。医療的ケア児の受入れ拠点を2か所とする方向で調整中。',
      },
    ],
    kpis: [
      {
        name: '待機児童数（4月1日時点）',
        unit: '人',
        baseline: '12',
        baselineFiscalYear: 2023,
        targets: [
          { fiscalYear: 2024, value: '6' },
          { fiscalYear: 2025, value: '3' },
          { fiscalYear: 2026, value: '0' },
        ],
        actuals: [{ fiscalYear: 2024, value: '4', note: '令和6年4月1日時点' }],
      },
    ],
  },
  {
    title: '子育て支援手続のオンライン化',
    summary: '児童手当・一時預かり等の申請をオンラインで完結させ、窓口と紙の事務を減らす。',
    source: { kind: 'bureau_policy', unit: 'kodomo' },
    owner: 'kodomo',
    reporter: 'kodomo-staff',
    clusters: [23],
    createdAt: '2024-07-01T10:00:00+09:00',
    milestones: [
      ['対象手続の棚卸し', [2024, 2], [2024, 2], true],
      ['電子申請フォームの整備', [2024, 3], [2025, 1], false],
      ['窓口での案内の切替え', [2025, 2], [2025, 2], false],
    ],
    updates: [
      { on: '2024-08-05', body: '対象となる42手続を棚卸しした。', status: 'in_progress' },
      {
        on: '2024-11-15',
        body: '添付書類の電子化で国の様式改正待ちの手続があり、一部の公開が遅れる見込み。',
        health: 'at_risk',
      },
    ],
    kpis: [
      {
        name: '子育て支援手続のオンライン申請率',
        unit: '%',
        baseline: '35',
        baselineFiscalYear: 2023,
        targets: [
          { fiscalYear: 2024, value: '50' },
          { fiscalYear: 2026, value: '80' },
        ],
        actuals: [{ fiscalYear: 2024, value: '47' }],
      },
    ],
  },
  {
    title: '青少年施設の協働運営への移行',
    summary: '経営分析（青少年関連事業）の方向性を受け、青少年施設の運営を地域団体・民間との協働に移す。',
    source: { kind: 'analysis_direction', cluster: 25 },
    owner: 'kodomo-seishonen',
    reporter: 'kodomo-staff',
    clusters: [25],
    createdAt: '2024-08-01T10:00:00+09:00',
    milestones: [
      ['協働先の公募条件の検討', [2024, 2], [2024, 3], true],
      ['モデル館での協働運営', [2025, 1], [2025, 4], false],
    ],
    updates: [
      { on: '2024-09-10', body: 'モデル館を1館選定。公募条件を教育委員会と協議中。', status: 'in_progress' },
    ],
  },
  {
    title: 'Park-PFI による公園の整備・管理の見直し',
    summary: '経営分析（公園事業）の方向性を受け、収益施設の併設による整備・管理費の縮減を図る。',
    source: { kind: 'analysis_direction', cluster: 34 },
    owner: 'kensetsu',
    reporter: 'kensetsu-staff',
    clusters: [34],
    createdAt: '2024-08-01T10:00:00+09:00',
    milestones: [
      ['候補公園のサウンディング調査', [2024, 2], [2024, 3], false],
      ['公募・事業者選定', [2024, 4], [2025, 2], false],
    ],
    updates: [
      {
        on: '2024-08-30',
        body: 'サウンディング調査の参加事業者が想定を下回り、調査期間を延長した。',
        status: 'in_progress',
        health: 'delayed',
      },
    ],
  },
  {
    title: '文化施設の料金体系と指定管理の見直し',
    summary: '経営分析（文化振興施策）の経過報告を踏まえ、利用料金と指定管理の範囲を見直す。',
    source: { kind: 'analysis_direction', cluster: 13 },
    owner: 'shimin',
    reporter: 'shimin-staff',
    clusters: [13],
    createdAt: '2024-09-01T10:00:00+09:00',
    milestones: [['他都市の料金比較', [2024, 3], [2024, 4], false]],
    updates: [],
  },
  {
    title: '区役所窓口の「書かない窓口」導入',
    summary: '申請書を職員が聞き取りで作成する窓口を小倉北区で先行導入し、待ち時間と記入の負担を減らす。',
    source: { kind: 'voluntary_reform' },
    owner: 'ward-kokurakita',
    reporter: 'kokurakita-staff',
    clusters: [54],
    createdAt: '2024-06-20T10:00:00+09:00',
    milestones: [
      ['対象手続の選定とシステム設定', [2024, 1], [2024, 2], true],
      ['小倉北区で先行導入', [2024, 3], [2024, 4], true],
      ['全区への展開', [2025, 1], [2025, 4], false],
    ],
    updates: [
      { on: '2024-10-15', body: '10月1日から先行導入。初月の利用は1,240件。', status: 'in_progress' },
      { on: '2025-02-10', body: '平均待ち時間が導入前の18分から11分に短縮した。全区展開の準備に入る。' },
    ],
    kpis: [
      {
        name: '「書かない窓口」で受け付ける手続数',
        unit: '手続',
        baseline: '0',
        baselineFiscalYear: 2023,
        targets: [{ fiscalYear: 2024, value: '30' }],
        actuals: [{ fiscalYear: 2024, value: '36' }],
      },
    ],
  },
  {
    title: '介護認定事務のペーパーレス化',
    summary: '認定調査票と審査会資料を電子化し、紙の印刷・郵送を止める（保健福祉局の自主的な改革）。',
    source: { kind: 'voluntary_reform' },
    owner: 'hoken',
    reporter: 'hoken-staff',
    clusters: [16],
    createdAt: '2024-05-15T10:00:00+09:00',
    milestones: [
      ['タブレットによる認定調査', [2024, 1], [2024, 2], true],
      ['審査会資料の電子配信', [2024, 3], [2024, 3], true],
    ],
    updates: [
      { on: '2024-07-31', body: '認定調査の9割をタブレットで実施。', status: 'in_progress' },
      { on: '2024-12-20', body: '審査会資料の電子配信に全合議体が移行し、完了した。', status: 'done' },
    ],
  },
  {
    title: '道路照明のLED化による電気料金の削減',
    summary: '道路照明灯を計画的にLEDへ更新し、電気料金と維持管理費を削減する（建設局の自主的な改革）。',
    source: { kind: 'voluntary_reform' },
    owner: 'kensetsu',
    reporter: 'kensetsu-staff',
    clusters: [41],
    createdAt: '2024-04-15T10:00:00+09:00',
    milestones: [['LED更新（年間3,000灯）', [2024, 1], [2026, 4], false]],
    updates: [
      {
        on: '2024-06-28',
        body: '資材価格の上昇で初年度の更新灯数が計画を下回る見込み。',
        status: 'in_progress',
        health: 'at_risk',
      },
    ],
  },
  {
    title: 'ごみ収集ルートの最適化',
    summary: '収集車両の運行データから収集ルートを組み直し、委託車両台数を見直す。',
    source: { kind: 'bureau_policy', unit: 'kankyo' },
    owner: 'kankyo',
    reporter: 'kankyo-staff',
    clusters: [27],
    createdAt: '2024-07-15T10:00:00+09:00',
    milestones: [
      ['運行データの収集・分析', [2024, 2], [2024, 3], true],
      ['新ルートの試行', [2024, 4], [2024, 4], false],
      ['委託契約の見直し', [2025, 1], [2025, 1], false],
    ],
    updates: [
      { on: '2024-09-30', body: '全収集車両の運行データ3か月分の分析を終えた。', status: 'in_progress' },
      { on: '2025-01-31', body: '2区で新ルートを試行。走行距離が12%短縮した。' },
    ],
  },
  {
    title: '全庁業務量調査とBPRの推進',
    summary: '全庁の業務量を調査し、効果の大きい業務から BPR を進める。',
    source: { kind: 'bureau_policy', unit: 'somu' },
    owner: 'somu',
    reporter: 'somu-staff',
    clusters: [52, 57],
    createdAt: '2024-06-20T10:00:00+09:00',
    milestones: [
      ['業務量調査', [2024, 2], [2024, 2], true],
      ['BPR 対象業務の選定', [2024, 3], [2024, 3], true],
      ['BPR の実施', [2024, 4], [2025, 4], false],
    ],
    updates: [
      { on: '2024-07-31', body: '全局の業務量調査票を回収した。', status: 'in_progress' },
      { on: '2024-10-31', body: 'BPR の対象として20業務を選定した。' },
      { on: '2025-01-31', body: '選定した20業務のうち8業務で業務フローの見直しを終えた。' },
    ],
  },
  {
    title: '補助金の終期設定と成果指標の義務化',
    summary: 'すべての補助金に終期と成果指標を設定するルールを定め、見直しを制度化する。',
    source: { kind: 'bureau_policy', unit: 'zaisei' },
    owner: 'zaisei',
    reporter: 'zaisei-staff',
    clusters: [47],
    createdAt: '2024-07-10T10:00:00+09:00',
    milestones: [
      ['ルール案の作成', [2024, 2], [2024, 3], true],
      ['令和7年度予算編成での適用', [2024, 3], [2024, 4], false],
    ],
    updates: [
      { on: '2024-11-29', body: '予算編成方針に終期設定の義務化を盛り込んだ。', status: 'in_progress' },
    ],
  },
  {
    title: '介護予防教室の効果検証',
    summary: '参加者の要介護認定の推移を追跡し、効果の高い教室に資源を集中する。',
    source: { kind: 'bureau_policy', unit: 'hoken' },
    owner: 'hoken',
    reporter: 'hoken-staff',
    clusters: [20],
    createdAt: '2024-09-05T10:00:00+09:00',
    milestones: [['追跡データの整備', [2024, 4], [2025, 2], false]],
    updates: [],
  },
];

function actorFor(context: DemoContext, login: string): Actor {
  return { userId: context.userIdByLogin.get(login)!, requestId: 'demo-data', ip: undefined };
}

async function addReporter(tx: Transaction, context: DemoContext): Promise<void> {
  const reform = await tx
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.login, 'reform'))
    .limit(1);
  const unitId = context.orgUnitIdByCode.get('ward-kokurakita')!;
  const rows = await tx
    .insert(users)
    .values({
      login: 'kokurakita-staff',
      displayName: '小倉北 窓口担当',
      email: 'kokurakita-staff@demo.totonoe.invalid',
      orgUnitId: unitId,
      passwordHash: reform[0]?.passwordHash ?? null,
      passwordChangedAt: new Date(),
    })
    .returning({ id: users.id });
  context.userIdByLogin.set('kokurakita-staff', rows[0]!.id);
  await tx.insert(userRoles).values([
    { userId: rows[0]!.id, role: 'department_staff', orgUnitId: unitId },
    { userId: rows[0]!.id, role: 'staff', orgUnitId: null },
  ]);
}

async function sourceIdOf(tx: Transaction, context: DemoContext, source: Source): Promise<string | null> {
  switch (source.kind) {
    case 'voluntary_reform':
      return null;
    case 'bureau_policy': {
      const rows = await tx
        .select({ id: bureauPolicies.id })
        .from(bureauPolicies)
        .where(
          and(
            eq(bureauPolicies.orgUnitId, context.orgUnitIdByCode.get(source.unit)!),
            eq(bureauPolicies.fiscalYear, context.fiscalYear),
          ),
        );
      return rows[0]!.id;
    }
    case 'analysis_direction': {
      const rows = await tx
        .select({ id: analyses.id })
        .from(analyses)
        .where(
          and(
            eq(analyses.clusterId, context.clusterIdByNumber.get(source.cluster)!),
            eq(analyses.fiscalYear, context.fiscalYear),
          ),
        );
      return rows[0]!.id;
    }
  }
}

/** Registers each demo initiative and replays its 工程表, KPIs and progress reports through the use cases. */
export const initiativeDemo: DemoExtension = {
  name: 'initiatives',
  load: async (tx, context) => {
    await addReporter(tx, context);
    const tree = await loadOrgUnitTree(tx);
    const reform = actorFor(context, 'reform');
    for (const seed of INITIATIVE_SEEDS) {
      const sourceKind: InitiativeSourceKind = seed.source.kind;
      let row = await createInitiative(tx, {
        fiscalYear: context.fiscalYear,
        fields: {
          title: seed.title,
          summary: seed.summary,
          sourceKind,
          sourceId: await sourceIdOf(tx, context, seed.source),
          ownerOrgUnitId: context.orgUnitIdByCode.get(seed.owner)!,
          clusterIds: seed.clusters.map((number) => context.clusterIdByNumber.get(number)!),
          updateCadence: 'quarterly',
          status: 'not_started',
          health: 'on_track',
        },
        tree,
        actor: reform,
        now: new Date(seed.createdAt),
      });
      const milestones: MilestoneInput[] = seed.milestones.map(([title, from, to, isDone]) => ({
        title,
        from: { fiscalYear: from[0], quarter: from[1] },
        to: { fiscalYear: to[0], quarter: to[1] },
        isDone,
      }));
      row = await replaceInitiativeMilestones(tx, {
        id: row.id,
        expectedVersion: row.version,
        milestones,
        actor: reform,
      });
      const reporter = actorFor(context, seed.reporter);
      if (seed.kpis) {
        row = await replaceInitiativeKpis(tx, {
          id: row.id,
          expectedVersion: row.version,
          kpis: seed.kpis.map(({ actuals: _actuals, ...kpi }) => kpi),
          actor: reform,
        });
      }
      for (const update of seed.updates) {
        row = await reportInitiativeProgress(tx, {
          id: row.id,
          expectedVersion: row.version,
          report: { reportedOn: update.on, body: update.body, status: update.status, health: update.health },
          actor: reporter,
          today: update.on,
        });
      }
      const saved = await tx.query.initiativeKpis.findMany({
        where: (kpi, { eq: equals }) => equals(kpi.initiativeId, row.id),
      });
      for (const kpi of seed.kpis ?? []) {
        const kpiId = saved.find((entry) => entry.name === kpi.name)!.id;
        for (const actual of kpi.actuals ?? []) {
          row = (await findInitiative(tx, row.id))!;
          row = await recordKpiActual(tx, {
            id: row.id,
            expectedVersion: row.version,
            kpiId,
            fiscalYear: actual.fiscalYear,
            actual: actual.value,
            note: actual.note ?? null,
            actor: reporter,
          });
        }
      }
    }
  },
};
