import { type AssignmentDecision, type PlatinumTheme, type PreciseDate, preciseDate } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import type { Actor } from '../../lib/audit.ts';
import type { DemoContext, DemoExtension } from '../../seed/load-demo-data.ts';
import { assignIssue } from './assign-issue.ts';
import { changeIssueStatus } from './change-issue-status.ts';
import { signResponse } from './co-announce.ts';
import { commentOnIdea } from './comment-on-idea.ts';
import { createIssue } from './create-issue.ts';
import { mergeIdea } from './merge-ideas.ts';
import {
  backdateIdea,
  backdateIssue,
  backdateSignature,
  backdateSupports,
  backdateTeam,
  demoPasswordHash,
  findOrCreateDemoUser,
} from './platinum-demo.queries.ts';
import { recordDecision } from './record-decision.ts';
import { reviewResponse } from './review-response.ts';
import { createCampaign } from './save-campaign.ts';
import { saveResponse } from './save-response.ts';
import { scoreIssue } from './score-issue.ts';
import { addTeamMember } from './set-team-member.ts';
import { startImplementation } from './start-implementation.ts';
import { submitIdea } from './submit-idea.ts';
import { supportIdea } from './support-idea.ts';

/**
 * The FY2024 (令和6年度) プラチナ市役所プロジェクト as demo data: the seed's phases (ideas in June–July,
 * PT formed in July, issues identified in August, bureau decisions in September, responses
 * announced in October, trials after), a PT of three, 36 ideas across the three themes (some
 * anonymous), supports, comments, issues in every state, and the flextime trial proposed by young
 * staff. Everything goes through the same use cases as the API, then gets the campaign's dates.
 */

/** People the Platinum demo needs beside the foundation's sign-ins (same demo password). */
const PLATINUM_DEMO_USERS = [
  {
    login: 'pt2',
    displayName: '白金 次郎',
    displayNameKana: 'しろがね じろう',
    unit: 'shobo',
    roles: ['staff', 'pt_member'],
  },
  {
    login: 'pt3',
    displayName: '白金 三花',
    displayNameKana: 'しろがね みか',
    unit: 'ward-kokurakita',
    roles: ['staff', 'pt_member'],
  },
  {
    login: 'staff3',
    displayName: '若手 未来',
    displayNameKana: 'わかて みらい',
    unit: 'ward-yahatanishi',
    roles: ['staff'],
  },
  {
    login: 'somu-head',
    displayName: '総務 局長',
    displayNameKana: 'そうむ きょくちょう',
    unit: 'somu',
    roles: ['staff', 'bureau_head'],
  },
  {
    login: 'somu-staff',
    displayName: '業務改革 担当',
    displayNameKana: 'ぎょうむかいかく たんとう',
    unit: 'somu',
    roles: ['staff', 'department_staff'],
  },
  {
    login: 'zaisei-head',
    displayName: '財政 局長',
    displayNameKana: 'ざいせい きょくちょう',
    unit: 'zaisei',
    roles: ['staff', 'bureau_head'],
  },
  {
    login: 'zaisei-staff',
    displayName: '財政 調整担当',
    displayNameKana: 'ざいせい ちょうせいたんとう',
    unit: 'zaisei',
    roles: ['staff', 'department_staff'],
  },
] as const;

/** Members of staff who support ideas in the demo (those that exist). */
const SUPPORTER_POOL = [
  'staff1',
  'staff2',
  'staff3',
  'pt1',
  'pt2',
  'pt3',
  'kodomo-staff',
  'kodomo-head',
  'reform',
  'somu-staff',
  'zaisei-staff',
  'hoken-staff',
  'kankyo-staff',
  'kensetsu-staff',
  'shimin-staff',
];

type IdeaSeed = {
  key: string;
  theme: PlatinumTheme;
  by: string;
  isAnonymous?: boolean;
  on: string;
  title: string;
  problem: string;
  proposal: string;
  effect: string;
  supports: number;
};

const IDEAS: IdeaSeed[] = [
  // 1 ワークスタイル
  {
    key: 'W1',
    theme: 'workstyle',
    by: 'staff3',
    on: '2024-06-12',
    supports: 11,
    title: 'フレックスタイム制度を導入してほしい',
    problem:
      '保育園の送迎や通院のたびに休暇を取っています。時差出勤は3パターンしかなく、日によって始業・終業時刻を変えられません。同期の若手職員の多くが同じ悩みを持っています。',
    proposal: 'コアタイム（10時〜15時）を設けたフレックスタイム制度を、まず一部の所属で試行してください。',
    effect: '育児・介護と仕事の両立がしやすくなり、若手職員の定着と超過勤務の削減につながります。',
  },
  {
    key: 'W2',
    theme: 'workstyle',
    by: 'staff1',
    isAnonymous: true,
    on: '2024-06-20',
    supports: 3,
    title: '出退勤の時刻を柔軟に選べるフレックス制を',
    problem: '通勤ラッシュを避けたくても始業時刻が固定されています。',
    proposal: '出勤・退勤の時刻を職員が選べるフレックス制にしてほしい。',
    effect: '通勤の負担が減り、朝の時間を有効に使えます。',
  },
  {
    key: 'W3',
    theme: 'workstyle',
    by: 'staff2',
    on: '2024-06-25',
    supports: 5,
    title: '時差出勤のパターンを増やしてほしい',
    problem: '時差出勤は7時30分・8時30分・9時30分の3パターンのみで、介護の都合に合いません。',
    proposal: '30分刻みで始業時刻を選べるようにする。',
    effect: '介護中の職員が休暇を取らずに勤務を続けられます。',
  },
  {
    key: 'W4',
    theme: 'workstyle',
    by: 'kodomo-staff',
    on: '2024-06-14',
    supports: 7,
    title: '在宅勤務の回数上限を緩和してほしい',
    problem: '在宅勤務は週2回までで、資料作成に集中したい週でも出勤が必要です。',
    proposal: '業務に支障がない範囲で週3回まで在宅勤務を認める。',
    effect: '集中して取り組む業務の生産性が上がります。',
  },
  {
    key: 'W5',
    theme: 'workstyle',
    by: 'pt3',
    isAnonymous: true,
    on: '2024-06-18',
    supports: 6,
    title: 'テレワーク用のノートPCを全職員に',
    problem: '持ち出し用PCの台数が足りず、在宅勤務の日に予約が取れないことがあります。',
    proposal: '更新時期に合わせて、執務用PCをノートPCに切り替える。',
    effect: '誰でも必要なときにテレワークでき、災害時の業務継続にも役立ちます。',
  },
  {
    key: 'W6',
    theme: 'workstyle',
    by: 'staff2',
    on: '2024-07-02',
    supports: 4,
    title: '区役所にサテライトオフィスを設置',
    problem: '出張先の区役所で空き時間に作業する場所がありません。',
    proposal: '各区役所に本庁職員も使えるサテライト席を数席設ける。',
    effect: '移動時間が減り、区役所との連携も取りやすくなります。',
  },
  {
    key: 'W7',
    theme: 'workstyle',
    by: 'staff1',
    on: '2024-07-05',
    supports: 5,
    title: '研修をオンデマンド動画で受講できるように',
    problem: '集合研修は日時が決まっていて、窓口繁忙期には参加できません。',
    proposal: '主な研修を録画し、いつでも視聴できるようにする。',
    effect: '受講率が上がり、会場の確保も不要になります。',
  },
  {
    key: 'W8',
    theme: 'workstyle',
    by: 'staff3',
    isAnonymous: true,
    on: '2024-07-08',
    supports: 4,
    title: '新任職員のためのメンター制度',
    problem: '配属先に年齢の近い先輩がおらず、仕事の進め方を気軽に相談できません。',
    proposal: '他局の先輩職員をメンターとして紹介する仕組みをつくる。',
    effect: '早期離職を防ぎ、局を越えたつながりができます。',
  },
  {
    key: 'W9',
    theme: 'workstyle',
    by: 'staff1',
    on: '2024-06-28',
    supports: 6,
    title: '時間単位の年次休暇の上限をなくしてほしい',
    problem: '時間単位の年休は年5日までで、通院が多い年は足りなくなります。',
    proposal: '時間単位で取得できる年休の上限を撤廃する。',
    effect: '必要な時間だけ休めるので、業務への影響が小さくなります。',
  },
  {
    key: 'W10',
    theme: 'workstyle',
    by: 'somu-staff',
    on: '2024-07-10',
    supports: 2,
    title: '超過勤務の事前命令を電子化',
    problem: '超過勤務の命令簿が紙で、上司不在時に手続が止まります。',
    proposal: '勤怠システムで事前申請・命令・実績確認まで完結させる。',
    effect: '手続の手間が減り、勤務時間の把握も正確になります。',
  },
  {
    key: 'W11',
    theme: 'workstyle',
    by: 'pt2',
    isAnonymous: true,
    on: '2024-07-16',
    supports: 1,
    title: '兼業（副業）許可の基準を明確に',
    problem: '地域活動で報酬を受けるときの許可基準が分かりにくい。',
    proposal: '許可される例・されない例を示したガイドラインを公開する。',
    effect: '職員の地域貢献活動が広がります。',
  },
  {
    key: 'W12',
    theme: 'workstyle',
    by: 'kodomo-head',
    on: '2024-07-19',
    supports: 3,
    title: '男性職員の育児休業を後押しする代替要員の確保',
    problem: '育休を取りたくても、代わりがいないため言い出しにくい職場があります。',
    proposal: '育休取得者の所属に会計年度任用職員を優先して配置する。',
    effect: '男性職員の育休取得率が上がります。',
  },
  // 2 オフィス
  {
    key: 'O1',
    theme: 'office',
    by: 'pt1',
    on: '2024-06-11',
    supports: 8,
    title: '会議資料のペーパーレス化',
    problem: '会議のたびに大量の資料を印刷し、差し替えのたびに刷り直しています。',
    proposal: '会議資料はタブレットや大型モニターで共有し、原則印刷しない。',
    effect: '用紙代と印刷時間が減り、最新版の資料で議論できます。',
  },
  {
    key: 'O2',
    theme: 'office',
    by: 'staff2',
    on: '2024-06-19',
    supports: 4,
    title: '会議室に大型モニターを常設してほしい',
    problem: 'プロジェクターの準備に毎回10分以上かかります。',
    proposal: '主な会議室に大型モニターを常設する。',
    effect: '会議の準備時間が短くなります。',
  },
  {
    key: 'O3',
    theme: 'office',
    by: 'reform',
    isAnonymous: true,
    on: '2024-06-27',
    supports: 2,
    title: '資料は印刷せずタブレットで閲覧',
    problem: '紙の資料が机に積み上がっています。',
    proposal: '庁内会議はタブレットでの閲覧を基本にする。',
    effect: 'ペーパーレスが進みます。',
  },
  {
    key: 'O4',
    theme: 'office',
    by: 'staff3',
    on: '2024-06-21',
    supports: 6,
    title: 'フリーアドレス・ABWを試してみたい',
    problem: '固定席のため、打合せのたびに会議室を探しています。',
    proposal: '一部のフロアでフリーアドレスと、業務に合わせて場所を選ぶABWを試行する。',
    effect: 'コミュニケーションが活発になり、執務スペースも有効に使えます。',
  },
  {
    key: 'O5',
    theme: 'office',
    by: 'kodomo-staff',
    on: '2024-07-03',
    supports: 3,
    title: '書庫の文書を電子化して執務スペースを広げる',
    problem: '保存文書の書棚が執務室の3分の1を占めています。',
    proposal: '保存期間の長い文書をスキャンし、原本は外部倉庫へ移す。',
    effect: '執務スペースが広がり、文書の検索も速くなります。',
  },
  {
    key: 'O6',
    theme: 'office',
    by: 'staff1',
    isAnonymous: true,
    on: '2024-06-24',
    supports: 9,
    title: '庁内チャットツールを導入してほしい',
    problem: 'ちょっとした確認にもメールか電話しかなく、返事を待つ時間が長い。',
    proposal: '庁内のビジネスチャットを全職員が使えるようにする。',
    effect: '連絡が速くなり、電話の取次ぎも減ります。',
  },
  {
    key: 'O7',
    theme: 'office',
    by: 'pt3',
    on: '2024-07-09',
    supports: 4,
    title: '内線電話の取次ぎを減らしたい',
    problem: '担当者不在の電話の取次ぎとメモで業務が中断します。',
    proposal: '職員ごとに業務用スマートフォンを配り、直接つながるようにする。',
    effect: '取次ぎの手間が減り、テレワーク中も電話に出られます。',
  },
  {
    key: 'O8',
    theme: 'office',
    by: 'staff2',
    on: '2024-07-11',
    supports: 5,
    title: '職員食堂の営業時間を延長してほしい',
    problem: '窓口当番の日は昼休みがずれ、食堂が閉まっています。',
    proposal: '14時まで営業を延長する。',
    effect: '交代で昼休みを取る職員も食事がとれます。',
  },
  {
    key: 'O9',
    theme: 'office',
    by: 'staff1',
    isAnonymous: true,
    on: '2024-07-12',
    supports: 3,
    title: '休憩スペースを確保してほしい',
    problem: '自席で昼食をとるしかなく、気分転換ができません。',
    proposal: '各フロアに小さな休憩コーナーを設ける。',
    effect: '午後の集中力が上がります。',
  },
  {
    key: 'O10',
    theme: 'office',
    by: 'pt2',
    on: '2024-07-17',
    supports: 2,
    title: '庁舎の駐輪場に屋根を',
    problem: '雨の日は自転車が濡れ、通勤に使いにくい。',
    proposal: '駐輪場の一部に屋根を付ける。',
    effect: '自転車通勤が増え、駐車場不足の緩和にもなります。',
  },
  {
    key: 'O11',
    theme: 'office',
    by: 'staff1',
    on: '2024-07-22',
    supports: 2,
    title: '会議室予約システムを使いやすく',
    problem: '空き状況が一覧で見られず、予約に時間がかかります。',
    proposal: '週単位の空き一覧と、スマートフォンからの予約に対応する。',
    effect: '予約の手間が減ります。',
  },
  {
    key: 'O12',
    theme: 'office',
    by: 'kodomo-head',
    isAnonymous: true,
    on: '2024-07-24',
    supports: 3,
    title: 'ウェブ会議用の個室ブースを設置',
    problem: '執務室でウェブ会議をすると周りの声が入ります。',
    proposal: '各フロアに1〜2人用の個室ブースを置く。',
    effect: 'ウェブ会議が円滑になり、移動を伴う会議が減ります。',
  },
  // 3 ルール
  {
    key: 'R1',
    theme: 'rules',
    by: 'staff1',
    on: '2024-06-13',
    supports: 10,
    title: '内部決裁の押印を廃止し、電子決裁に',
    problem: '電子決裁システムがあるのに、押印欄のある紙の決裁が多く残っています。',
    proposal: '内部の決裁は原則として電子決裁とし、押印を廃止する。',
    effect: '決裁期間が短くなり、テレワーク中でも決裁できます。',
  },
  {
    key: 'R2',
    theme: 'rules',
    by: 'pt1',
    isAnonymous: true,
    on: '2024-06-26',
    supports: 7,
    title: '決裁ルートが長すぎる：専決権限の見直しを',
    problem: '軽微な案件でも局長まで決裁が回り、1週間以上かかります。',
    proposal: '金額や内容に応じて、課長・係長の専決範囲を広げる。',
    effect: '意思決定が速くなり、管理職の負担も減ります。',
  },
  {
    key: 'R3',
    theme: 'rules',
    by: 'staff2',
    on: '2024-06-17',
    supports: 6,
    title: '出張旅費の精算手続を簡素化',
    problem: '近距離の出張でも、旅行命令・領収書・精算書の3種類の書類が必要です。',
    proposal: '定額の近距離出張は旅行命令だけで精算できるようにする。',
    effect: '職員と会計担当の事務が大きく減ります。',
  },
  {
    key: 'R4',
    theme: 'rules',
    by: 'staff3',
    on: '2024-07-01',
    supports: 4,
    title: '旅費の立替えをやめて法人カードで決済',
    problem: '宿泊を伴う出張は職員が立て替えており、若手には負担が大きい。',
    proposal: '航空券や宿泊費を法人カードで支払えるようにする。',
    effect: '立替えの負担と精算の手間がなくなります。',
  },
  {
    key: 'R5',
    theme: 'rules',
    by: 'kodomo-staff',
    on: '2024-06-21',
    supports: 5,
    title: '保育所の入所申請をオンラインで完結',
    problem: '入所申請は窓口での紙の提出が必要で、保護者も職員も負担が大きい。',
    proposal: '就労証明書を含め、申請をオンラインで受け付ける。',
    effect: '窓口の混雑が減り、入力作業も省けます。',
  },
  {
    key: 'R6',
    theme: 'rules',
    by: 'staff1',
    isAnonymous: true,
    on: '2024-07-04',
    supports: 3,
    title: '保育所入所の申請書類を減らす',
    problem: '毎年同じ内容の書類を何枚も提出してもらっています。',
    proposal: '市で確認できる情報は提出を求めないようにする。',
    effect: '保護者の負担と審査の手間が減ります。',
  },
  {
    key: 'R7',
    theme: 'rules',
    by: 'pt3',
    on: '2024-07-15',
    supports: 2,
    title: '公用車の予約と運転日誌を電子化',
    problem: '公用車の予約簿と運転日誌が紙で、管理が煩雑です。',
    proposal: '予約と日誌をシステムで管理する。',
    effect: '空き状況が分かり、稼働率の把握もできます。',
  },
  {
    key: 'R8',
    theme: 'rules',
    by: 'somu-staff',
    on: '2024-07-18',
    supports: 3,
    title: '少額の物品購入の手続を見直し',
    problem: '数千円の消耗品でも見積書を複数取る運用になっています。',
    proposal: '少額の物品は見積り1者で購入できる範囲を明確にする。',
    effect: '購入までの時間が短くなります。',
  },
  {
    key: 'R9',
    theme: 'rules',
    by: 'staff2',
    on: '2024-07-23',
    supports: 1,
    title: '文書の保存年限を見直してほしい',
    problem: '必要以上に長い保存年限の文書が多く、書庫を圧迫しています。',
    proposal: '文書分類ごとの保存年限を点検し、短縮できるものは短縮する。',
    effect: '保管スペースと管理の手間が減ります。',
  },
  {
    key: 'R10',
    theme: 'rules',
    by: 'staff3',
    isAnonymous: true,
    on: '2024-07-25',
    supports: 2,
    title: 'Excelマクロの利用申請ルールを緩和',
    problem: '簡単なマクロを使うにも情報部門への申請が必要で、業務改善が進みません。',
    proposal: 'ガイドラインに沿った範囲なら所属長の確認だけで使えるようにする。',
    effect: '職員自身による業務の自動化が進みます。',
  },
  {
    key: 'R11',
    theme: 'rules',
    by: 'pt2',
    on: '2024-07-26',
    supports: 2,
    title: '同じ内容の照会・調査の重複をなくす',
    problem: '複数の部署から似た内容の照会が届き、同じ回答を何度も作っています。',
    proposal: '全庁照会は事前に一覧で登録し、既存の回答を共有する。',
    effect: '回答作成の手間が大幅に減ります。',
  },
  {
    key: 'R12',
    theme: 'rules',
    by: 'reform',
    on: '2024-07-29',
    supports: 1,
    title: '押印廃止を全庁で進めよう',
    problem: '所属によって押印の扱いがまちまちです。',
    proposal: '全庁一斉に内部手続の押印を廃止する。',
    effect: '手続が統一され、分かりやすくなります。',
  },
];

type Score = [impact: number, feasibility: number, breadth: number];

type IssueSeed = {
  key: string;
  theme: PlatinumTheme;
  title: string;
  summary: string;
  ideas: string[];
  merges?: [duplicate: string, kept: string][];
  createdOn: string;
  scores: Partial<Record<'pt1' | 'pt2' | 'pt3', Score>>;
  outcome:
    | { kind: 'open' }
    | { kind: 'hold' | 'decline'; on: string; reason: string }
    | {
        kind: 'sent_on' | 'decided' | 'pending_approval' | 'announced' | 'implemented';
        unit: string;
        sentOn: string;
        dueOn: string;
        decider?: string;
        head?: string;
        decidedOn?: string;
        decision?: AssignmentDecision;
        reason?: string;
        implementationDate?: PreciseDate;
        options?: { title: string; summary: string }[];
        response?: string;
        /** 連名公表: related bureaus whose heads announce the response together, and the day each agreed. */
        coAnnouncers?: { unit: string; head: string; signedOn: string }[];
        announcedOn?: string;
        startedOn?: string;
      };
};

const ISSUES: IssueSeed[] = [
  {
    key: 'I1',
    theme: 'workstyle',
    title: 'フレックスタイム制度の試行',
    summary:
      '若手職員を中心に、始業・終業時刻を柔軟にしたいという提案が複数寄せられた。コアタイム付きのフレックスタイム制度の試行を提案する。',
    ideas: ['W1', 'W3'],
    merges: [['W2', 'W1']],
    createdOn: '2024-08-06',
    scores: { pt1: [5, 4, 5], pt2: [5, 3, 5], pt3: [4, 4, 5] },
    outcome: {
      kind: 'implemented',
      unit: 'somu',
      sentOn: '2024-08-27',
      dueOn: '2024-09-30',
      decider: 'somu-staff',
      head: 'somu-head',
      decidedOn: '2024-09-24',
      decision: 'adopted',
      reason:
        '育児・介護との両立や若手職員の定着に効果が見込まれ、勤怠システムの改修も小規模で済むため。まず本庁の希望所属で試行し、効果と課題を検証する。',
      implementationDate: preciseDate('month', 2025, 1),
      options: [
        { title: 'コアタイム付きフレックスタイム制度', summary: 'コアタイム10時〜15時、清算期間1か月。' },
        { title: '時差出勤パターンの拡大', summary: '7時〜10時の間で30分刻みの始業時刻を選択。' },
      ],
      response:
        '若手職員からの提案を受け、令和7年1月から本庁の希望所属でフレックスタイム制度（コアタイム10時〜15時）を試行します。育児・介護中の職員に限らず、対象所属の全職員が利用できます。試行の結果を検証し、令和7年度中に本格実施を判断します。',
      announcedOn: '2024-10-08',
      startedOn: '2025-01-06',
    },
  },
  {
    key: 'I2',
    theme: 'workstyle',
    title: 'テレワーク環境の拡充',
    summary: '在宅勤務の回数上限、持ち出しPCの不足、出先での作業場所についての提案をまとめた。',
    ideas: ['W4', 'W5', 'W6'],
    createdOn: '2024-08-07',
    scores: { pt1: [4, 3, 4], pt2: [4, 3, 4], pt3: [5, 2, 4] },
    outcome: {
      kind: 'announced',
      unit: 'somu',
      sentOn: '2024-08-27',
      dueOn: '2024-09-30',
      decider: 'somu-staff',
      head: 'somu-head',
      decidedOn: '2024-09-26',
      decision: 'partly_adopted',
      reason:
        '回数上限の緩和はすぐに実施できる。ノートPCへの切替えは機器更新の時期に合わせて段階的に進める。サテライト席は区役所の改修計画と合わせて検討する。',
      implementationDate: preciseDate('half', 2025, 1),
      response:
        '在宅勤務の上限を令和7年度から週3回に緩和します。執務用PCは令和7年度上期の更新からノートPCに切り替えます。区役所のサテライト席は改修計画と合わせて検討を続けます。',
      // PCの更新は財政局の予算に関わるため、総務局長と財政局長の連名で公表した。
      coAnnouncers: [{ unit: 'zaisei', head: 'zaisei-head', signedOn: '2024-10-10' }],
      announcedOn: '2024-10-10',
    },
  },
  {
    key: 'I3',
    theme: 'office',
    title: '会議のペーパーレス化',
    summary: '会議資料の印刷をやめ、モニターとタブレットで共有する提案。',
    ideas: ['O1', 'O2'],
    merges: [['O3', 'O1']],
    createdOn: '2024-08-08',
    scores: { pt1: [4, 5, 4], pt2: [3, 5, 4], pt3: [4, 5, 3] },
    outcome: {
      kind: 'announced',
      unit: 'zaisei',
      sentOn: '2024-08-28',
      dueOn: '2024-09-30',
      decider: 'zaisei-staff',
      head: 'zaisei-head',
      decidedOn: '2024-09-19',
      decision: 'adopted',
      reason: '大型モニターは既存予算で調達でき、用紙代の削減効果が見込まれるため。',
      implementationDate: preciseDate('early', 2024, 12),
      response:
        '令和6年12月上旬までに本庁の主な会議室10室に大型モニターを常設し、庁内会議の資料は原則として印刷しない運用に改めます。',
      announcedOn: '2024-10-11',
    },
  },
  {
    key: 'I4',
    theme: 'office',
    title: 'フリーアドレス・ABWの導入',
    summary:
      '固定席をやめ、業務に合わせて働く場所を選べるオフィスにする提案。書庫の電子化による執務スペースの確保も含む。',
    ideas: ['O4', 'O5'],
    createdOn: '2024-08-13',
    scores: { pt1: [4, 2, 4], pt2: [3, 2, 3], pt3: [4, 3, 4] },
    outcome: {
      kind: 'announced',
      unit: 'zaisei',
      sentOn: '2024-08-28',
      dueOn: '2024-09-30',
      decider: 'zaisei-staff',
      head: 'zaisei-head',
      decidedOn: '2024-09-27',
      decision: 'continue_study',
      reason: '庁舎の改修計画と一体で検討する必要があるため。文書の電子化は先行して進める。',
      response:
        'フリーアドレス・ABWは、令和7年度に策定する庁舎改修計画の中でモデルフロアの設置を検討します。書庫文書の電子化は先行して進めます。',
      announcedOn: '2024-10-15',
    },
  },
  {
    key: 'I5',
    theme: 'rules',
    title: '押印廃止と電子決裁の徹底',
    summary: '内部決裁の押印廃止と、専決権限の見直しによる決裁期間の短縮。',
    ideas: ['R1', 'R2'],
    merges: [['R12', 'R1']],
    createdOn: '2024-08-09',
    scores: { pt1: [5, 5, 5], pt2: [4, 5, 5], pt3: [5, 4, 5] },
    outcome: {
      kind: 'implemented',
      unit: 'somu',
      sentOn: '2024-08-26',
      dueOn: '2024-09-30',
      decider: 'somu-staff',
      head: 'somu-head',
      decidedOn: '2024-09-13',
      decision: 'adopted',
      reason: '電子決裁システムは導入済みで、規程改正だけで実施できるため。',
      implementationDate: preciseDate('month', 2024, 12),
      options: [
        { title: '内部決裁の押印廃止', summary: '文書管理規程を改正し、内部決裁は電子決裁を原則とする。' },
        { title: '専決権限の拡大', summary: '軽微な案件は課長専決とする。' },
      ],
      response:
        '令和6年12月から、内部の決裁は原則として電子決裁とし、押印を廃止します。あわせて軽微な案件の専決権限を課長に広げ、決裁期間の短縮を図ります。',
      announcedOn: '2024-10-08',
      startedOn: '2024-12-02',
    },
  },
  {
    key: 'I6',
    theme: 'rules',
    title: '出張旅費精算の簡素化',
    summary: '近距離出張の精算書類の削減と、法人カード決済の導入。',
    ideas: ['R3', 'R4'],
    createdOn: '2024-08-14',
    scores: { pt1: [3, 4, 4], pt2: [4, 4, 3], pt3: [3, 3, 4] },
    outcome: {
      kind: 'announced',
      unit: 'zaisei',
      sentOn: '2024-08-29',
      dueOn: '2024-09-30',
      decider: 'zaisei-staff',
      head: 'zaisei-head',
      decidedOn: '2024-09-25',
      decision: 'partly_adopted',
      reason:
        '近距離出張の書類削減は規則改正で対応できる。法人カードは契約手続が必要なため次年度に試行する。',
      implementationDate: preciseDate('quarter', 2024, 4),
      response:
        '令和7年1月から、市内の定額出張は旅行命令だけで精算できるようにします。宿泊を伴う出張の法人カード決済は、令和7年度に一部所属で試行します。',
      announcedOn: '2024-10-16',
    },
  },
  {
    key: 'I7',
    theme: 'rules',
    title: '保育所入所手続のオンライン化',
    summary: '保育所の入所申請のオンライン化と、提出書類の削減。',
    ideas: ['R5', 'R6'],
    createdOn: '2024-08-15',
    scores: { pt1: [5, 3, 4], pt2: [4, 3, 4], pt3: [5, 3, 3] },
    outcome: { kind: 'sent_on', unit: 'kodomo', sentOn: '2024-08-30', dueOn: '2024-09-30' },
  },
  {
    key: 'I8',
    theme: 'office',
    title: '庁内コミュニケーションの改善（チャット・業務用スマートフォン）',
    summary: 'メールと内線電話に頼った連絡を、チャットと業務用スマートフォンに切り替える提案。',
    ideas: ['O6', 'O7'],
    createdOn: '2024-08-16',
    scores: { pt1: [4, 4, 5], pt2: [5, 3, 5], pt3: [4, 4, 4] },
    outcome: {
      kind: 'pending_approval',
      unit: 'somu',
      sentOn: '2024-08-30',
      dueOn: '2024-09-30',
      decider: 'somu-staff',
      head: 'somu-head',
      decidedOn: '2024-09-30',
      decision: 'adopted',
      reason: '既存の業務用端末の契約更新に合わせてチャット機能を追加できるため。',
      implementationDate: preciseDate('month', 2025, 4),
      response:
        '令和7年4月から全職員が庁内チャットを使えるようにします。業務用スマートフォンは窓口部門から順に配備します。',
    },
  },
  {
    key: 'I9',
    theme: 'office',
    title: '職員の休憩環境の改善',
    summary: '食堂の営業時間と休憩スペースについての提案。',
    ideas: ['O8', 'O9'],
    createdOn: '2024-08-20',
    scores: { pt1: [3, 2, 3], pt2: [3, 2, 2], pt3: [2, 3, 3] },
    outcome: {
      kind: 'hold',
      on: '2024-08-29',
      reason: '庁舎の改修計画（令和7年度策定予定）と合わせて検討するため、保留とします。',
    },
  },
  {
    key: 'I10',
    theme: 'workstyle',
    title: '時間単位の年次休暇の上限撤廃',
    summary: '時間単位で取得できる年次休暇の上限をなくす提案。',
    ideas: ['W9'],
    createdOn: '2024-08-21',
    scores: { pt1: [3, 1, 3], pt2: [2, 1, 3], pt3: [3, 1, 2] },
    outcome: {
      kind: 'decline',
      on: '2024-08-30',
      reason:
        '時間単位の年次休暇は労働基準法により年5日が上限とされており、市独自に撤廃することはできないため見送ります。なお、半日単位の取得は引き続き可能です。',
    },
  },
  {
    key: 'I11',
    theme: 'workstyle',
    title: '研修のオンデマンド化と新任職員の支援',
    summary: '研修の受講機会を広げ、新任職員が相談しやすい仕組みをつくる提案。',
    ideas: ['W7', 'W8'],
    createdOn: '2024-08-28',
    scores: { pt1: [4, 4, 3], pt2: [4, 3, 4] },
    outcome: { kind: 'open' },
  },
];

const COMMENTS: { idea: string; by: string; body: string }[] = [
  { idea: 'W1', by: 'staff2', body: '介護中の職員にも助かる制度だと思います。ぜひ実現してほしいです。' },
  {
    idea: 'W1',
    by: 'staff3',
    body: 'たくさんの賛同ありがとうございます。窓口部門での運用方法も一緒に考えたいです。',
  },
  { idea: 'W1', by: 'kodomo-staff', body: '窓口の開庁時間との両立が課題になりそうです。' },
  { idea: 'O6', by: 'pt1', body: 'チャットがあれば、テレワーク中の連絡もしやすくなりますね。' },
  { idea: 'O6', by: 'staff1', body: '他市ではグループごとのチャットで電話が半分になった例があるそうです。' },
  { idea: 'R1', by: 'reform', body: '他の所属からも同様の声が多く寄せられています。' },
  { idea: 'R5', by: 'staff1', body: '保護者からも「窓口に行かずに済むと助かる」という声を聞きます。' },
];

const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+09:00`);

/** Loads the FY2024 Platinum campaign. */
async function loadPlatinumDemo(tx: Transaction, context: DemoContext): Promise<void> {
  const fiscalYear = context.fiscalYear;
  const passwordHash = await demoPasswordHash(tx);
  for (const person of PLATINUM_DEMO_USERS) {
    const unitId = context.orgUnitIdByCode.get(person.unit)!;
    const userId = await findOrCreateDemoUser(tx, {
      login: person.login,
      displayName: person.displayName,
      displayNameKana: person.displayNameKana,
      orgUnitId: unitId,
      roles: person.roles.map((role) => ({
        role,
        orgUnitId:
          role === 'staff'
            ? null
            : role === 'pt_member'
              ? (context.orgUnitIdByCode.get('reform') ?? null)
              : unitId,
      })),
      passwordHash,
    });
    context.userIdByLogin.set(person.login, userId);
  }
  const userId = (login: string) => {
    const id = context.userIdByLogin.get(login);
    if (!id) throw new Error(`Platinum demo: no user ${login}`);
    return id;
  };
  const actor = (login: string): Actor => ({ userId: userId(login), requestId: 'demo-data', ip: undefined });
  const supporters = SUPPORTER_POOL.filter((login) => context.userIdByLogin.has(login));

  const campaign = await createCampaign(tx, {
    values: {
      fiscalYear,
      title: '令和6年度 プラチナ市役所プロジェクト',
      description:
        '第一線で働く職員のアイデアを、ワークスタイル・オフィス・ルールの3つのテーマで募集します。プロジェクトチーム（PT）が課題を洗い出し、制度を所管する局が解決策を検討・決定し、関係局長が対応方針を表明します。多様な職員の参画で、変革の風土をつくりましょう。',
      themes: ['workstyle', 'office', 'rules'],
      phases: {
        submission: { from: preciseDate('month', 2024, 6), to: preciseDate('month', 2024, 7) },
        pt_formation: { from: preciseDate('month', 2024, 7), to: preciseDate('month', 2024, 7) },
        issue_identification: { from: preciseDate('month', 2024, 8), to: preciseDate('month', 2024, 8) },
        solution_decision: { from: preciseDate('month', 2024, 9), to: preciseDate('month', 2024, 9) },
        response_announcement: { from: preciseDate('month', 2024, 10), to: preciseDate('month', 2024, 10) },
        trial: { from: preciseDate('month', 2025, 1), to: preciseDate('month', 2025, 3) },
      },
    },
    actor: actor('reform'),
  });
  for (const login of ['pt1', 'pt2', 'pt3']) {
    await addTeamMember(tx, { campaignId: campaign.id, userId: userId(login), actor: actor('reform') });
  }
  await backdateTeam(tx, campaign.id, at('2024-07-22'));

  const ideaIds = new Map<string, string>();
  for (const [index, seed] of IDEAS.entries()) {
    const idea = await submitIdea(tx, {
      campaignId: campaign.id,
      authorId: userId(seed.by),
      theme: seed.theme,
      texts: {
        title: seed.title,
        problem: seed.problem,
        proposal: seed.proposal,
        expectedEffect: seed.effect,
      },
      isAnonymous: seed.isAnonymous ?? false,
      today: seed.on,
      actor: actor(seed.by),
    });
    ideaIds.set(seed.key, idea.id);
    // Supporters rotate through the pool so each idea gets a different crowd; never the author.
    const crowd = supporters.filter((login) => login !== seed.by);
    for (let count = 0; count < Math.min(seed.supports, crowd.length); count++) {
      const login = crowd[(index * 3 + count) % crowd.length]!;
      await supportIdea(tx, { ideaId: idea.id, userId: userId(login), actor: actor(login) });
    }
  }
  for (const comment of COMMENTS) {
    await commentOnIdea(tx, {
      ideaId: ideaIds.get(comment.idea)!,
      userId: userId(comment.by),
      body: comment.body,
      isVisibleToViewer: true,
      actor: actor(comment.by),
    });
  }
  for (const seed of IDEAS) {
    const ideaId = ideaIds.get(seed.key)!;
    await backdateIdea(tx, ideaId, at(seed.on, '09:30'));
    await backdateSupports(tx, ideaId, at(seed.on, '12:00'));
  }

  for (const seed of ISSUES) {
    for (const [duplicate, kept] of seed.merges ?? []) {
      await mergeIdea(tx, {
        duplicateId: ideaIds.get(duplicate)!,
        keptId: ideaIds.get(kept)!,
        actor: actor('pt1'),
      });
    }
    let issue = await createIssue(tx, {
      campaignId: campaign.id,
      theme: seed.theme,
      title: seed.title,
      summary: seed.summary,
      ideaIds: seed.ideas.map((key) => ideaIds.get(key)!),
      createdById: userId('pt1'),
      actor: actor('pt1'),
    });
    for (const [reviewer, score] of Object.entries(seed.scores)) {
      await scoreIssue(tx, {
        issueId: issue.id,
        reviewerId: userId(reviewer),
        score: { impact: score[0], feasibility: score[1], breadth: score[2] },
        actor: actor(reviewer),
      });
    }
    const { outcome } = seed;
    const createdAt = at(seed.createdOn);
    if (outcome.kind === 'open') {
      await backdateIssue(tx, issue.id, { createdAt, statusChangedAt: createdAt });
      continue;
    }
    if (outcome.kind === 'hold' || outcome.kind === 'decline') {
      issue = await changeIssueStatus(tx, {
        issueId: issue.id,
        action: outcome.kind,
        reason: outcome.reason,
        expectedVersion: issue.version,
        actor: actor('pt1'),
      });
      await backdateIssue(tx, issue.id, { createdAt, statusChangedAt: at(outcome.on) });
      continue;
    }
    if (!('unit' in outcome)) continue;
    const sent = await assignIssue(tx, {
      issueId: issue.id,
      orgUnitId: context.orgUnitIdByCode.get(outcome.unit)!,
      dueOn: outcome.dueOn,
      expectedVersion: issue.version,
      assignedById: userId('pt1'),
      actor: actor('pt1'),
    });
    const sentOnAt = at(outcome.sentOn);
    if (
      outcome.kind === 'sent_on' ||
      !outcome.decision ||
      !outcome.decider ||
      !outcome.head ||
      !outcome.decidedOn
    ) {
      await backdateIssue(tx, issue.id, { createdAt, sentOnAt, statusChangedAt: sentOnAt });
      continue;
    }
    const decided = await recordDecision(tx, {
      issueId: issue.id,
      expectedVersion: sent.assignment.version,
      changes: {
        options: outcome.options ?? [],
        decision: outcome.decision,
        decisionReason: outcome.reason ?? '',
        implementationDate: outcome.implementationDate ?? null,
      },
      decidedById: userId(outcome.decider),
      actor: actor(outcome.decider),
    });
    const decidedAt = at(outcome.decidedOn, '16:00');
    if (!outcome.response) {
      await backdateIssue(tx, issue.id, { createdAt, sentOnAt, decidedAt, statusChangedAt: decidedAt });
      continue;
    }
    const response = await saveResponse(tx, {
      issueId: issue.id,
      body: outcome.response,
      isSubmitted: true,
      relatedOrgUnitIds: (outcome.coAnnouncers ?? []).map(
        (entry) => context.orgUnitIdByCode.get(entry.unit)!,
      ),
      expectedVersion: null,
      draftedById: userId(outcome.head),
      actor: actor(outcome.head),
    });
    if (outcome.kind === 'pending_approval' || !outcome.announcedOn) {
      await backdateIssue(tx, issue.id, { createdAt, sentOnAt, decidedAt, statusChangedAt: decidedAt });
      continue;
    }
    const reviewed = await reviewResponse(tx, {
      issueId: issue.id,
      decision: 'approve',
      reason: null,
      expectedVersion: response.version,
      approvedById: userId('reform'),
      actor: actor('reform'),
    });
    // Announced together: approved first, published when the last related bureau head agrees.
    let responseVersion = reviewed.response.version;
    for (const entry of outcome.coAnnouncers ?? []) {
      const signed = await signResponse(tx, {
        issueId: issue.id,
        orgUnitId: context.orgUnitIdByCode.get(entry.unit)!,
        note: null,
        expectedVersion: responseVersion,
        signedById: userId(entry.head),
        actor: actor(entry.head),
      });
      responseVersion = signed.response.version;
    }
    const announcedAt = at(outcome.announcedOn, '15:00');
    if (outcome.kind === 'implemented' && outcome.startedOn) {
      await startImplementation(tx, {
        issueId: issue.id,
        startedOn: outcome.startedOn,
        expectedVersion: decided.assignment.version,
        actor: actor(outcome.decider),
      });
      const implementedAt = at(outcome.startedOn, '09:00');
      await backdateIssue(tx, issue.id, {
        createdAt,
        sentOnAt,
        decidedAt,
        announcedAt,
        implementedAt,
        statusChangedAt: implementedAt,
      });
      continue;
    }
    await backdateIssue(tx, issue.id, {
      createdAt,
      sentOnAt,
      decidedAt,
      announcedAt,
      statusChangedAt: announcedAt,
    });
    for (const entry of outcome.coAnnouncers ?? []) {
      await backdateSignature(
        tx,
        issue.id,
        context.orgUnitIdByCode.get(entry.unit)!,
        at(entry.signedOn, '11:00'),
      );
    }
  }
}

export const platinumDemo: DemoExtension = { name: 'platinum', load: loadPlatinumDemo };
