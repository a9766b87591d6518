import { useCallback } from 'react';
import { useLanguage } from '@/lib/i18n/i18n-provider';

/** The texts of the public portal, Japanese first. */
const ja = {
  title: '市政変革の公開情報',
  lead: '市政変革室が公開した情報だけを掲載しています。ログインは不要です。',
  portalNav: '公開情報のページ',
  'nav.home': '公開情報トップ',
  'nav.clusters': '事業クラスター一覧',
  'nav.policies': '局区X方針',
  'nav.needs': 'ニーズ・課題',
  'nav.openData': 'オープンデータ',
  'nav.platinum': 'プラチナ市役所プロジェクト',
  figures: '{year}の主な数字',
  'figure.clusters': '事業クラスター',
  'figure.analysisTargets': '経営分析の対象',
  'figure.publishedAnalyses': '公表された経営分析',
  'figure.meetingsHeld': '開催した X会議',
  'figure.meetingsPlanned': '予定している X会議',
  'figure.publishedPolicies': '公表された局区X方針',
  'figure.publishedNeeds': '公表されたニーズ・課題',
  'figure.platinumResponses': '表明された対応方針（プラチナ市役所プロジェクト）',
  count: '{count}件',
  groups: '事業クラスターのグループ',
  'column.group': 'グループ',
  'column.clusters': 'クラスター数',
  'column.targets': '分析対象',
  meetings: 'X会議',
  meetingsLead: 'X会議の資料・議事要旨・動画は、公開されたものを各回のページで確認できます。',
  'column.meeting': '会議',
  'column.planned': '予定',
  'column.heldOn': '開催日',
  'column.video': '動画',
  'column.agenda': '議題',
  video: '動画を見る（外部サイト）',
  noMeetings: '公開している X会議はありません。',
  held: '開催済み',
  notYetHeld: '開催予定',
  'openData.title': 'オープンデータ',
  'openData.lead':
    '公開している一覧を、CSV（UTF-8・Shift_JIS）と JSON でダウンロードできます。機械判読用の目録（JSON）もあります。',
  'openData.index': 'データの目録（JSON）',
  'openData.license': '利用条件：{license}',
  'openData.caption': '{year}のデータセット',
  'column.dataset': 'データセット',
  'column.rows': '件数',
  'column.files': 'ファイル',
  'file.csvUtf8': 'CSV（UTF-8）',
  'file.csvSjis': 'CSV（Shift_JIS）',
  'file.json': 'JSON',
  downloadNamed: '（{dataset}）',
};

type Key = keyof typeof ja;

const en: Record<Key, string> = {
  title: 'Government reform: published information',
  lead: 'Only what the reform office has published. No sign-in needed.',
  portalNav: 'Public pages',
  'nav.home': 'Public home',
  'nav.clusters': 'Cluster register',
  'nav.policies': 'Bureau X policies',
  'nav.needs': 'Needs and issues',
  'nav.openData': 'Open data',
  'nav.platinum': 'Platinum City Hall Project',
  figures: 'Key figures of {year}',
  'figure.clusters': 'Business clusters',
  'figure.analysisTargets': 'Analysis targets',
  'figure.publishedAnalyses': 'Published analyses',
  'figure.meetingsHeld': 'X meetings held',
  'figure.meetingsPlanned': 'X meetings planned',
  'figure.publishedPolicies': 'Published bureau X policies',
  'figure.publishedNeeds': 'Published needs',
  'figure.platinumResponses': 'Responses announced (Platinum project)',
  count: '{count}',
  groups: 'Cluster groups',
  'column.group': 'Group',
  'column.clusters': 'Clusters',
  'column.targets': 'Targets',
  meetings: 'X meetings',
  meetingsLead: 'Published materials, minutes and videos are on each meeting’s page.',
  'column.meeting': 'Meeting',
  'column.planned': 'Planned',
  'column.heldOn': 'Held on',
  'column.video': 'Video',
  'column.agenda': 'Agenda',
  video: 'Watch the video (external site)',
  noMeetings: 'No public X meeting.',
  held: 'Held',
  notYetHeld: 'Planned',
  'openData.title': 'Open data',
  'openData.lead':
    'The published lists as CSV (UTF-8 or Shift_JIS) and JSON, with a machine-readable index (JSON).',
  'openData.index': 'Index of the data (JSON)',
  'openData.license': 'Licence: {license}',
  'openData.caption': 'Datasets of {year}',
  'column.dataset': 'Dataset',
  'column.rows': 'Rows',
  'column.files': 'Files',
  'file.csvUtf8': 'CSV (UTF-8)',
  'file.csvSjis': 'CSV (Shift_JIS)',
  'file.json': 'JSON',
  downloadNamed: ' ({dataset})',
};

export type PortalTextKey = Key;

/** The texts of this feature in the current UI language, with `{name}` placeholders filled. */
export function usePortalText(): (key: PortalTextKey, values?: Record<string, string | number>) => string {
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
