import type { OrgUnitLevel, Role } from '@totonoe/domain';

/**
 * A demo organisation in the shape of a designated city (政令指定都市): bureaus and its seven wards.
 * It is demo data, marked `isDemo`, not any real city's organisation chart.
 */
export const DEMO_ORG_UNITS: {
  code: string;
  name: string;
  nameKana: string;
  nameEn: string;
  level: OrgUnitLevel;
  parent?: string;
}[] = [
  {
    code: 'somu',
    name: '総務局',
    nameKana: 'そうむきょく',
    nameEn: 'General Affairs Bureau',
    level: 'bureau',
  },
  { code: 'seisaku', name: '政策局', nameKana: 'せいさくきょく', nameEn: 'Policy Bureau', level: 'bureau' },
  {
    code: 'reform',
    name: '市政変革推進室',
    nameKana: 'しせいへんかくすいしんしつ',
    nameEn: 'Reform Office',
    level: 'office',
    parent: 'seisaku',
  },
  { code: 'zaisei', name: '財政局', nameKana: 'ざいせいきょく', nameEn: 'Finance Bureau', level: 'bureau' },
  {
    code: 'kikikanri',
    name: '危機管理室',
    nameKana: 'ききかんりしつ',
    nameEn: 'Crisis Management Office',
    level: 'office',
  },
  {
    code: 'dx',
    name: 'デジタル市役所推進室',
    nameKana: 'でじたるしやくしょすいしんしつ',
    nameEn: 'Digital City Hall Office',
    level: 'office',
  },
  {
    code: 'shimin',
    name: '市民文化スポーツ局',
    nameKana: 'しみんぶんかすぽーつきょく',
    nameEn: 'Citizens, Culture and Sports Bureau',
    level: 'bureau',
  },
  {
    code: 'hoken',
    name: '保健福祉局',
    nameKana: 'ほけんふくしきょく',
    nameEn: 'Health and Welfare Bureau',
    level: 'bureau',
  },
  {
    code: 'kodomo',
    name: '子ども家庭局',
    nameKana: 'こどもかていきょく',
    nameEn: 'Children and Families Bureau',
    level: 'bureau',
  },
  {
    code: 'kodomo-hoiku',
    name: '保育課',
    nameKana: 'ほいくか',
    nameEn: 'Childcare Section',
    level: 'section',
    parent: 'kodomo',
  },
  {
    code: 'kodomo-seishonen',
    name: '青少年課',
    nameKana: 'せいしょうねんか',
    nameEn: 'Youth Section',
    level: 'section',
    parent: 'kodomo',
  },
  {
    code: 'kankyo',
    name: '環境局',
    nameKana: 'かんきょうきょく',
    nameEn: 'Environment Bureau',
    level: 'bureau',
  },
  {
    code: 'sangyo',
    name: '産業経済局',
    nameKana: 'さんぎょうけいざいきょく',
    nameEn: 'Industry and Economy Bureau',
    level: 'bureau',
  },
  {
    code: 'kensetsu',
    name: '建設局',
    nameKana: 'けんせつきょく',
    nameEn: 'Construction Bureau',
    level: 'bureau',
  },
  {
    code: 'kenchiku',
    name: '建築都市局',
    nameKana: 'けんちくとしきょく',
    nameEn: 'Architecture and Urban Bureau',
    level: 'bureau',
  },
  {
    code: 'kowan',
    name: '港湾空港局',
    nameKana: 'こうわんくうこうきょく',
    nameEn: 'Port and Airport Bureau',
    level: 'bureau',
  },
  { code: 'shobo', name: '消防局', nameKana: 'しょうぼうきょく', nameEn: 'Fire Bureau', level: 'bureau' },
  {
    code: 'suido',
    name: '上下水道局',
    nameKana: 'じょうげすいどうきょく',
    nameEn: 'Water and Sewerage Bureau',
    level: 'bureau',
  },
  { code: 'kotsu', name: '交通局', nameKana: 'こうつうきょく', nameEn: 'Transport Bureau', level: 'bureau' },
  {
    code: 'kyoiku',
    name: '教育委員会',
    nameKana: 'きょういくいいんかい',
    nameEn: 'Board of Education',
    level: 'bureau',
  },
  { code: 'ward-moji', name: '門司区', nameKana: 'もじく', nameEn: 'Moji Ward', level: 'ward' },
  {
    code: 'ward-kokurakita',
    name: '小倉北区',
    nameKana: 'こくらきたく',
    nameEn: 'Kokurakita Ward',
    level: 'ward',
  },
  {
    code: 'ward-kokuraminami',
    name: '小倉南区',
    nameKana: 'こくらみなみく',
    nameEn: 'Kokuraminami Ward',
    level: 'ward',
  },
  { code: 'ward-wakamatsu', name: '若松区', nameKana: 'わかまつく', nameEn: 'Wakamatsu Ward', level: 'ward' },
  {
    code: 'ward-yahatahigashi',
    name: '八幡東区',
    nameKana: 'やはたひがしく',
    nameEn: 'Yahatahigashi Ward',
    level: 'ward',
  },
  {
    code: 'ward-yahatanishi',
    name: '八幡西区',
    nameKana: 'やはたにしく',
    nameEn: 'Yahatanishi Ward',
    level: 'ward',
  },
  { code: 'ward-tobata', name: '戸畑区', nameKana: 'とばたく', nameEn: 'Tobata Ward', level: 'ward' },
];

export const DEMO_PASSWORD = 'totonoe-demo';

/** Demo sign-ins, one or more for every role. */
export const DEMO_USERS: {
  login: string;
  displayName: string;
  displayNameKana: string;
  orgUnit: string | null;
  roles: { role: Role; orgUnit?: string }[];
}[] = [
  {
    login: 'reform',
    displayName: '改革 太郎',
    displayNameKana: 'かいかく たろう',
    orgUnit: 'reform',
    roles: [{ role: 'reform_office' }, { role: 'staff' }],
  },
  {
    login: 'mayor',
    displayName: '市長 花子',
    displayNameKana: 'しちょう はなこ',
    orgUnit: null,
    roles: [{ role: 'executive' }],
  },
  {
    login: 'kodomo-head',
    displayName: '子ども 局長',
    displayNameKana: 'こども きょくちょう',
    orgUnit: 'kodomo',
    roles: [{ role: 'bureau_head', orgUnit: 'kodomo' }, { role: 'staff' }],
  },
  {
    login: 'kodomo-staff',
    displayName: '保育 担当',
    displayNameKana: 'ほいく たんとう',
    orgUnit: 'kodomo-hoiku',
    roles: [{ role: 'department_staff', orgUnit: 'kodomo' }, { role: 'staff' }],
  },
  {
    login: 'staff1',
    displayName: '福祉 一郎',
    displayNameKana: 'ふくし いちろう',
    orgUnit: 'hoken',
    roles: [{ role: 'staff' }],
  },
  {
    login: 'staff2',
    displayName: '環境 二葉',
    displayNameKana: 'かんきょう ふたば',
    orgUnit: 'kankyo',
    roles: [{ role: 'staff' }],
  },
  {
    login: 'pt1',
    displayName: '白金 ぴー子',
    displayNameKana: 'しろがね ぴーこ',
    orgUnit: 'kensetsu',
    roles: [{ role: 'pt_member', orgUnit: 'reform' }, { role: 'staff' }],
  },
  {
    login: 'admin',
    displayName: 'システム 管理者',
    displayNameKana: 'しすてむ かんりしゃ',
    orgUnit: 'somu',
    roles: [{ role: 'system_admin' }],
  },
];
