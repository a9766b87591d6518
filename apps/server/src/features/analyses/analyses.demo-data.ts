import type {
  AnalysisReport,
  BenchmarkDirection,
  EffectCategory,
  EffectRecurrence,
  EffectStage,
} from '@totonoe/domain';

/**
 * Demo reports for the FY2024 analysis targets the seed's schedule names. The figures are
 * illustrative demo values, not any city's statistics; comparators are anonymised (政令市A…E).
 */
export type DemoAnalysis = {
  clusterNumber: number;
  /** Sequence of the X meeting the progress report was made at. */
  progressMeeting: number;
  directionMeeting: number;
  directionKind: 'budget' | 'institutional';
  /** The login of the department staff member who submitted, when the demo organisation has one. */
  submittedBy: string | null;
  approvedBy: string | null;
  report: AnalysisReport;
  /** Work done on the working copy since the progress report (toward the direction report). */
  draftChanges: Partial<AnalysisReport>;
  effects: {
    label: string;
    fiscalYear: number;
    endFiscalYear: number | null;
    category: EffectCategory;
    recurrence: EffectRecurrence;
    stage: EffectStage;
    amount: bigint;
    basis: string;
  }[];
  benchmark: {
    name: string;
    unit: string;
    direction: BenchmarkDirection;
    source: string;
    values: number[][];
  };
};

/** Comparators in the order of each benchmark's value rows; 本市 comes first. */
export const DEMO_COMPARATORS = ['本市', '政令市A', '政令市B', '政令市C', '政令市D', '政令市E'] as const;
/** The years of each benchmark's value columns. */
export const DEMO_BENCHMARK_YEARS = [2021, 2022, 2023] as const;

const empty = {
  needs: { text: '', needIds: [] },
  kpis: { items: [] },
};

const SOURCE = 'デモデータ（各市の公表資料を想定した架空の値）';

export const DEMO_ANALYSES: DemoAnalysis[] = [
  {
    clusterNumber: 22,
    progressMeeting: 1,
    directionMeeting: 3,
    directionKind: 'budget',
    submittedBy: 'kodomo-staff',
    approvedBy: 'kodomo-head',
    report: {
      ...empty,
      conclusion: {
        text: '公立保育所の運営コストは他の政令市より高く、入所児童数は減少に転じている。公立施設の役割を「地域の拠点・セーフティネット」に絞り、配置と運営形態を見直す方向で検討を進める。',
      },
      currentState: {
        text: '公立保育所は市内に点在し、老朽化した施設が多い。保育士の確保は年々難しくなっている。',
        annualCost: '12480000000',
        staffCount: 620,
        volumes: [
          { label: '公立保育所', value: 28, unit: 'か所' },
          { label: '入所児童数（公立）', value: 2450, unit: '人' },
        ],
        budgetLines: [
          {
            name: '公立保育所運営費',
            amount: '8630000000',
            legalBasis: '児童福祉法第24条',
            note: '人件費を含む',
          },
          {
            name: '私立保育所等運営費補助',
            amount: '3850000000',
            legalBasis: '子ども・子育て支援法第27条',
            note: '',
          },
        ],
      },
      needs: {
        text: '受け手：送迎しやすい立地と延長保育の拡充を望む声が多い。担い手：保育士の事務負担が大きく、配置基準を満たす人員の確保が課題。',
        needIds: [],
      },
      comparison: { text: '児童1人当たり運営費は比較した政令市の中で2番目に高い。' },
      issues: {
        items: [
          { title: '公立保育所の役割', detail: '民間で担える保育と、公立でなければ担えない保育の線引き。' },
          { title: '施設の老朽化', detail: '建替えの時期を迎える施設の扱い。' },
        ],
      },
      directions: {
        items: [
          {
            kind: 'budget',
            title: '公立保育所の再配置',
            detail: '老朽化した施設から順に、民間移管または統合を検討する。',
          },
        ],
      },
      roadmap: {
        steps: [
          { fiscalYear: 2024, quarter: 3, title: '再配置の基本方針案', detail: '' },
          { fiscalYear: 2025, quarter: 1, title: '対象施設の選定', detail: '' },
          { fiscalYear: 2026, quarter: null, title: '移管・統合の実施', detail: '' },
        ],
      },
      effects: { text: '再配置による運営費の削減を見込む（試算中）。' },
      kpis: {
        items: [
          {
            name: '児童1人当たり運営費（公立）',
            unit: '千円',
            direction: 'lower_is_better',
            baseline: { fiscalYear: 2023, value: 2480 },
            targets: [{ fiscalYear: 2026, value: 2200 }],
            actuals: [],
          },
        ],
      },
    },
    draftChanges: {
      conclusion: {
        text: '公立保育所の運営コストは他の政令市より高く、入所児童数は減少に転じている。公立施設の役割を「地域の拠点・セーフティネット」に絞り、配置と運営形態を見直す。令和7年度予算では、老朽化の進んだ2か所の民間移管に着手する。',
      },
    },
    effects: [
      {
        label: '公立保育所2か所の民間移管',
        fiscalYear: 2025,
        endFiscalYear: null,
        category: 'expenditure_cut',
        recurrence: 'recurring',
        stage: 'planned',
        amount: 180_000_000n,
        basis: '移管後の運営費補助との差額（1か所あたり約9,000万円）',
      },
    ],
    benchmark: {
      name: '児童1人当たり運営費（公立保育所）',
      unit: '千円',
      direction: 'lower_is_better',
      source: SOURCE,
      values: [
        [2380, 2430, 2480],
        [2100, 2150, 2190],
        [2520, 2560, 2600],
        [1980, 2010, 2050],
        [2250, 2290, 2310],
        [2200, 2240, 2270],
      ],
    },
  },
  {
    clusterNumber: 23,
    progressMeeting: 1,
    directionMeeting: 3,
    directionKind: 'budget',
    submittedBy: 'kodomo-staff',
    approvedBy: 'kodomo-head',
    report: {
      ...empty,
      conclusion: {
        text: '子育て支援の事業は数が多く、似た目的の事業が重なっている。利用の少ない事業を整理し、相談と情報提供を一つの窓口にまとめる方向で検討する。',
      },
      currentState: {
        text: '子育て支援に関する事業は複数の課にまたがる。',
        annualCost: '4260000000',
        staffCount: 85,
        volumes: [{ label: '子育て支援事業数', value: 46, unit: '事業' }],
        budgetLines: [
          {
            name: '地域子育て支援拠点事業',
            amount: '620000000',
            legalBasis: '児童福祉法第6条の3第6項',
            note: '',
          },
        ],
      },
      comparison: { text: '事業数は比較した政令市の平均を上回る。' },
      issues: { items: [{ title: '事業の重複', detail: '相談事業が4つの課に分かれている。' }] },
      directions: {
        items: [{ kind: 'budget', title: '相談窓口の一元化', detail: '' }],
      },
      roadmap: { steps: [{ fiscalYear: 2025, quarter: 2, title: '窓口の統合', detail: '' }] },
      effects: { text: '' },
    },
    draftChanges: {},
    effects: [
      {
        label: '類似事業の統合',
        fiscalYear: 2025,
        endFiscalYear: null,
        category: 'expenditure_cut',
        recurrence: 'recurring',
        stage: 'planned',
        amount: 45_000_000n,
        basis: '統合する3事業の委託費',
      },
    ],
    benchmark: {
      name: '子育て支援事業数',
      unit: '事業',
      direction: 'lower_is_better',
      source: SOURCE,
      values: [
        [44, 45, 46],
        [31, 32, 32],
        [38, 38, 39],
        [29, 30, 31],
        [41, 40, 40],
        [35, 36, 36],
      ],
    },
  },
  {
    clusterNumber: 25,
    progressMeeting: 1,
    directionMeeting: 4,
    directionKind: 'institutional',
    submittedBy: 'kodomo-staff',
    approvedBy: 'kodomo-head',
    report: {
      ...empty,
      conclusion: {
        text: '青少年施設の利用率は低下している。施設の役割と、若者が実際に集まる場所とのずれを確かめ、施設のあり方を見直す。',
      },
      currentState: {
        text: '青少年施設は市内に6か所ある。',
        annualCost: '980000000',
        staffCount: 32,
        volumes: [{ label: '青少年施設の年間利用者', value: 182000, unit: '人' }],
        budgetLines: [
          {
            name: '青少年施設管理運営費',
            amount: '610000000',
            legalBasis: '地方自治法第244条の2（指定管理）',
            note: '',
          },
        ],
      },
      comparison: { text: '施設1か所当たりの利用者数は比較した政令市の中で最も少ない。' },
      issues: { items: [{ title: '施設の役割', detail: '居場所づくりの拠点として何が必要か。' }] },
      directions: { items: [] },
      roadmap: { steps: [] },
      effects: { text: '' },
    },
    draftChanges: {},
    effects: [],
    benchmark: {
      name: '施設1か所当たり年間利用者数',
      unit: '人',
      direction: 'higher_is_better',
      source: SOURCE,
      values: [
        [33500, 31800, 30300],
        [41000, 40500, 41200],
        [38000, 37200, 36900],
        [45200, 44800, 46100],
        [35100, 34000, 33800],
        [39900, 40300, 40100],
      ],
    },
  },
  {
    clusterNumber: 34,
    progressMeeting: 1,
    directionMeeting: 3,
    directionKind: 'budget',
    submittedBy: null,
    approvedBy: null,
    report: {
      ...empty,
      conclusion: {
        text: '公園の数と面積は多いが、維持管理の費用が増え続けている。利用の少ない公園の機能を集約し、民間の力を活かした管理を広げる方向で検討する。',
      },
      currentState: {
        text: '市内の都市公園は約1,700か所。遊具の更新時期が集中している。',
        annualCost: '3120000000',
        staffCount: 140,
        volumes: [{ label: '都市公園', value: 1700, unit: 'か所' }],
        budgetLines: [
          { name: '公園維持管理費', amount: '2450000000', legalBasis: '都市公園法第2条の3', note: '' },
        ],
      },
      comparison: { text: '人口1人当たり維持管理費は比較した政令市の平均並み。' },
      issues: { items: [{ title: '小規模公園の扱い', detail: '地域の管理への参画をどう広げるか。' }] },
      directions: {
        items: [{ kind: 'budget', title: 'Park-PFI の導入拡大', detail: '' }],
      },
      roadmap: { steps: [{ fiscalYear: 2025, quarter: null, title: '対象公園の公募', detail: '' }] },
      effects: { text: '' },
    },
    draftChanges: {},
    effects: [
      {
        label: 'Park-PFI による収益施設の使用料',
        fiscalYear: 2026,
        endFiscalYear: null,
        category: 'revenue_gain',
        recurrence: 'recurring',
        stage: 'planned',
        amount: 12_000_000n,
        basis: '2か所分の使用料見込み',
      },
    ],
    benchmark: {
      name: '人口1人当たり公園維持管理費',
      unit: '円',
      direction: 'lower_is_better',
      source: SOURCE,
      values: [
        [3210, 3280, 3350],
        [2980, 3010, 3060],
        [3520, 3590, 3610],
        [3100, 3150, 3220],
        [3400, 3380, 3410],
        [2890, 2950, 3010],
      ],
    },
  },
  {
    clusterNumber: 13,
    progressMeeting: 2,
    directionMeeting: 4,
    directionKind: 'institutional',
    submittedBy: null,
    approvedBy: null,
    report: {
      ...empty,
      conclusion: {
        text: '文化施設への支出に比べ、市民の鑑賞・参加の機会は伸びていない。施設の運営と補助のしくみを、成果に結びつく形に見直す。',
      },
      currentState: {
        text: '文化施設の多くを指定管理者が運営している。',
        annualCost: '2350000000',
        staffCount: 45,
        volumes: [{ label: '文化施設', value: 9, unit: '施設' }],
        budgetLines: [
          {
            name: '文化施設管理運営費',
            amount: '1680000000',
            legalBasis: '地方自治法第244条の2（指定管理）',
            note: '',
          },
        ],
      },
      comparison: { text: '施設の稼働率は比較した政令市の中位。' },
      issues: { items: [{ title: '補助の成果', detail: '補助事業の成果指標がない。' }] },
      directions: { items: [] },
      roadmap: { steps: [] },
      effects: { text: '' },
    },
    draftChanges: {},
    effects: [],
    benchmark: {
      name: '文化施設の稼働率',
      unit: '%',
      direction: 'higher_is_better',
      source: SOURCE,
      values: [
        [61.5, 64.2, 66.8],
        [70.1, 71.3, 72.0],
        [58.4, 60.2, 63.5],
        [66.0, 67.1, 68.9],
        [72.8, 73.5, 74.1],
        [55.2, 57.9, 60.3],
      ],
    },
  },
];
