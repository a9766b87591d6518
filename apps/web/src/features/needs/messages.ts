import { useCallback } from 'react';
import { useLanguage } from '@/lib/i18n/i18n-provider';

/** The texts of the ニーズ・課題 screens, Japanese first. */
const ja = {
  title: 'ニーズ・課題',
  lead: '受け手（市民・利用者・事業者）と担い手（職員・指定管理者・外郭団体・委託先）の声を、そのままの言葉で記録し、事業クラスター・経営分析・取組に結びつけます。',
  newNeed: 'ニーズを登録する',
  import: 'CSV で一括登録する',
  listCaption: 'ニーズ・課題（{total}件）',
  empty: '条件に合うニーズはありません。',
  'filter.status': '対応状況',
  'filter.side': '受け手・担い手',
  'filter.channel': '経路',
  'filter.all': 'すべて',
  'column.receivedOn': '受付日',
  'column.side': '区分',
  'column.channel': '経路',
  'column.body': '内容',
  'column.unit': '担当',
  'column.links': '紐付け',
  'column.status': '対応状況',
  'column.public': '公開',
  public: '公開',
  private: '非公開',
  previous: '前のページ',
  next: '次のページ',
  pageOf: '{page} / {pages} ページ',
  body: '内容（原文）',
  reporter: '氏名・連絡先（個人情報・非公開）',
  noReporter: '記録なし',
  publicPreview: '公開される文面',
  links: '紐付け',
  noLinks: 'まだ何にも紐付いていません。',
  'link.cluster': '事業クラスター',
  'link.analysis': '経営分析',
  'link.initiative': '取組',
  editLinks: '紐付けを保存する',
  status: '対応状況を変える',
  publication: '公開（市政変革室）',
  publicationHint:
    '公開すると、公開文（空欄なら原文）が電話番号・メールアドレスを伏せて公開されます。氏名などの個人情報は公開文で除いてください。',
  isPublic: '公開する',
  publicText: '公開文',
  save: '保存する',
  saved: '保存しました。',
  notFound: 'このニーズは見つからないか、閲覧できません。',
  backToList: 'ニーズ・課題の一覧へ',
  'form.side': '区分',
  'form.channel': '経路',
  'form.receivedOn': '受付日',
  'form.unit': '担当組織',
  'form.body': '内容（聞いたまま・書かれたまま）',
  'form.reporterName': '氏名（任意・非公開）',
  'form.reporterContact': '連絡先（任意・非公開）',
  'form.create': '登録する',
  importLead:
    'UTF-8 または Shift_JIS の CSV を選ぶと、まず全行を確認します。誤りのある行が1行でもあれば何も登録しません。',
  importColumns:
    '1行目は見出しです: 受付日, 区分, 経路, 組織コード, 内容（必須）, クラスター番号, 氏名, 連絡先（任意）。',
  file: 'CSV ファイル',
  encoding: '文字コード',
  'encoding.auto': '自動判別',
  'encoding.utf-8': 'UTF-8',
  'encoding.shift_jis': 'Shift_JIS',
  preview: '内容を確認する',
  commit: '{count}件を登録する',
  previewCaption: '確認結果（{rows}行中 {errors}行に誤り）',
  previewSummary: '文字コード: {encoding}／{rows}行（正常 {valid}行・誤り {errors}行）',
  'preview.line': '行',
  'preview.result': '結果',
  'preview.ok': '正常',
  'preview.error': '誤りあり',
  'preview.errors': '誤り',
  imported: '{count}件を登録しました。',
  fileErrors: 'ファイルの誤り',
  publicTitle: '公表されたニーズ・課題',
  publicLead:
    '市民・利用者などサービスの受け手と、職員・指定管理者などサービスの担い手から寄せられたニーズ・課題のうち、市政変革室が公表したものです。お名前・連絡先など個人を特定できる情報は掲載していません。',
  publicCount: '{year}に公表されたニーズ・課題（{count}件）',
  publicEmpty: 'この年度に公表されたニーズ・課題はまだありません。',
  publicAll: 'すべて',
  publicSide: '受け手・担い手',
  publicReceived: '{date}受付',
  publicUnit: '担当：{name}',
  publicClusters: '関係する事業クラスター',
};

type Key = keyof typeof ja;

const en: Record<Key, string> = {
  title: 'Needs and issues',
  lead: 'What recipients (citizens, users, businesses) and bearers (staff, designated managers, affiliated bodies, contractors) say, in their own words, linked to clusters, analyses and initiatives.',
  newNeed: 'Record a need',
  import: 'Import a CSV',
  listCaption: 'Needs and issues ({total})',
  empty: 'No need matches.',
  'filter.status': 'Status',
  'filter.side': 'Side',
  'filter.channel': 'Channel',
  'filter.all': 'All',
  'column.receivedOn': 'Received',
  'column.side': 'Side',
  'column.channel': 'Channel',
  'column.body': 'Text',
  'column.unit': 'Unit',
  'column.links': 'Linked to',
  'column.status': 'Status',
  'column.public': 'Public',
  public: 'Public',
  private: 'Not public',
  previous: 'Previous page',
  next: 'Next page',
  pageOf: 'Page {page} of {pages}',
  body: 'Text (verbatim)',
  reporter: 'Name and contact (personal data, never public)',
  noReporter: 'None recorded',
  publicPreview: 'What the public would read',
  links: 'Links',
  noLinks: 'Not linked to anything yet.',
  'link.cluster': 'Clusters',
  'link.analysis': 'Analyses',
  'link.initiative': 'Initiatives',
  editLinks: 'Save the links',
  status: 'Change the status',
  publication: 'Publication (reform office)',
  publicationHint:
    'A public need shows its public text (or the verbatim text) with phone numbers and e-mail addresses masked. Leave names out of the public text.',
  isPublic: 'Make public',
  publicText: 'Public text',
  save: 'Save',
  saved: 'Saved.',
  notFound: 'This need does not exist or you may not read it.',
  backToList: 'Back to the needs',
  'form.side': 'Side',
  'form.channel': 'Channel',
  'form.receivedOn': 'Received on',
  'form.unit': 'Unit',
  'form.body': 'Text (as heard or written)',
  'form.reporterName': 'Name (optional, never public)',
  'form.reporterContact': 'Contact (optional, never public)',
  'form.create': 'Record',
  importLead:
    'Choose a UTF-8 or Shift_JIS CSV: every row is checked first. If any row has an error, nothing is saved.',
  importColumns:
    'The first line is the header: 受付日, 区分, 経路, 組織コード, 内容 (required), クラスター番号, 氏名, 連絡先 (optional).',
  file: 'CSV file',
  encoding: 'Encoding',
  'encoding.auto': 'Detect',
  'encoding.utf-8': 'UTF-8',
  'encoding.shift_jis': 'Shift_JIS',
  preview: 'Check the file',
  commit: 'Import {count} rows',
  previewCaption: 'Check ({errors} of {rows} rows have errors)',
  previewSummary: 'Encoding: {encoding} · {rows} rows ({valid} fine, {errors} with errors)',
  'preview.line': 'Line',
  'preview.result': 'Result',
  'preview.ok': 'Fine',
  'preview.error': 'Errors',
  'preview.errors': 'Errors',
  imported: '{count} needs imported.',
  fileErrors: 'Problems with the file',
  publicTitle: 'Published needs and issues',
  publicLead:
    'Needs and issues raised by those who receive services (citizens, users) and those who deliver them (staff, designated managers), as published by the reform office. Names, contact details and anything else that identifies a person are never shown.',
  publicCount: 'Needs and issues published for {year} ({count})',
  publicEmpty: 'No needs or issues have been published for this year yet.',
  publicAll: 'All',
  publicSide: 'Recipients or bearers',
  publicReceived: 'Received {date}',
  publicUnit: 'Unit: {name}',
  publicClusters: 'Related clusters',
};

export type NeedTextKey = Key;

/** The texts of this feature in the current UI language, with `{name}` placeholders filled. */
export function useNeedText(): (key: NeedTextKey, values?: Record<string, string | number>) => string {
  const { language } = useLanguage();
  return useCallback(
    (key, values) => {
      const texts = language === 'en' ? en : ja;
      return texts[key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
        values && name in values ? String(values[name]) : placeholder,
      );
    },
    [language],
  );
}

/** Labels of sides, channels and statuses for filters (records carry their own labels). */
export const NEED_LABELS = {
  side: { recipient: ['受け手', 'Recipient'], bearer: ['担い手', 'Bearer'] },
  channel: {
    complaint: ['苦情', 'Complaint'],
    survey: ['アンケート', 'Survey'],
    hearing: ['ヒアリング', 'Hearing'],
    suggestion_box: ['意見箱', 'Suggestion box'],
    council: ['議会', 'Council'],
    counter: ['窓口', 'Counter'],
    other: ['その他', 'Other'],
  },
  status: {
    new: ['新規', 'New'],
    linked: ['紐付け済み', 'Linked'],
    answered: ['回答済み', 'Answered'],
    closed: ['完了', 'Closed'],
  },
} as const;

/** A label of NEED_LABELS in the UI language. */
export function needLabel(group: keyof typeof NEED_LABELS, key: string, language: 'ja' | 'en'): string {
  const labels = NEED_LABELS[group] as Record<string, readonly [string, string]>;
  return labels[key]?.[language === 'ja' ? 0 : 1] ?? key;
}
