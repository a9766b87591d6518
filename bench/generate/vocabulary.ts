// Japanese words the generator composes its texts from: plain city-hall language, so that search,
// trigram indexes and payload sizes behave as they would on real data.
import type { Random } from './random.ts';

const SURNAMES = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
  '佐々木',
  '山口',
  '松本',
  '井上',
  '木村',
  '林',
  '斎藤',
  '清水',
  '山崎',
  '森',
  '池田',
  '橋本',
  '阿部',
  '石川',
  '山下',
  '中島',
  '石井',
  '小川',
];
const SURNAME_KANA = [
  'さとう',
  'すずき',
  'たかはし',
  'たなか',
  'いとう',
  'わたなべ',
  'やまもと',
  'なかむら',
  'こばやし',
  'かとう',
  'よしだ',
  'やまだ',
  'ささき',
  'やまぐち',
  'まつもと',
  'いのうえ',
  'きむら',
  'はやし',
  'さいとう',
  'しみず',
  'やまざき',
  'もり',
  'いけだ',
  'はしもと',
  'あべ',
  'いしかわ',
  'やました',
  'なかじま',
  'いしい',
  'おがわ',
];
const GIVEN_NAMES = [
  '翔太',
  '陽菜',
  '大輔',
  '美咲',
  '健一',
  '由美',
  '拓也',
  '彩',
  '直樹',
  '恵子',
  '誠',
  '真由美',
];
const GIVEN_KANA = [
  'しょうた',
  'ひな',
  'だいすけ',
  'みさき',
  'けんいち',
  'ゆみ',
  'たくや',
  'あや',
  'なおき',
  'けいこ',
  'まこと',
  'まゆみ',
];

/** A person's name in kanji and kana. */
export function personName(random: Random): { name: string; kana: string } {
  const surname = random.int(SURNAMES.length);
  const given = random.int(GIVEN_NAMES.length);
  return {
    name: `${SURNAMES[surname]} ${GIVEN_NAMES[given]}`,
    kana: `${SURNAME_KANA[surname]} ${GIVEN_KANA[given]}`,
  };
}

const WORK_OBJECTS = [
  '決裁',
  '押印',
  '紙の申請書',
  '会議資料',
  '庁内照会',
  '出張精算',
  '勤怠管理',
  '文書保存',
  '窓口受付',
  '電話対応',
  '議事録作成',
  '予算要求',
  '契約事務',
  '研修',
  '引継ぎ',
  '共有フォルダ',
  'ファイルサーバ',
  '郵送通知',
  '統計調査',
  '補助金審査',
  '時間外勤務',
  'テレワーク',
  'フリーアドレス',
  '書庫',
  '公用車予約',
];
const WORK_ACTIONS = [
  '電子化する',
  '廃止する',
  '様式を統一する',
  'チャットで済ませる',
  '月1回にまとめる',
  '自動化する',
  '手順書を作る',
  '担当を集約する',
  '予約システムにする',
  'オンライン化する',
  '年度末に見直す',
  '外部委託する',
];
const WORK_PROBLEMS = [
  '同じ内容を何度も転記している',
  '承認に一週間以上かかる',
  '紙の保管場所が足りない',
  '担当者しか手順を知らない',
  '繁忙期に残業が集中する',
  '市民を窓口で長く待たせている',
  '会議が長く結論が出ない',
  '探すのに時間がかかる',
  '異動のたびに引継ぎが漏れる',
  '同じ照会が各局から届く',
  '印刷と製本に半日かかる',
  '若手の意見が届きにくい',
];
const WORK_EFFECTS = [
  '年間およそ千時間の削減',
  '用紙代と郵送料の削減',
  '市民の待ち時間の短縮',
  '職員の満足度の向上',
  '残業時間の平準化',
  'ミスの減少',
  '意思決定の迅速化',
  '執務スペースの確保',
];

/** The texts of a Platinum idea (title, problem, proposal, expected effect). */
export function ideaTexts(random: Random): {
  title: string;
  problem: string;
  proposal: string;
  expectedEffect: string;
} {
  const object = random.pick(WORK_OBJECTS);
  const action = random.pick(WORK_ACTIONS);
  const problem = random.pick(WORK_PROBLEMS);
  const second = random.pick(WORK_PROBLEMS);
  return {
    title: `${object}を${action.replace(/する$/u, '')}`.slice(0, 100),
    problem: `${object}について、${problem}。また、${second}ため、現場の負担が大きい。`,
    proposal: `${object}を${action}。まずは${random.pick(WORK_OBJECTS)}と合わせて一部の課で試行し、効果を確かめてから全庁に広げる。`,
    expectedEffect: `${random.pick(WORK_EFFECTS)}、${random.pick(WORK_EFFECTS)}が見込まれる。`,
  };
}

/** A comment on an idea. */
export function commentText(random: Random): string {
  return random.pick([
    'うちの課でも同じことで困っています。ぜひ進めてほしいです。',
    '試行するなら協力します。',
    '個人情報の扱いだけ確認が必要だと思います。',
    '他の政令市では既に実施していると聞きました。',
    '窓口の繁忙期を避けて始めるのがよいと思います。',
  ]);
}

const NEED_SUBJECTS = [
  '子育て支援センター',
  '保育所の入所手続',
  '公園のトイレ',
  '市営バスの時刻',
  'ごみの分別',
  '図書館の開館時間',
  '区役所の窓口',
  '介護保険の申請',
  '市営住宅の修繕',
  '健診の予約',
  '防災メール',
  'スポーツ施設の予約',
];
const NEED_VOICES = [
  'の手続が分かりにくい',
  'をオンラインでできるようにしてほしい',
  'の待ち時間が長い',
  'の案内が古いままになっている',
  'を土日も利用したい',
  'の説明が窓口ごとに違う',
  'の書類が多すぎる',
  'について相談先が分からない',
];

/** What a need says, verbatim. */
export function needText(random: Random): string {
  const subject = random.pick(NEED_SUBJECTS);
  return `${subject}${random.pick(NEED_VOICES)}。${random.pick(NEED_SUBJECTS)}${random.pick(NEED_VOICES)}という声もある。`;
}

const REPORT_PHRASES = [
  '他の政令指定都市と比較すると、一人当たり事業費は高い水準にある。',
  '利用者数は過去五年で減少傾向にあり、施設の稼働率も低下している。',
  '民間事業者による同種のサービスが広がっており、市の関与のあり方を見直す時期にある。',
  '受け手のニーズは多様化しており、一律の提供方法では応えきれていない。',
  '担い手の確保が難しくなっており、業務の標準化とデジタル化が急務である。',
  '事業の目的と成果指標の関係が明確でなく、効果の検証が十分ではない。',
  '国の制度改正を踏まえ、市独自の上乗せ部分の必要性を精査する。',
  '施設の老朽化が進んでおり、今後十年で大規模な改修費用が見込まれる。',
];

/** A paragraph of an analysis report. */
export function reportParagraph(random: Random, sentences: number): string {
  const parts: string[] = [];
  for (let index = 0; index < sentences; index++) parts.push(random.pick(REPORT_PHRASES));
  return parts.join('');
}

const AGENDA_TOPICS = [
  '経営分析の経過報告',
  '改革の方向性',
  '局区X方針の進捗',
  'プラチナ市役所プロジェクトの対応方針',
  '指示事項の対応状況',
  '公共施設マネジメント',
  '補助金・負担金の見直し',
  'DXの推進',
];

/** The title of an agenda item. */
export function agendaTitle(random: Random, subject: string): string {
  return `${subject}　${random.pick(AGENDA_TOPICS)}`;
}

/** The body of a decision or instruction recorded at an X meeting. */
export function decisionText(random: Random, subject: string): string {
  return `${subject}について、${random.pick(['方向性を了承する', '次回会議までに具体案を示す', '関係局と調整のうえ再度報告する', '効果額の算定根拠を精査する'])}。`;
}
