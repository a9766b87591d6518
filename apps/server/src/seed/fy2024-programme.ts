import type { ClusterGroup, ClusterKind } from '@totonoe/domain';

/**
 * 令和6年度 市政変革の進捗状況 — the FY2024 data set, exactly as the seed deck gives it:
 * the 57 business clusters of slide 2 and the schedule of slide 3.
 */
export const FY2024 = 2024;

type ClusterSeed = {
  number: number;
  name: string;
  group: ClusterGroup;
  kind: ClusterKind | null;
  owner: string;
};

const operations = (number: number, name: string, owner: string): ClusterSeed => ({
  number,
  name,
  group: 'policy_program',
  kind: 'operations',
  owner,
});
const cityOriginal = (number: number, name: string, owner: string): ClusterSeed => ({
  number,
  name,
  group: 'policy_program',
  kind: 'city_original',
  owner,
});
const national = (number: number, name: string, owner: string): ClusterSeed => ({
  number,
  name,
  group: 'policy_program',
  kind: 'national_system',
  owner,
});
const crossCutting = (number: number, name: string, owner: string): ClusterSeed => ({
  number,
  name,
  group: 'cross_cutting',
  kind: null,
  owner,
});
const organization = (number: number, name: string, owner: string): ClusterSeed => ({
  number,
  name,
  group: 'organization',
  kind: null,
  owner,
});

/** The 57 clusters; `owner` is the code of the demo organisation's owning bureau. */
export const FY2024_CLUSTERS: ClusterSeed[] = [
  cityOriginal(1, '戦略的広報', 'seisaku'),
  cityOriginal(2, '定住・移住施策', 'seisaku'),
  cityOriginal(3, 'SDGs関連事業', 'kankyo'),
  cityOriginal(4, '防災・災害対策', 'kikikanri'),
  cityOriginal(5, '安全・安心なまちづくり', 'shimin'),
  cityOriginal(6, '広聴・相談事業', 'shimin'),
  cityOriginal(7, '国際関係施策', 'seisaku'),
  operations(8, '公立大学法人北九州市立大学', 'seisaku'),
  cityOriginal(9, '女性活躍・男女共同参画施策', 'shimin'),
  cityOriginal(10, '地域振興事業', 'shimin'),
  cityOriginal(11, '生涯学習事業', 'kyoiku'),
  cityOriginal(12, 'スポーツ振興事業', 'shimin'),
  cityOriginal(13, '文化振興施策', 'shimin'),
  cityOriginal(14, '地域福祉施策', 'hoken'),
  cityOriginal(15, '高齢者福祉施策', 'hoken'),
  national(16, '介護保険、介護事業（特別会計）', 'hoken'),
  national(17, '障害者福祉施策', 'hoken'),
  operations(18, '地域医療施策', 'hoken'),
  national(19, '国民健康保険事業（特別会計）', 'hoken'),
  cityOriginal(20, '健康づくり・介護予防事業', 'hoken'),
  operations(21, '食肉センター', 'sangyo'),
  national(22, '保育所・幼稚園', 'kodomo'),
  cityOriginal(23, '子育て支援事業', 'kodomo'),
  cityOriginal(24, '児童虐待・いじめ対策等施策', 'kodomo'),
  cityOriginal(25, '青少年関連事業', 'kodomo'),
  cityOriginal(26, '環境施策', 'kankyo'),
  operations(27, 'ごみ処理事業', 'kankyo'),
  cityOriginal(28, '雇用促進及び地元企業の人材確保施策', 'sangyo'),
  cityOriginal(29, 'スタートアップ×地域課題', 'sangyo'),
  cityOriginal(30, '観光施策', 'sangyo'),
  cityOriginal(31, '空港利用促進事業', 'kowan'),
  operations(32, '中央卸売市場', 'sangyo'),
  operations(33, '市営住宅事業', 'kenchiku'),
  cityOriginal(34, '公園事業', 'kensetsu'),
  cityOriginal(35, '消防体制の整備事業', 'shobo'),
  cityOriginal(36, '火災予防・啓発事業', 'shobo'),
  cityOriginal(37, '学校給食事業', 'kyoiku'),
  national(38, '小・中・特別支援学校', 'kyoiku'),
  crossCutting(39, '公共投資', 'zaisei'),
  crossCutting(40, '公共施設マネジメント実行計画の見直し', 'zaisei'),
  crossCutting(41, '公共施設マネジメント基本計画（社会インフラ版）の見直し', 'kensetsu'),
  cityOriginal(42, '港湾施設マネジメントの推進', 'kowan'),
  operations(43, '上下水道事業', 'suido'),
  operations(44, '市営バス事業', 'kotsu'),
  operations(45, '公営競技事業', 'sangyo'),
  crossCutting(46, '外郭団体等の見直し', 'somu'),
  crossCutting(47, '補助金・負担金の見直し', 'zaisei'),
  crossCutting(48, '使用料・手数料の見直し', 'zaisei'),
  crossCutting(49, '歳入確保の取組', 'zaisei'),
  organization(50, '契約改革（契約事務の見直し）', 'zaisei'),
  crossCutting(51, '指定管理者制度の見直し', 'somu'),
  organization(52, '業務改革による効率的な市役所づくり', 'somu'),
  organization(53, '市職員の人事施策', 'somu'),
  organization(54, 'DXの推進による窓口改革（スマート区役所）', 'dx'),
  organization(55, 'DX人材育成', 'dx'),
  organization(56, 'オフィス改革プロジェクト', 'somu'),
  organization(57, 'BPR推進', 'dx'),
];

/** The FY2024 analysis targets the schedule names for certain, with the meeting each first reported at. */
export const FY2024_ANALYSIS_TARGETS: { number: number; reportedAtSequence: number }[] = [
  { number: 22, reportedAtSequence: 1 },
  { number: 23, reportedAtSequence: 1 },
  { number: 25, reportedAtSequence: 1 },
  { number: 34, reportedAtSequence: 1 },
  { number: 13, reportedAtSequence: 2 },
];

type PlannedDate =
  | { precision: 'day'; year: number; month: number; day: number }
  | { precision: 'early' | 'mid' | 'late' | 'month'; year: number; month: number };

/** The six X meetings of FY2024 with the precision the seed gives their dates. */
export const FY2024_MEETINGS: { sequence: number; title: string; planned: PlannedDate; isHeld: boolean }[] = [
  {
    sequence: 0,
    title: 'キックオフMTG',
    planned: { precision: 'day', year: 2024, month: 6, day: 4 },
    isHeld: true,
  },
  {
    sequence: 1,
    title: '第1回X会議',
    planned: { precision: 'day', year: 2024, month: 7, day: 22 },
    isHeld: true,
  },
  {
    sequence: 2,
    title: '第2回X会議',
    planned: { precision: 'day', year: 2024, month: 8, day: 21 },
    isHeld: true,
  },
  { sequence: 3, title: '第3回X会議', planned: { precision: 'early', year: 2024, month: 10 }, isHeld: false },
  { sequence: 4, title: '第4回X会議', planned: { precision: 'early', year: 2024, month: 11 }, isHeld: false },
  { sequence: 5, title: '第5回X会議', planned: { precision: 'late', year: 2024, month: 12 }, isHeld: false },
];

type ScheduleSeed = {
  lane: 'bureau_policy' | 'voluntary_reform' | 'analysis' | 'platinum';
  label: string;
  precision: 'day' | 'month' | 'year';
  start: string;
  end: string;
  isSpanningYear?: boolean;
  meetingSequence?: number;
};

/** Slide 3's lanes other than the meetings themselves (those come from the meeting records). */
export const FY2024_SCHEDULE: ScheduleSeed[] = [
  {
    lane: 'bureau_policy',
    label: '局区X方針（通年）',
    precision: 'year',
    start: '2024-06-01',
    end: '2025-03-31',
    isSpanningYear: true,
  },
  {
    lane: 'voluntary_reform',
    label: '各局室区の自主的な取組（通年）',
    precision: 'year',
    start: '2024-06-01',
    end: '2025-03-31',
    isSpanningYear: true,
  },
  {
    lane: 'analysis',
    label: '経営分析着手・担当部局と市政変革室のMTG など',
    precision: 'month',
    start: '2024-06-01',
    end: '2024-07-31',
  },
  {
    lane: 'analysis',
    label: '経営分析の経過報告（保育所・幼稚園、子育て支援事業、青少年関連事業、公園事業）',
    precision: 'day',
    start: '2024-07-22',
    end: '2024-07-22',
    meetingSequence: 1,
  },
  {
    lane: 'analysis',
    label: '経営分析の経過報告（文化振興施策）',
    precision: 'day',
    start: '2024-08-21',
    end: '2024-08-21',
    meetingSequence: 2,
  },
  {
    lane: 'analysis',
    label: '経営分析を踏まえた改革の方向性を報告（R7予算に関連するもの等） など',
    precision: 'month',
    start: '2024-10-01',
    end: '2024-10-31',
  },
  {
    lane: 'analysis',
    label: '経営分析を踏まえた改革の方向性を報告（制度関係等） など',
    precision: 'month',
    start: '2024-11-01',
    end: '2024-11-30',
  },
  {
    lane: 'analysis',
    label: '経営分析を踏まえた改革の方向性を報告（制度関係等）・経営分析の最終報告 など',
    precision: 'month',
    start: '2024-12-01',
    end: '2025-03-31',
  },
  { lane: 'platinum', label: 'PTの人選・結成', precision: 'month', start: '2024-07-01', end: '2024-07-31' },
  {
    lane: 'platinum',
    label: 'PTによる課題等の洗い出し',
    precision: 'month',
    start: '2024-08-01',
    end: '2024-08-31',
  },
  {
    lane: 'platinum',
    label: '制度所管局で解決案の検討・決定',
    precision: 'month',
    start: '2024-09-01',
    end: '2024-09-30',
  },
  {
    lane: 'platinum',
    label: '関係局長による対応方針の表明',
    precision: 'month',
    start: '2024-10-01',
    end: '2024-10-31',
  },
];
