import { eq } from 'drizzle-orm';
import type { Transaction } from '../../db/client.ts';
import { userRoles, users } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/audit.ts';
import type { DemoContext, DemoExtension } from '../../seed/load-demo-data.ts';
import { createBureauPolicy } from './create-bureau-policy.ts';
import { moveBureauPolicy, type PolicyRouteRequest } from './move-bureau-policy.ts';
import { loadOrgUnitTree } from './org-scope.ts';
import type { PolicyContent } from './policy-content.ts';
import { startBureauPolicyRevision } from './start-bureau-policy-revision.ts';

/**
 * People who draft, consult on and approve the demo policies, beside the foundation's demo sign-ins.
 * They share the demo password.
 */
export const POLICY_DEMO_USERS: {
  login: string;
  displayName: string;
  unit: string;
  role: 'bureau_head' | 'department_staff';
}[] = [
  { login: 'hoken-head', displayName: '保健福祉 局長', unit: 'hoken', role: 'bureau_head' },
  { login: 'hoken-staff', displayName: '福祉 企画担当', unit: 'hoken', role: 'department_staff' },
  { login: 'kankyo-head', displayName: '環境 局長', unit: 'kankyo', role: 'bureau_head' },
  { login: 'kankyo-staff', displayName: '環境 企画担当', unit: 'kankyo', role: 'department_staff' },
  { login: 'zaisei-head', displayName: '財政 局長', unit: 'zaisei', role: 'bureau_head' },
  { login: 'zaisei-staff', displayName: '財政 調整担当', unit: 'zaisei', role: 'department_staff' },
  { login: 'kensetsu-head', displayName: '建設 局長', unit: 'kensetsu', role: 'bureau_head' },
  { login: 'kensetsu-staff', displayName: '公園 企画担当', unit: 'kensetsu', role: 'department_staff' },
  { login: 'shimin-staff', displayName: '文化 企画担当', unit: 'shimin', role: 'department_staff' },
  { login: 'somu-head', displayName: '総務 局長', unit: 'somu', role: 'bureau_head' },
  { login: 'somu-staff', displayName: '業務改革 担当', unit: 'somu', role: 'department_staff' },
];

type Step =
  | { at: string; by: string; request: PolicyRouteRequest }
  | { at: string; by: string; revise: string };

type PolicySeed = {
  unit: string;
  drafter: string;
  createdAt: string;
  content: Omit<PolicyContent, 'clusterIds'> & { clusters: number[] };
  steps: Step[];
};

const kpi = (
  name: string,
  unit: string,
  baseline: string | null,
  target: string | null,
  targetFiscalYear: number | null,
) => ({
  name,
  unit,
  baseline,
  target,
  targetFiscalYear,
});

/** The FY2024 policies: one bureau in each state of the 決裁 route, and one revised after publication. */
const POLICY_SEEDS: PolicySeed[] = [
  {
    unit: 'kodomo',
    drafter: 'kodomo-staff',
    createdAt: '2024-06-10T10:00:00+09:00',
    content: {
      title: '令和6年度 子ども家庭局X方針',
      vision:
        'こどもまんなか社会の実現に向け、保育・子育て支援・青少年施策を利用する側の視点で組み立て直し、限られた人と財源を次の世代への投資に振り向ける。',
      priorityThemes: [
        {
          title: '保育所・幼稚園の適正配置',
          description: '地域ごとの需要見通しに合わせ、公立保育所の役割と配置を見直す。',
        },
        {
          title: '子育て支援事業の重複整理',
          description: '類似する給付・相談事業を統合し、申請をオンラインで完結させる。',
        },
        {
          title: '青少年施策の担い手確保',
          description: '青少年施設の運営を地域団体・民間と協働する形に移す。',
        },
      ],
      clusters: [22, 23, 24, 25],
      kpis: [
        kpi('待機児童数（4月1日時点）', '人', '12', '0', 2026),
        kpi('子育て支援手続のオンライン化率', '%', '35', '80', 2026),
        kpi('青少年施設の協働運営館数', '館', '1', '5', 2026),
      ],
    },
    steps: [
      {
        at: '2024-06-20T09:30:00+09:00',
        by: 'kodomo-staff',
        request: { action: 'submit', consultOrgUnitIds: ['zaisei'] },
      },
      {
        at: '2024-06-24T15:00:00+09:00',
        by: 'zaisei-staff',
        request: { action: 'concur', orgUnitId: 'zaisei', comment: '財源見通しの記載を確認しました。' },
      },
      { at: '2024-06-26T11:00:00+09:00', by: 'kodomo-head', request: { action: 'approve' } },
      { at: '2024-07-01T09:00:00+09:00', by: 'kodomo-head', request: { action: 'publish' } },
    ],
  },
  {
    unit: 'hoken',
    drafter: 'hoken-staff',
    createdAt: '2024-07-05T10:00:00+09:00',
    content: {
      title: '令和6年度 保健福祉局X方針',
      vision:
        '高齢化が進む中でも必要な人に必要な支援が届くよう、介護予防と地域福祉の仕組みをデータで見直す。',
      priorityThemes: [
        {
          title: '介護予防事業の効果検証',
          description: '参加者の状態変化を追跡し、効果の高い事業に集中する。',
        },
        { title: '地域福祉の担い手支援', description: '民生委員・ボランティアの事務負担を減らす。' },
      ],
      clusters: [14, 15, 16, 20],
      kpis: [
        kpi('介護予防教室の参加者数', '人', '8200', '9500', 2026),
        kpi('民生委員の事務作業時間', '時間/月', '12', '8', 2026),
      ],
    },
    steps: [
      {
        at: '2024-09-02T10:00:00+09:00',
        by: 'hoken-staff',
        request: { action: 'submit', consultOrgUnitIds: ['zaisei', 'reform'] },
      },
      { at: '2024-09-05T14:00:00+09:00', by: 'reform', request: { action: 'concur', orgUnitId: 'reform' } },
    ],
  },
  {
    unit: 'kankyo',
    drafter: 'kankyo-staff',
    createdAt: '2024-07-08T10:00:00+09:00',
    content: {
      title: '令和6年度 環境局X方針',
      vision: 'ごみ処理と環境施策の費用構造を他都市と比べて見直し、脱炭素の投資余力を生み出す。',
      priorityThemes: [
        { title: 'ごみ収集運搬の効率化', description: '収集ルートの最適化と委託範囲の見直し。' },
        { title: '環境施策の重点化', description: 'SDGs関連事業を成果指標で整理する。' },
      ],
      clusters: [3, 26, 27],
      kpis: [kpi('1人1日あたりの家庭ごみ量', 'g', '480', '450', 2026)],
    },
    steps: [
      {
        at: '2024-08-19T10:00:00+09:00',
        by: 'kankyo-staff',
        request: { action: 'submit', consultOrgUnitIds: ['zaisei'] },
      },
      {
        at: '2024-08-23T16:00:00+09:00',
        by: 'zaisei-staff',
        request: { action: 'concur', orgUnitId: 'zaisei' },
      },
    ],
  },
  {
    unit: 'kensetsu',
    drafter: 'kensetsu-staff',
    createdAt: '2024-07-10T10:00:00+09:00',
    content: {
      title: '令和6年度 建設局X方針',
      vision:
        '公園を「管理する施設」から「使われる場所」へ。民間活力を取り入れ、維持管理費を抑えながら利用者の満足度を高める。',
      priorityThemes: [
        { title: 'Park-PFI の活用', description: '収益施設の併設で整備・管理の費用を賄う。' },
        { title: '公園の維持管理水準の見直し', description: '利用実態に応じて管理頻度をめりはりづける。' },
      ],
      clusters: [34, 41],
      kpis: [kpi('Park-PFI 導入公園数', '箇所', '0', '3', 2026)],
    },
    steps: [
      {
        at: '2024-09-10T10:00:00+09:00',
        by: 'kensetsu-staff',
        request: { action: 'submit', consultOrgUnitIds: ['reform'] },
      },
      {
        at: '2024-09-13T17:00:00+09:00',
        by: 'reform',
        request: {
          action: 'return',
          orgUnitId: 'reform',
          comment:
            '経営分析（公園事業）の経過報告で示した論点（利用者ニーズの把握）を重点テーマに反映してください。',
        },
      },
    ],
  },
  {
    unit: 'shimin',
    drafter: 'shimin-staff',
    createdAt: '2024-09-02T10:00:00+09:00',
    content: {
      title: '令和6年度 市民文化スポーツ局X方針（案）',
      vision: '文化・スポーツ施設を地域の拠点として生かし、広聴の声を施策に結びつける。',
      priorityThemes: [
        { title: '文化振興施策の再編', description: '第2回X会議での経過報告を踏まえて検討中。' },
      ],
      clusters: [6, 12, 13],
      kpis: [kpi('文化施設の利用者満足度', '%', '72', null, null)],
    },
    steps: [],
  },
  {
    unit: 'zaisei',
    drafter: 'zaisei-staff',
    createdAt: '2024-06-12T10:00:00+09:00',
    content: {
      title: '令和6年度 財政局X方針',
      vision: '補助金・使用料・歳入確保の全庁ルールを見直し、次世代投資枠の財源を確実に生み出す。',
      priorityThemes: [
        { title: '補助金・負担金の総点検', description: '終期設定と成果指標の義務化。' },
        { title: '使用料・手数料の適正化', description: '受益と負担の関係を点検し、算定基準を統一する。' },
      ],
      clusters: [47, 48, 49],
      kpis: [kpi('終期を設定した補助金の割合', '%', '40', '100', 2026)],
    },
    steps: [
      {
        at: '2024-07-01T10:00:00+09:00',
        by: 'zaisei-staff',
        request: { action: 'submit', consultOrgUnitIds: ['reform'] },
      },
      { at: '2024-07-03T10:00:00+09:00', by: 'reform', request: { action: 'concur', orgUnitId: 'reform' } },
      { at: '2024-07-05T10:00:00+09:00', by: 'zaisei-head', request: { action: 'approve' } },
    ],
  },
  {
    unit: 'somu',
    drafter: 'somu-staff',
    createdAt: '2024-06-05T10:00:00+09:00',
    content: {
      title: '令和6年度 総務局X方針',
      vision: '業務改革と働き方改革を一体で進め、職員が市民と向き合う時間を生み出す。',
      priorityThemes: [
        { title: '業務量の見える化', description: '全庁の業務量調査を行い、BPR の対象を選ぶ。' },
        { title: 'オフィス改革', description: 'フリーアドレスとペーパーレスを本庁舎から展開する。' },
      ],
      clusters: [52, 53, 56],
      kpis: [kpi('時間外勤務時間（月平均）', '時間', '18', '14', 2026)],
    },
    steps: [
      {
        at: '2024-06-14T10:00:00+09:00',
        by: 'somu-staff',
        request: { action: 'submit', consultOrgUnitIds: [] },
      },
      { at: '2024-06-17T10:00:00+09:00', by: 'somu-head', request: { action: 'approve' } },
      { at: '2024-06-18T10:00:00+09:00', by: 'somu-head', request: { action: 'publish' } },
      {
        at: '2024-08-26T10:00:00+09:00',
        by: 'somu-staff',
        revise: '第2回X会議の指示事項（オフィス改革の前倒し）を反映',
      },
      {
        at: '2024-08-28T10:00:00+09:00',
        by: 'somu-staff',
        request: { action: 'submit', consultOrgUnitIds: ['reform'] },
      },
      { at: '2024-08-29T10:00:00+09:00', by: 'reform', request: { action: 'concur', orgUnitId: 'reform' } },
      { at: '2024-08-30T10:00:00+09:00', by: 'somu-head', request: { action: 'approve' } },
      { at: '2024-09-02T09:00:00+09:00', by: 'somu-head', request: { action: 'publish' } },
    ],
  },
];

async function addDemoUsers(tx: Transaction, context: DemoContext): Promise<void> {
  // Same demo password as the foundation's sign-ins: reuse its hash rather than hashing again.
  const reform = await tx
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.login, 'reform'))
    .limit(1);
  const passwordHash = reform[0]?.passwordHash ?? null;
  for (const person of POLICY_DEMO_USERS) {
    const unitId = context.orgUnitIdByCode.get(person.unit)!;
    const rows = await tx
      .insert(users)
      .values({
        login: person.login,
        displayName: person.displayName,
        email: `${person.login}@demo.totonoe.invalid`,
        orgUnitId: unitId,
        passwordHash,
        passwordChangedAt: new Date(),
      })
      .returning({ id: users.id });
    const userId = rows[0]!.id;
    context.userIdByLogin.set(person.login, userId);
    await tx.insert(userRoles).values([
      { userId, role: person.role, orgUnitId: unitId },
      { userId, role: 'staff', orgUnitId: null },
    ]);
  }
}

function actorFor(context: DemoContext, login: string): Actor {
  return { userId: context.userIdByLogin.get(login)!, requestId: 'demo-data', ip: undefined };
}

/** Replays each demo policy's route on its dates through the same use cases the API uses. */
async function loadPolicies(tx: Transaction, context: DemoContext): Promise<void> {
  const tree = await loadOrgUnitTree(tx);
  for (const seed of POLICY_SEEDS) {
    const { clusters, ...content } = seed.content;
    let policy = await createBureauPolicy(tx, {
      orgUnitId: context.orgUnitIdByCode.get(seed.unit)!,
      fiscalYear: context.fiscalYear,
      content: { ...content, clusterIds: clusters.map((number) => context.clusterIdByNumber.get(number)!) },
      tree,
      actor: actorFor(context, seed.drafter),
      now: new Date(seed.createdAt),
    });
    for (const step of seed.steps) {
      const now = new Date(step.at);
      const actor = actorFor(context, step.by);
      if ('revise' in step) {
        policy = await startBureauPolicyRevision(tx, {
          policyId: policy.id,
          expectedVersion: policy.version,
          revisionNote: step.revise,
          actor,
          now,
        });
        continue;
      }
      const unit = (code: string) => context.orgUnitIdByCode.get(code)!;
      const request: PolicyRouteRequest =
        step.request.action === 'submit'
          ? { ...step.request, consultOrgUnitIds: step.request.consultOrgUnitIds.map(unit) }
          : 'orgUnitId' in step.request && step.request.orgUnitId
            ? ({ ...step.request, orgUnitId: unit(step.request.orgUnitId) } as PolicyRouteRequest)
            : step.request;
      policy = await moveBureauPolicy(tx, {
        policyId: policy.id,
        expectedVersion: policy.version,
        request,
        tree,
        actor,
        now,
      });
    }
  }
}

/** The FY2024 局区X方針 and the people who move them along the route. */
export const bureauPolicyDemo: DemoExtension = {
  name: 'bureau-policies',
  load: async (tx, context) => {
    await addDemoUsers(tx, context);
    await loadPolicies(tx, context);
  },
};
