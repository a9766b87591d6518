import type { ProgressReport } from './progress-report.ts';

/*
 * Sentences of the progress report that the deck and the printed report share, so both say the
 * same thing in the same words.
 */

/** 次回のX会議で報告予定の経営分析, or an empty string. */
export function nextDueText(report: ProgressReport): string {
  const next = report.dashboard.meetings.next;
  if (!next || next.analysesDue.length === 0) return '';
  return `次回（${next.title}・${next.plannedLabel.ja}）の報告予定：${next.analysesDue
    .map((due) => `${due.label}（${due.stageLabel.ja}）`)
    .join('、')}`;
}

/** What a meeting reported; for one not yet held, the analysis reports planned for it (報告予定：…). */
export function meetingReportsText(
  meeting: ProgressReport['dashboard']['meetings']['items'][number],
): string {
  if (meeting.reports.length) return meeting.reports.map((item) => item.title).join('、');
  if (meeting.analysesDue.length)
    return `報告予定：${meeting.analysesDue.map((due) => `${due.label}（${due.stageLabel.ja}）`).join('、')}`;
  return '—';
}

/** 決定事項 and 指示事項 of the year in one sentence. */
export function followUpText(report: ProgressReport): string {
  const { decisions, actions } = report.dashboard.meetings;
  return `決定事項 ${decisions}件・指示事項 ${actions.total}件（未完了 ${actions.open}件、うち期限超過 ${actions.overdue}件）`;
}

/** Bureau X policies by state in one sentence. */
export function policyCountsText(report: ProgressReport): string {
  const { policies } = report.dashboard;
  const counts = policies.byStatus.filter((status) => status.count > 0);
  return `全${policies.total}件${counts.length ? `（${counts.map((status) => `${status.label.ja} ${status.count}件`).join('・')}）` : ''}`;
}

/** The theme names as one column heading: 合計（ワークスタイル／オフィス／ルール）. */
export function platinumThemesHeader(report: ProgressReport): string {
  const themes = report.dashboard.platinum.byTheme;
  return themes.length ? `合計（${themes.map((theme) => theme.label.ja).join('／')}）` : '合計';
}

/** The count of a funnel stage with its split by theme: 36（12／14／10）. */
export function platinumStageText(report: ProgressReport, stage: string): string {
  const { platinum } = report.dashboard;
  const total = platinum.funnel.find((entry) => entry.key === stage)?.count ?? 0;
  const split = platinum.byTheme.map(
    (theme) => theme.funnel.find((entry) => entry.key === stage)?.count ?? 0,
  );
  return split.length ? `${total}（${split.join('／')}）` : String(total);
}

/** The campaign, the days each step took, and the assignments past due. */
export function platinumNoteText(report: ProgressReport): string {
  const { platinum } = report.dashboard;
  const steps = platinum.stepDurations
    .filter((step) => step.averageDays !== null)
    .map((step) => `${step.label.ja} 平均${step.averageDays}日`);
  return [
    platinum.campaignTitle,
    steps.length ? `各段階の所要日数：${steps.join('、')}` : null,
    `所管局の検討期限を過ぎた課題：${platinum.overdue}件`,
  ]
    .filter(Boolean)
    .join('\n');
}
