import { useCallback } from 'react';
import { formatMessage, type MessageValues, useLanguage } from '@/lib/i18n/i18n-provider';

/** The tracked actions' texts, Japanese first (kept beside the feature). */
const ja = {
  title: '指示事項の対応状況',
  lead: 'X会議で出された指示事項のうち、所属する組織が担当するものです。対応の状況を報告してください。',
  caption: '指示事項（{count}件）',
  'filter.legend': '表示する指示事項',
  'filter.owner': '担当',
  'filter.mine': '自分の組織',
  'filter.all': 'すべての組織',
  'filter.status': '状態',
  'filter.open': '未完了',
  'filter.closed': '完了',
  'filter.any': 'すべて',
  'filter.overdue': '期限超過のみ',
  'filter.apply': '表示する',
  'column.instruction': '指示事項',
  'column.meeting': '会議',
  'column.owner': '担当',
  'column.due': '期限',
  'column.status': '状態',
  empty: '該当する指示事項はありません。',
  'due.overdue': '期限超過',
  'due.due_soon': '期限間近',
  'due.done': '完了',
  report: '対応状況を報告',
  reportLabel: '「{body}」の対応状況を報告',
  'dialog.title': '対応状況の報告',
  'dialog.body': '対応状況',
  'dialog.status': '状態の変更',
  'dialog.keep': '変更しない（{status}）',
  'dialog.submit': '報告する',
  'dialog.required': '対応状況を入力してください。',
  'dialog.history': 'これまでの報告',
  'dialog.noHistory': 'まだ報告はありません。',
  'dialog.cannot': 'この指示事項の対応状況は、担当組織と市政変革室が報告できます。',
  'status.open': '未着手',
  'status.in_progress': '対応中',
  'status.reported': '完了報告済み',
  'status.closed': '完了',
};

const en: Record<keyof typeof ja, string> = {
  title: 'Instructions to follow up',
  lead: 'Instructions given at X meetings to your units. Report how they stand.',
  caption: 'Instructions ({count})',
  'filter.legend': 'Which instructions',
  'filter.owner': 'Owner',
  'filter.mine': 'My units',
  'filter.all': 'All units',
  'filter.status': 'Status',
  'filter.open': 'Not closed',
  'filter.closed': 'Closed',
  'filter.any': 'All',
  'filter.overdue': 'Overdue only',
  'filter.apply': 'Show',
  'column.instruction': 'Instruction',
  'column.meeting': 'Meeting',
  'column.owner': 'Owner',
  'column.due': 'Due',
  'column.status': 'Status',
  empty: 'No instructions match.',
  'due.overdue': 'Overdue',
  'due.due_soon': 'Due soon',
  'due.done': 'Done',
  report: 'Report progress',
  reportLabel: 'Report progress on “{body}”',
  'dialog.title': 'Report progress',
  'dialog.body': 'Progress',
  'dialog.status': 'Change the status',
  'dialog.keep': 'Keep ({status})',
  'dialog.submit': 'Report',
  'dialog.required': 'Describe the progress.',
  'dialog.history': 'Earlier reports',
  'dialog.noHistory': 'No reports yet.',
  'dialog.cannot': 'The owning unit and the reform office report on this instruction.',
  'status.open': 'Open',
  'status.in_progress': 'In progress',
  'status.reported': 'Completion reported',
  'status.closed': 'Closed',
};

export type ActionTextKey = keyof typeof ja;

/** The tracked actions' texts in the current UI language. */
export function useActionText(): (key: ActionTextKey, values?: MessageValues) => string {
  const { language } = useLanguage();
  return useCallback(
    (key: ActionTextKey, values?: MessageValues) => formatMessage((language === 'en' ? en : ja)[key], values),
    [language],
  );
}
