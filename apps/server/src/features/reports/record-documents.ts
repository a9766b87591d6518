import {
  ANALYSIS_REPORT_SECTIONS,
  type AnalysisReport,
  analysisDirectionKindLabel,
  analysisReportSectionLabel,
  analysisStageLabel,
  fiscalYearLabel,
  formatYenAuto,
  scheduleSpanLabel,
} from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { findPrintableReport } from '../analyses/index.ts';
import { listAgendaForPrint } from '../meetings/index.ts';
import { escapeHtml, PRINT_STYLES } from './render-progress-html.ts';
import type { findAnalysisForPrint, findMeetingForPrint } from './reports.queries.ts';

/*
 * Single records printed as PDF: an analysis report and a meeting's agenda (次第). The parts that
 * live in another stream come through one adapter each (features/analyses, features/meetings).
 */

/** A section of an analysis report (結論, 現状 …) as plain paragraphs. */
export type ReportSection = { title: string; paragraphs: string[] };

/** The paragraphs of one section of a report, as plain text lines. */
function sectionParagraphs(
  report: AnalysisReport,
  section: (typeof ANALYSIS_REPORT_SECTIONS)[number],
): string[] {
  const lines = (text: string) => text.split(/\r?\n/).filter((line) => line.trim() !== '');
  switch (section) {
    case 'conclusion':
    case 'comparison':
    case 'effects':
      return lines(report[section].text);
    case 'needs':
      return lines(report.needs.text);
    case 'currentState': {
      const state = report.currentState;
      return [
        ...lines(state.text),
        ...(state.annualCost !== null ? [`事業費（年間）：${formatYenAuto(BigInt(state.annualCost))}`] : []),
        ...(state.staffCount !== null ? [`従事職員数：${state.staffCount}人`] : []),
        ...state.volumes.map(
          (volume) => `${volume.label}：${volume.value.toLocaleString('ja-JP')}${volume.unit}`,
        ),
        ...state.budgetLines.map(
          (line) =>
            `${line.name}：${formatYenAuto(BigInt(line.amount))}${line.legalBasis ? `（${line.legalBasis}）` : ''}`,
        ),
      ];
    }
    case 'issues':
      return report.issues.items.map((item) => (item.detail ? `${item.title}：${item.detail}` : item.title));
    case 'directions':
      return report.directions.items.map(
        (item) =>
          `［${analysisDirectionKindLabel(item.kind)}］${item.title}${item.detail ? `：${item.detail}` : ''}`,
      );
    case 'roadmap':
      return report.roadmap.steps.map(
        (step) =>
          `${fiscalYearLabel(step.fiscalYear)}${step.quarter ? ` 第${step.quarter}四半期` : ''}　${step.title}${step.detail ? `：${step.detail}` : ''}`,
      );
    case 'kpis':
      return report.kpis.items.map((kpi) => {
        const baseline = kpi.baseline
          ? `${fiscalYearLabel(kpi.baseline.fiscalYear)} ${kpi.baseline.value}${kpi.unit}`
          : '—';
        const targets = kpi.targets.map(
          (target) => `${fiscalYearLabel(target.fiscalYear)} ${target.value}${kpi.unit}`,
        );
        return `${kpi.name}：基準 ${baseline}${targets.length ? ` → 目標 ${targets.join('、')}` : ''}`;
      });
  }
}

/**
 * The report sections of an analysis, 結論 first (features/analyses): the newest version reported
 * or accepted, or — for the owning units, the office and the executives — the working copy. Sections
 * with nothing written are left out; a note says which edition is printed.
 */
export async function analysisReportSections(
  db: Executor,
  analysisId: string,
  options: { includeWorkingCopy: boolean },
): Promise<ReportSection[]> {
  const printable = await findPrintableReport(db, analysisId, options);
  if (!printable) return [];
  const sections = ANALYSIS_REPORT_SECTIONS.map((section) => ({
    title: analysisReportSectionLabel(section),
    paragraphs: sectionParagraphs(printable.report, section),
  })).filter((section) => section.paragraphs.length > 0);
  if (sections.length === 0) return [];
  const edition =
    printable.source === 'version'
      ? `第${printable.versionNumber}版（報告済み）を印刷しています。`
      : '作業中の報告書（未提出の内容を含みます）を印刷しています。';
  return [{ title: '版', paragraphs: [edition] }, ...sections];
}

/** An item of a meeting's agenda with its 資料. */
export type AgendaLine = { position: number; title: string; presenter: string | null; materials: string[] };

/** The agenda of a meeting with its materials numbered 資料1…n (features/meetings). */
export async function meetingAgendaLines(db: Executor, meetingId: string): Promise<AgendaLine[]> {
  return listAgendaForPrint(db, meetingId);
}

const document = (title: string, body: string) =>
  `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${PRINT_STYLES}
@page { size: A4 portrait; }
h1 { margin: 0 0 4mm; text-align: left; font-size: 18pt; }
</style></head><body>${body}</body></html>`;

/** An analysis report as printable HTML. */
export function renderAnalysisHtml(
  analysis: NonNullable<Awaited<ReturnType<typeof findAnalysisForPrint>>>,
  sections: ReportSection[],
): string {
  const title = `経営分析 ${analysis.number} ${analysis.name}`;
  const body = sections.length
    ? sections
        .map(
          (section) =>
            `<h2>${escapeHtml(section.title)}</h2>${section.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('')}`,
        )
        .join('')
    : '<p class="muted">報告書の本文はまだ登録されていません。</p>';
  return document(
    title,
    `<h1>${escapeHtml(title)}</h1>
<table><tbody>
<tr><th scope="row">年度</th><td>${escapeHtml(fiscalYearLabel(analysis.fiscalYear))}</td></tr>
<tr><th scope="row">グループ</th><td>${escapeHtml(analysis.groupName)}</td></tr>
<tr><th scope="row">所管</th><td>${escapeHtml(analysis.owners.map((owner) => owner.name).join('、'))}</td></tr>
<tr><th scope="row">段階</th><td>${escapeHtml(analysisStageLabel(analysis.stage))}</td></tr>
</tbody></table>${body}`,
  );
}

/** A meeting's agenda (次第) as printable HTML. */
export function renderAgendaHtml(
  meeting: NonNullable<Awaited<ReturnType<typeof findMeetingForPrint>>>,
  lines: AgendaLine[],
): string {
  const span = meeting.actualDate
    ? { precision: 'day' as const, start: meeting.actualDate, end: meeting.actualDate }
    : { precision: meeting.plannedPrecision, start: meeting.plannedStart, end: meeting.plannedEnd };
  const items = lines.length
    ? `<ol>${lines
        .map(
          (line) =>
            `<li>${escapeHtml(line.title)}${line.presenter ? `（${escapeHtml(line.presenter)}）` : ''}${
              line.materials.length
                ? `<br><span class="muted">${line.materials.map(escapeHtml).join('、')}</span>`
                : ''
            }</li>`,
        )
        .join('')}</ol>`
    : '<p class="muted">議題はまだ登録されていません。</p>';
  return document(
    `${meeting.title} 次第`,
    `<h1>${escapeHtml(meeting.title)} 次第</h1>
<table><tbody>
<tr><th scope="row">日時</th><td>${escapeHtml(`${fiscalYearLabel(meeting.fiscalYear)} ${scheduleSpanLabel(span)}${meeting.startTime ? ` ${meeting.startTime.slice(0, 5)}〜` : ''}`)}</td></tr>
<tr><th scope="row">場所</th><td>${escapeHtml(meeting.place ?? '未定')}</td></tr>
</tbody></table><h2>議題</h2>${items}`,
  );
}
