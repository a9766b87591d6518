import { formatYenAuto, parseIsoDate } from '@totonoe/domain';
import { type ProgressReport, stageText } from './progress-report.ts';
import {
  followUpText,
  meetingReportsText,
  nextDueText,
  platinumNoteText,
  platinumStageText,
  platinumThemesHeader,
  policyCountsText,
} from './progress-texts.ts';
import { layoutScheduleChart } from './schedule-chart.ts';

/*
 * The progress report as one HTML document, printed to PDF (A4 landscape) by Chromium. It carries
 * the same content as the deck. Everything is escaped; the document loads nothing from anywhere.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

function dateText(date: Date): string {
  const iso = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(date);
  const { year, month, day } = parseIsoDate(iso);
  return `${year}年${month}月${day}日`;
}

/** Styles shared by every printed report: A4 landscape pages, the system's Japanese sans-serif font. */
export const PRINT_STYLES = `
@page { size: A4 landscape; margin: 12mm 12mm 14mm; }
* { box-sizing: border-box; }
body { font-family: 'BIZ UDPGothic', 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; color: #1a1a1a; font-size: 10pt; line-height: 1.5; margin: 0; }
section { break-before: page; }
section:first-of-type { break-before: auto; }
h1 { font-size: 26pt; margin: 40mm 0 6mm; text-align: center; }
h2 { font-size: 16pt; border-bottom: 2px solid #0031d8; margin: 0 0 4mm; padding-bottom: 1mm; }
.slogan { text-align: center; color: #0031d8; font-size: 18pt; }
.muted { color: #595959; }
.center { text-align: center; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #a6a6a6; padding: 1mm 2mm; text-align: left; vertical-align: top; }
th { background: #f2f4fa; }
.target { color: #c8102e; font-weight: bold; text-decoration: underline; }
.clusters td { font-size: 7.5pt; line-height: 1.35; }
.clusters th { font-size: 8.5pt; }
.clusters ul { list-style: none; margin: 0; padding: 0; }
.boxes { display: grid; grid-template-columns: 22% 1fr 1fr 1fr; gap: 3mm; grid-template-areas: "bearers x_meeting x_meeting bureau_policy" "bearers analysis voluntary platinum" "needs needs needs needs"; }
.box-bearers { grid-area: bearers; } .box-x_meeting { grid-area: x_meeting; } .box-bureau_policy { grid-area: bureau_policy; }
.box-analysis { grid-area: analysis; } .box-voluntary { grid-area: voluntary; } .box-platinum { grid-area: platinum; } .box-needs { grid-area: needs; }
.box { border: 1px solid #a6a6a6; padding: 2mm; }
.box.driver { border: 2px solid #0031d8; }
.box.stream { background: #f2f4fa; }
.box h3 { margin: 0; font-size: 12pt; }
.figures { font-weight: bold; color: #0031d8; }
.chart { position: relative; border: 1px solid #a6a6a6; }
.chart .months, .chart .lane { display: flex; }
.chart .lane-name { width: 30mm; flex: none; background: #f2f4fa; border-right: 1px solid #a6a6a6; padding: 1mm; font-weight: bold; font-size: 9pt; }
.chart .track { position: relative; flex: 1; border-top: 1px solid #a6a6a6; }
.chart .month { flex: 1; text-align: center; font-weight: bold; background: #f2f4fa; border-left: 1px solid #a6a6a6; }
.chart .bar { position: absolute; border: 1px solid #0031d8; background: #e8f0fe; height: 11mm; }
.chart .label { position: absolute; font-size: 7pt; line-height: 1.25; padding: 0.3mm 1mm; height: 11mm; overflow: hidden; }
.chart .label span { color: #595959; }
.chart .milestone { position: absolute; font-size: 7pt; line-height: 1.2; text-align: center; white-space: nowrap; }
.chart .milestone i { display: block; height: 3mm; border: 1px solid #0031d8; background: #fff; }
.chart .milestone.done i { background: #0031d8; }
.chart .today { position: absolute; top: 0; bottom: 0; border-left: 2px dashed #c8102e; }
`;

function overviewSection(report: ProgressReport): string {
  const boxes = report.overview.boxes
    .map(
      (box) => `<div class="box ${box.role} box-${escapeHtml(box.id)}">
  <h3>${escapeHtml(box.title.ja)}</h3>
  <div class="muted">${escapeHtml(box.description.ja)}</div>
  ${box.parts.length ? `<ul>${box.parts.map((part) => `<li>${escapeHtml(part.ja)}</li>`).join('')}</ul>` : ''}
  <div class="figures">${box.figures
    .map(
      (figure) =>
        `${escapeHtml(figure.label.ja)} ${figure.isAvailable ? escapeHtml(figure.value) : '集計準備中'}`,
    )
    .join('　')}</div>
</div>`,
    )
    .join('\n');
  const titles = new Map(report.overview.boxes.map((box) => [box.id, box.title.ja]));
  const relations = report.overview.relations
    .map(
      (relation) =>
        `<li>${escapeHtml(titles.get(relation.from) ?? relation.from)} → ${escapeHtml(titles.get(relation.to) ?? relation.to)}：${escapeHtml(relation.label.ja)}</li>`,
    )
    .join('');
  return `<section><h2>各取組みの全体像・相互関係</h2><div class="boxes">${boxes}</div><h3>相互関係</h3><ul>${relations}</ul></section>`;
}

function clusterSection(report: ProgressReport): string {
  const heads = report.clusterColumns
    .map(
      (column) =>
        `<th scope="col">${escapeHtml(column.kindName ?? column.groupName)}<br><span class="muted">${escapeHtml(
          column.kindName
            ? `${column.groupName}（${column.subtitle ?? ''}）`
            : `（${column.subtitle ?? ''}）`,
        )}</span></th>`,
    )
    .join('');
  const approaches = report.clusterColumns
    .map((column) => `<td class="muted">${escapeHtml(column.approach)}</td>`)
    .join('');
  const lists = report.clusterColumns
    .map(
      (column) =>
        `<td><ul>${column.clusters
          .map(
            (cluster) =>
              `<li${cluster.isTarget ? ' class="target"' : ''}>${escapeHtml(cluster.number)} ${escapeHtml(cluster.name)}${
                cluster.isTarget ? '<span class="muted">（対象）</span>' : ''
              }</li>`,
          )
          .join('')}</ul></td>`,
    )
    .join('');
  return `<section><h2>経営分析の対象となる事業クラスター</h2>
<table class="clusters"><thead><tr>${heads}</tr></thead><tbody><tr>${approaches}</tr><tr>${lists}</tr></tbody></table>
<p class="muted">朱書き（太字・下線・「対象」）は、${escapeHtml(report.fiscalYearLabel)}に経営分析を実施する事業クラスター（${report.targetCount}件 / 全${report.clusterCount}件）。</p></section>`;
}

function scheduleSection(report: ProgressReport): string {
  const chart = layoutScheduleChart(report.schedule);
  const months = chart.months.map((month) => `<div class="month">${month.month}月</div>`).join('');
  const lanes = chart.lanes
    .map((lane) => {
      const isMeeting = lane.lane === 'x_meeting';
      const height = isMeeting ? 20 : lane.rows * 12 + 1;
      const items = lane.entries
        .map((placed, index) => {
          const left = percent(placed.from);
          const width = percent(Math.max(placed.to - placed.from, 0.004));
          if (placed.entry.isMilestone) {
            const top = index % 2 === 0 ? 1 : 10;
            return `<div class="milestone${placed.entry.isDone ? ' done' : ''}" style="left:${left};width:${width};top:${top}mm"><i></i>${escapeHtml(placed.entry.label)}<br>${escapeHtml(placed.spanLabel)}</div>`;
          }
          const labelWidth = percent(Math.max(placed.labelTo - placed.from, 0.004));
          const top = `${1 + placed.row * 12}mm`;
          return `<div class="bar" style="left:${left};width:${width};top:${top}"></div><div class="label" style="left:${left};width:${labelWidth};top:${top}">${escapeHtml(placed.entry.label)}<br><span>${escapeHtml(placed.spanLabel)}</span></div>`;
        })
        .join('');
      return `<div class="lane"><div class="lane-name">${escapeHtml(lane.label)}</div><div class="track" style="height:${height}mm">${items}</div></div>`;
    })
    .join('');
  const today =
    chart.today === null
      ? ''
      : `<div class="today" style="left:calc(30mm + (100% - 30mm) * ${chart.today.toFixed(4)})"></div>`;
  return `<section><h2>市政変革の進め方（年間日程）　${escapeHtml(report.fiscalYearLabel)}スケジュール</h2>
<div class="chart"><div class="months"><div class="lane-name">区分</div>${months}</div>${lanes}${today}</div>
<p class="muted">X会議は開催日（未開催は予定の精度：上旬＝1〜10日）に、その他は期間で示します。${chart.today === null ? '' : '赤の破線は本日です。'}</p></section>`;
}

const NOT_YET = '集計準備中（この流れの記録が登録されると表示されます）';

/** Muted paragraphs, one per non-empty line. */
function paragraphs(lines: (string | null)[]): string {
  return lines
    .filter((line): line is string => Boolean(line))
    .map((line) => `<p class="muted">${escapeHtml(line)}</p>`)
    .join('');
}

function row(cells: (string | number)[], isHeader = false): string {
  const tag = isHeader ? 'th' : 'td';
  return `<tr>${cells.map((value) => `<${tag}${isHeader ? ' scope="col"' : ''}>${escapeHtml(value)}</${tag}>`).join('')}</tr>`;
}

function streamSections(report: ProgressReport): string {
  const { dashboard } = report;
  const a = dashboard.analyses;
  const targets = report.clusterColumns
    .flatMap((column) => column.clusters.filter((cluster) => cluster.isTarget))
    .sort((x, y) => x.number - y.number);
  const analyses = `<section><h2>経営分析の状況（対象 ${a.targetCount}件）</h2><table>
${row(['グループ', 'クラスター数', '分析対象', ...a.byStage.map((stage) => stage.label.ja)], true)}
${a.byGroup.map((group) => row([`${group.label.ja}（${group.subtitle ?? ''}）`, group.clusterCount, group.targetCount, ...group.byStage.map((stage) => stage.count)])).join('')}
</table><h3>分析対象</h3><table>${row(['番号', 'クラスター', '段階'], true)}${targets
    .map((cluster) => row([cluster.number, cluster.name, stageText(cluster.stage)]))
    .join('')}</table>${paragraphs([
    nextDueText(report),
    `効果額（分析に記載）：見込み ${formatYenAuto(BigInt(a.effects.planned))}・実績 ${formatYenAuto(BigInt(a.effects.actual))}`,
  ])}</section>`;
  const m = dashboard.meetings;
  const meetings = `<section><h2>X会議の開催状況（開催済み ${m.held}回・予定 ${m.planned}回）</h2><table>
${row(['会議', '予定', '開催日', '報告・審議した内容'], true)}
${m.items.map((item) => row([`${item.title} ${item.plannedLabel.ja}`, item.plannedLabel.ja, item.isHeld ? item.spanLabel.ja : '開催予定', meetingReportsText(item)])).join('')}
</table>${paragraphs([followUpText(report)])}</section>`;
  const p = dashboard.policies;
  const policies = `<section><h2>局区X方針の策定状況</h2><table>${row(['局・区・室', '件名', '版', '状態'], true)}${p.byBureau
    .map((policy) =>
      row([policy.orgUnit.name, policy.title, `第${policy.versionNumber}版`, policy.statusLabel.ja]),
    )
    .join('')}</table>${paragraphs([policyCountsText(report)])}</section>`;
  const i = dashboard.initiatives;
  const initiatives = `<section><h2>各局区の自主的な取組の状況</h2><table>${row(['進捗', '件数'], true)}${i.byStatus
    .map((status) => row([status.label.ja, i.isAvailable ? status.count : '—']))
    .join('')}${row(['健全性', '件数'], true)}${i.byHealth
    .map((health) => row([health.label.ja, i.isAvailable ? health.count : '—']))
    .join(
      '',
    )}</table><p class="muted">${i.isAvailable ? `全${i.total}件、うち報告が滞っている取組 ${i.stale}件` : NOT_YET}</p></section>`;
  const e = dashboard.effects;
  const effects = `<section><h2>効果額（目標に対する状況）</h2><table>${row(['項目', '金額'], true)}
${row(['目標', e.target ? `${e.target.name} ${formatYenAuto(e.target.amount)}（${e.target.startFiscalYear}〜${e.target.endFiscalYear}年度）` : '—'])}
${row(['見込み', e.isAvailable ? formatYenAuto(e.planned) : '—'])}${row(['実績', e.isAvailable ? formatYenAuto(e.actual) : '—'])}
${row(['合計', e.isAvailable ? formatYenAuto(e.total) : '—'])}${row(['目標に対する割合', e.percentOfTarget === null ? '—' : `${e.percentOfTarget}%`])}
</table>${e.isAvailable ? '' : `<p class="muted">${NOT_YET}</p>`}</section>`;
  const pl = dashboard.platinum;
  const platinum = `<section><h2>プラチナ市役所プロジェクトの状況</h2><table>${row(['ステップ', '時期'], true)}${report.platinumSteps
    .map((step) => row([step.label, step.spanLabel]))
    .join('')}${row(['段階（到達したアイデアの数）', platinumThemesHeader(report)], true)}${pl.funnel
    .map((stage) => row([stage.label.ja, pl.isAvailable ? platinumStageText(report, stage.key) : '—']))
    .join(
      '',
    )}</table>${pl.isAvailable ? paragraphs(platinumNoteText(report).split('\n')) : `<p class="muted">件数は${NOT_YET}</p>`}</section>`;
  const n = dashboard.needs;
  const needs = `<section><h2>受け手・担い手のニーズ・課題</h2><table>${row(['区分', '件数'], true)}${n.bySide
    .map((side) => row([side.label.ja, n.isAvailable ? side.count : '—']))
    .join('')}${row(['状態', '件数'], true)}${n.byStatus
    .map((status) => row([status.label.ja, n.isAvailable ? status.count : '—']))
    .join('')}</table><p class="muted">${n.isAvailable ? `全${n.total}件` : NOT_YET}</p></section>`;
  return [analyses, meetings, policies, initiatives, effects, platinum, needs].join('\n');
}

/** The whole progress report of a year as one printable HTML document. */
export function renderProgressHtml(report: ProgressReport): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title>
<style>${PRINT_STYLES}</style></head><body>
<section><h1>${escapeHtml(report.title)}</h1><p class="slogan">${escapeHtml(report.slogan)}</p>
<p class="center muted">${dateText(report.generatedAt)}時点　Totonoe により記録から作成</p></section>
${overviewSection(report)}
${clusterSection(report)}
${scheduleSection(report)}
${streamSections(report)}
</body></html>`;
}
