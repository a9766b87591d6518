import { analysisStageLabel, fiscalYearLabel, scheduleSpanLabel } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { escapeHtml, PRINT_STYLES } from './render-progress-html.ts';
import type { findAnalysisForPrint, findMeetingForPrint } from './reports.queries.ts';

/*
 * Single records printed as PDF: an analysis report and a meeting's agenda (次第). The parts that
 * live in another stream come through one adapter each, empty until that stream exports them.
 */

/** A section of an analysis report (結論, 現状 …) as plain paragraphs. */
export type ReportSection = { title: string; paragraphs: string[] };

/** The report sections of an analysis (features/analyses). None until the analyses feature exports them. */
export async function analysisReportSections(_db: Executor, _analysisId: string): Promise<ReportSection[]> {
  return [];
}

/** An item of a meeting's agenda with its 資料. */
export type AgendaLine = { position: number; title: string; presenter: string | null; materials: string[] };

/** The agenda of a meeting (features/meetings). None until the meetings feature exports it. */
export async function meetingAgendaLines(_db: Executor, _meetingId: string): Promise<AgendaLine[]> {
  return [];
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
