import type { ClusterGroup, ClusterKind } from '@totonoe/domain';

/** The three cluster groups with their 考え方 as the programme states them. */
export const CLUSTER_GROUP_DATA: {
  code: ClusterGroup;
  name: string;
  nameEn: string;
  subtitle: string;
  approach: string;
  sortOrder: number;
}[] = [
  {
    code: 'policy_program',
    name: '施策・事業グループ',
    nameEn: 'Policy and programme group',
    subtitle: 'サービスモデル改革',
    // The seed states this group's approach per kind (see CLUSTER_KIND_DATA), not for the group as a whole.
    approach: '',
    sortOrder: 1,
  },
  {
    code: 'cross_cutting',
    name: '横断制度グループ',
    nameEn: 'Cross-cutting systems group',
    subtitle: 'フレーム改革',
    approach:
      '「施策・事業グループ」における各改革を後押しするための、全局的なフレームワークや方向性を定める改革',
    sortOrder: 2,
  },
  {
    code: 'organization',
    name: '組織強化グループ',
    nameEn: 'Organisation strengthening group',
    subtitle: 'ワークスタイル改革',
    approach:
      '「職員」や「職場」のレベルから、職員の意識や行動、仕事の仕方、人材育成のあり方など、市役所の「しごと」を見直すことにより、意識改革、働き方改革、業務改善に取り組み、市役所の生産性と職員の連帯意識の向上、組織の活性化を目指す改革',
    sortOrder: 3,
  },
];

/** The three kinds inside 施策・事業グループ with their 考え方. */
export const CLUSTER_KIND_DATA: {
  code: ClusterKind;
  groupCode: ClusterGroup;
  name: string;
  nameEn: string;
  approach: string;
  sortOrder: number;
}[] = [
  {
    code: 'operations',
    groupCode: 'policy_program',
    name: 'オペレーション系施策',
    nameEn: 'Operations',
    approach: '他自治体・類似民間企業との比較分析などにより、効率化や事業形態の見直し等に重点を置いた改革',
    sortOrder: 1,
  },
  {
    code: 'city_original',
    groupCode: 'policy_program',
    name: '市独自施策',
    nameEn: 'City-original policies',
    approach:
      '効率性等の視点だけでなく、市の特質・強み弱みやビジョンとの密接性、戦略の明確化等に留意して行う改革',
    sortOrder: 2,
  },
  {
    code: 'national_system',
    groupCode: 'policy_program',
    name: '国制度関連施策',
    nameEn: 'National-system policies',
    approach:
      '全国的制度の下でサービス提供を向上させるとともに、独自政策や制度改正の可能性に留意して行う改革',
    sortOrder: 3,
  },
];
