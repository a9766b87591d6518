import { formatYenAuto, parseIsoDate, yenToJson } from '@totonoe/domain';
import PptxGenJS from 'pptxgenjs';
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
 * The progress deck (16:9) as the programme's own 「市政変革の進捗状況」 lays it out: the title with
 * the slogan, the whole picture, the cluster table with the year's targets in red, the year's
 * schedule, then one slide per stream. Text is real text (never pictures of text) so that it can
 * be searched, read aloud and copied; the font is one every city PC has, and others substitute
 * their own Japanese font.
 */

const FONT = 'BIZ UDPGothic';
const INK = '1A1A1A';
const MUTED = '595959';
const PRIMARY = '0031D8';
const TARGET_RED = 'C8102E';
const LINE = 'A6A6A6';
const PALE = 'F2F4FA';
const SLIDE_W = 13.333;

type Slide = PptxGenJS.Slide;

/** Yields to the event loop between slides, so a long build never holds other requests. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function dateText(date: Date): string {
  const iso = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(date);
  const { year, month, day } = parseIsoDate(iso);
  return `${year}年${month}月${day}日`;
}

function addFrame(slide: Slide, report: ProgressReport, title: string, page: number) {
  slide.addText(title, {
    x: 0.35,
    y: 0.2,
    w: SLIDE_W - 0.7,
    h: 0.6,
    fontFace: FONT,
    fontSize: 22,
    bold: true,
    color: INK,
    lang: 'ja-JP',
  });
  slide.addShape('line', { x: 0.35, y: 0.82, w: SLIDE_W - 0.7, h: 0, line: { color: PRIMARY, width: 2 } });
  slide.addText(`${report.title}　${dateText(report.generatedAt)}時点　${page}`, {
    x: 0.35,
    y: 7.1,
    w: SLIDE_W - 0.7,
    h: 0.3,
    fontFace: FONT,
    fontSize: 8,
    color: MUTED,
    align: 'right',
    lang: 'ja-JP',
  });
}

function text(slide: Slide, value: string | PptxGenJS.TextProps[], options: PptxGenJS.TextPropsOptions) {
  slide.addText(value, { fontFace: FONT, color: INK, lang: 'ja-JP', valign: 'top', margin: 4, ...options });
}

function titleSlide(pptx: PptxGenJS, report: ProgressReport) {
  const slide = pptx.addSlide();
  slide.background = { color: 'FFFFFF' };
  slide.addShape('rect', {
    x: 0,
    y: 0,
    w: SLIDE_W,
    h: 0.25,
    fill: { color: PRIMARY },
    line: { color: PRIMARY },
  });
  text(slide, report.title, {
    x: 0.8,
    y: 2.3,
    w: SLIDE_W - 1.6,
    h: 1.2,
    fontSize: 40,
    bold: true,
    align: 'center',
  });
  text(slide, report.slogan, {
    x: 0.8,
    y: 3.6,
    w: SLIDE_W - 1.6,
    h: 0.8,
    fontSize: 24,
    color: PRIMARY,
    align: 'center',
  });
  text(slide, `${dateText(report.generatedAt)}時点　Totonoe により記録から作成`, {
    x: 0.8,
    y: 5.6,
    w: SLIDE_W - 1.6,
    h: 0.5,
    fontSize: 14,
    color: MUTED,
    align: 'center',
  });
}

/** Where each box of the whole picture sits, in inches. */
const OVERVIEW_BOXES: Record<string, { x: number; y: number; w: number; h: number }> = {
  bearers: { x: 0.35, y: 1.05, w: 2.4, h: 4.75 },
  x_meeting: { x: 3.75, y: 1.05, w: 4.1, h: 1.3 },
  bureau_policy: { x: 8.65, y: 1.05, w: 4.3, h: 1.3 },
  analysis: { x: 3.75, y: 3.25, w: 3.4, h: 2.55 },
  voluntary: { x: 7.45, y: 3.25, w: 2.6, h: 2.55 },
  platinum: { x: 10.35, y: 3.25, w: 2.6, h: 2.55 },
  needs: { x: 0.35, y: 6.2, w: 12.6, h: 0.75 },
};

/** An arrow from one box's edge to another's, with the middle for its label. */
function arrowBetween(from: string, to: string) {
  const a = OVERVIEW_BOXES[from];
  const b = OVERVIEW_BOXES[to];
  if (!a || !b) return null;
  const clampX = (x: number, box: typeof a) => Math.min(Math.max(x, box.x + 0.3), box.x + box.w - 0.3);
  let line: { x1: number; y1: number; x2: number; y2: number };
  if (b.y >= a.y + a.h) {
    const x = clampX(a.x + a.w / 2, b);
    line = { x1: clampX(x, a), y1: a.y + a.h, x2: x, y2: b.y };
  } else if (a.y >= b.y + b.h) {
    const x = clampX(a.x + a.w / 2, b);
    line = { x1: clampX(x, a), y1: a.y, x2: x, y2: b.y + b.h };
  } else if (b.x >= a.x + a.w) {
    line = { x1: a.x + a.w, y1: a.y + 0.4, x2: b.x, y2: a.y + 0.4 };
  } else {
    line = { x1: a.x, y1: a.y + 0.4, x2: b.x + b.w, y2: a.y + 0.4 };
  }
  return { ...line, midX: (line.x1 + line.x2) / 2, midY: (line.y1 + line.y2) / 2 };
}

function overviewSlide(pptx: PptxGenJS, report: ProgressReport, page: number) {
  const slide = pptx.addSlide();
  addFrame(slide, report, '各取組みの全体像・相互関係', page);
  for (const box of report.overview.boxes) {
    const place = OVERVIEW_BOXES[box.id];
    if (!place) continue;
    const isStream = box.role === 'stream';
    slide.addShape('rect', {
      ...place,
      fill: { color: isStream ? PALE : 'FFFFFF' },
      line: { color: box.role === 'driver' ? PRIMARY : LINE, width: box.role === 'driver' ? 2 : 1 },
    });
    const runs: PptxGenJS.TextProps[] = [
      { text: box.title.ja, options: { bold: true, fontSize: 14, breakLine: true } },
      { text: box.description.ja, options: { fontSize: 9, color: MUTED, breakLine: true } },
    ];
    for (const part of box.parts)
      runs.push({ text: `・${part.ja}`, options: { fontSize: 10, breakLine: true } });
    const figures = box.figures
      .map((figure) => `${figure.label.ja} ${figure.isAvailable ? figure.value : '集計準備中'}`)
      .join('　');
    runs.push({ text: figures, options: { fontSize: 10, bold: true, color: PRIMARY } });
    text(slide, runs, { ...place, fontSize: 10 });
  }
  for (const relation of report.overview.relations) {
    const arrow = arrowBetween(relation.from, relation.to);
    if (!arrow) continue;
    slide.addShape('line', {
      x: Math.min(arrow.x1, arrow.x2),
      y: Math.min(arrow.y1, arrow.y2),
      w: Math.max(Math.abs(arrow.x2 - arrow.x1), 0.001),
      h: Math.max(Math.abs(arrow.y2 - arrow.y1), 0.001),
      flipH: arrow.x2 < arrow.x1,
      flipV: arrow.y2 < arrow.y1,
      line: { color: PRIMARY, width: 1.5, endArrowType: 'triangle' },
    });
    const isVertical = Math.abs(arrow.x2 - arrow.x1) < Math.abs(arrow.y2 - arrow.y1);
    text(slide, relation.label.ja, {
      x: isVertical ? arrow.midX + 0.05 : arrow.midX - 0.47,
      y: isVertical ? arrow.midY - 0.15 : arrow.midY - 0.34,
      w: isVertical ? 1.6 : 0.94,
      h: 0.3,
      fontSize: 7,
      color: PRIMARY,
      margin: 0,
      valign: 'middle',
      align: isVertical ? 'left' : 'center',
    });
  }
}

function clusterSlide(pptx: PptxGenJS, report: ProgressReport, page: number) {
  const slide = pptx.addSlide();
  addFrame(slide, report, '経営分析の対象となる事業クラスター', page);
  const widths = report.clusterColumns.map((column) =>
    column.clusters.length > 20 ? 3.3 : column.clusters.length > 8 ? 2.35 : 2.3,
  );
  const scale = (SLIDE_W - 0.7) / widths.reduce((sum, width) => sum + width, 0);
  let x = 0.35;
  for (const [index, column] of report.clusterColumns.entries()) {
    const w = widths[index]! * scale;
    const heading = column.kindName ?? column.groupName;
    const group = column.kindName
      ? `${column.groupName}（${column.subtitle ?? ''}）`
      : `（${column.subtitle ?? ''}）`;
    slide.addShape('rect', {
      x,
      y: 0.95,
      w: w - 0.05,
      h: 0.5,
      fill: { color: PRIMARY },
      line: { color: PRIMARY },
    });
    text(
      slide,
      [
        { text: heading, options: { bold: true, breakLine: true, fontSize: 10 } },
        { text: group, options: { fontSize: 7 } },
      ],
      { x, y: 0.95, w: w - 0.05, h: 0.5, color: 'FFFFFF', valign: 'middle', margin: 3 },
    );
    text(slide, column.approach, {
      x,
      y: 1.47,
      w: w - 0.05,
      h: 0.85,
      fontSize: 6.5,
      color: MUTED,
      margin: 2,
    });
    text(
      slide,
      column.clusters.map((cluster, position) => ({
        text: `${cluster.number} ${cluster.name}`,
        options: {
          breakLine: position < column.clusters.length - 1,
          color: cluster.isTarget ? TARGET_RED : INK,
          bold: cluster.isTarget,
          underline: cluster.isTarget ? { style: 'sng' } : undefined,
        },
      })),
      {
        x,
        y: 2.35,
        w: w - 0.05,
        h: 4.6,
        fontSize: column.clusters.length > 20 ? 8.5 : 9,
        line: { color: LINE, width: 0.75 },
        paraSpaceAfter: 1,
      },
    );
    x += w;
  }
  text(
    slide,
    `朱書き（太字・下線）は、${report.fiscalYearLabel}に経営分析を実施する事業クラスター（${report.targetCount}件 / 全${report.clusterCount}件）。事業クラスターの固まりや経営分析の進め方などは、現状や課題の把握状況等を踏まえて随時見直します。`,
    { x: 0.35, y: 6.95, w: 9.5, h: 0.3, fontSize: 7, color: MUTED, margin: 0 },
  );
}

function scheduleSlide(pptx: PptxGenJS, report: ProgressReport, page: number) {
  const slide = pptx.addSlide();
  addFrame(slide, report, `市政変革の進め方（年間日程）　${report.fiscalYearLabel}スケジュール`, page);
  const chart = layoutScheduleChart(report.schedule, { minimumGap: 0.12 });
  const laneX = 0.35;
  const laneW = 1.75;
  const chartX = laneX + laneW;
  const chartW = SLIDE_W - 0.35 - chartX;
  const top = 0.95;
  const headerH = 0.35;
  const monthW = chartW / chart.months.length;
  for (const [index, month] of chart.months.entries()) {
    slide.addShape('rect', {
      x: chartX + index * monthW,
      y: top,
      w: monthW,
      h: headerH,
      fill: { color: PALE },
      line: { color: LINE, width: 0.5 },
    });
    text(slide, `${month.month}月`, {
      x: chartX + index * monthW,
      y: top,
      w: monthW,
      h: headerH,
      fontSize: 10,
      bold: true,
      align: 'center',
      valign: 'middle',
      margin: 0,
    });
  }
  const rowH = 0.5;
  const laneHeights = chart.lanes.map((lane) => (lane.lane === 'x_meeting' ? 1.1 : lane.rows * rowH + 0.1));
  const available = 6.95 - top - headerH;
  const scaleY = Math.min(1.3, available / laneHeights.reduce((sum, height) => sum + height, 0));
  let y = top + headerH;
  for (const [laneIndex, lane] of chart.lanes.entries()) {
    const h = laneHeights[laneIndex]! * scaleY;
    slide.addShape('rect', {
      x: laneX,
      y,
      w: SLIDE_W - 0.7,
      h,
      fill: { color: 'FFFFFF' },
      line: { color: LINE, width: 0.5 },
    });
    slide.addShape('rect', {
      x: laneX,
      y,
      w: laneW,
      h,
      fill: { color: PALE },
      line: { color: LINE, width: 0.5 },
    });
    text(slide, lane.label, { x: laneX, y, w: laneW, h, fontSize: 10, bold: true, valign: 'middle' });
    for (const [index, placed] of lane.entries.entries()) {
      const x = chartX + placed.from * chartW;
      const w = Math.max((placed.to - placed.from) * chartW, 0.06);
      const labelW = Math.max((placed.labelTo - placed.from) * chartW, w);
      if (placed.entry.isMilestone) {
        const isBelow = index % 2 === 1;
        slide.addShape('rect', {
          x,
          y: y + h / 2 - 0.08,
          w,
          h: 0.16,
          fill: { color: placed.entry.isDone ? PRIMARY : 'FFFFFF' },
          line: { color: PRIMARY, width: 1 },
        });
        text(
          slide,
          [
            { text: placed.entry.label, options: { bold: true, breakLine: true } },
            { text: placed.spanLabel },
          ],
          {
            x: Math.max(x + w / 2 - 0.65, chartX),
            y: isBelow ? y + h / 2 + 0.09 : y + 0.02,
            w: 1.3,
            h: h / 2 - 0.11,
            fontSize: 8,
            align: 'center',
            margin: 0,
            valign: isBelow ? 'top' : 'bottom',
          },
        );
        continue;
      }
      const barY = y + (0.05 + placed.row * rowH) * scaleY;
      const barH = (rowH - 0.06) * scaleY;
      slide.addShape('rect', {
        x,
        y: barY,
        w,
        h: barH,
        fill: { color: placed.entry.isSpanningYear ? 'E8F0FE' : PALE },
        line: { color: PRIMARY, width: 0.75 },
      });
      text(
        slide,
        [
          { text: placed.entry.label, options: { breakLine: true } },
          { text: placed.spanLabel, options: { color: MUTED } },
        ],
        { x, y: barY, w: labelW, h: barH, fontSize: 7, margin: 2, valign: 'top', fit: 'shrink' },
      );
    }
    y += h;
  }
  if (chart.today !== null) {
    const x = chartX + chart.today * chartW;
    slide.addShape('line', {
      x,
      y: top,
      w: 0,
      h: y - top,
      line: { color: TARGET_RED, width: 1.25, dashType: 'dash' },
    });
    text(slide, '本日', {
      x: x - 0.3,
      y,
      w: 0.6,
      h: 0.2,
      fontSize: 7,
      color: TARGET_RED,
      align: 'center',
      margin: 0,
    });
  }
}

type Cell = PptxGenJS.TableCell;
const header = (value: string): Cell => ({ text: value, options: { bold: true, fill: { color: PALE } } });
const cell = (value: string | number, extra: PptxGenJS.TableCellProps = {}): Cell => ({
  text: String(value),
  options: extra,
});

function tableSlide(
  pptx: PptxGenJS,
  report: ProgressReport,
  page: number,
  title: string,
  rows: Cell[][],
  options: { colW?: number[]; note?: string } = {},
) {
  const slide = pptx.addSlide();
  addFrame(slide, report, title, page);
  slide.addTable(rows, {
    x: 0.35,
    y: 1.0,
    w: SLIDE_W - 0.7,
    colW: options.colW,
    fontFace: FONT,
    fontSize: 10,
    color: INK,
    border: { type: 'solid', pt: 0.5, color: LINE },
    autoPage: true,
    autoPageRepeatHeader: true,
    autoPageCharWeight: -0.5,
    newSlideStartY: 1.0,
  });
  if (options.note) {
    // A line of 9 pt text is about 0.2 in; the note grows upwards from above the footer.
    const height = 0.2 * options.note.split('\n').length + 0.15;
    text(slide, options.note, {
      x: 0.35,
      y: 7.05 - height,
      w: SLIDE_W - 0.7,
      h: height,
      fontSize: 9,
      color: MUTED,
      valign: 'bottom',
    });
  }
}

const NOT_YET = '集計準備中（この流れの記録が登録されると表示されます）';

function streamSlides(pptx: PptxGenJS, report: ProgressReport, firstPage: number) {
  const { dashboard } = report;
  let page = firstPage;
  const analyses = dashboard.analyses;
  tableSlide(
    pptx,
    report,
    page++,
    `経営分析の状況（対象 ${analyses.targetCount}件）`,
    [
      [
        header('グループ'),
        header('クラスター数'),
        header('分析対象'),
        ...analyses.byStage.map((stage) => header(stage.label.ja)),
      ],
      ...analyses.byGroup.map((group) => [
        cell(`${group.label.ja}（${group.subtitle ?? ''}）`),
        cell(group.clusterCount),
        cell(group.targetCount),
        ...group.byStage.map((stage) => cell(stage.count)),
      ]),
    ],
    {
      note: [
        `分析対象：${report.clusterColumns
          .flatMap((column) => column.clusters.filter((cluster) => cluster.isTarget))
          .sort((a, b) => a.number - b.number)
          .map((cluster) => `${cluster.number} ${cluster.name}（${stageText(cluster.stage)}）`)
          .join('、')}`,
        nextDueText(report),
        `効果額（分析に記載）：見込み ${formatYenAuto(BigInt(analyses.effects.planned))}・実績 ${formatYenAuto(BigInt(analyses.effects.actual))}`,
      ]
        .filter(Boolean)
        .join('\n'),
    },
  );
  tableSlide(
    pptx,
    report,
    page++,
    `X会議の開催状況（開催済み ${dashboard.meetings.held}回・予定 ${dashboard.meetings.planned}回）`,
    [
      [header('会議'), header('予定'), header('開催日'), header('報告・審議した内容')],
      ...dashboard.meetings.items.map((meeting) => [
        cell(`${meeting.title} ${meeting.plannedLabel.ja}`, { bold: true }),
        cell(meeting.plannedLabel.ja),
        cell(meeting.isHeld ? meeting.spanLabel.ja : '開催予定'),
        cell(meetingReportsText(meeting)),
      ]),
    ],
    { colW: [2.8, 1.4, 1.4, 7.03], note: followUpText(report) },
  );
  const policies = dashboard.policies;
  tableSlide(
    pptx,
    report,
    page++,
    '局区X方針の策定状況',
    policies.byBureau.length
      ? [
          [header('局・区・室'), header('件名'), header('版'), header('状態')],
          ...policies.byBureau.map((policy) => [
            cell(policy.orgUnit.name),
            cell(policy.title),
            cell(`第${policy.versionNumber}版`),
            cell(policy.statusLabel.ja, policy.status === 'published' ? { bold: true } : {}),
          ]),
        ]
      : [
          [header('状態'), header('件数')],
          ...policies.byStatus.map((status) => [cell(status.label.ja), cell(0)]),
        ],
    {
      colW: policies.byBureau.length ? [2.6, 6.43, 1.2, 2.4] : [6, 6.63],
      note: policyCountsText(report),
    },
  );
  const initiatives = dashboard.initiatives;
  tableSlide(
    pptx,
    report,
    page++,
    '各局区の自主的な取組の状況',
    [
      [header('進捗'), header('件数'), header('健全性'), header('件数')],
      ...Array.from(
        { length: Math.max(initiatives.byStatus.length, initiatives.byHealth.length) },
        (_, index) => {
          const status = initiatives.byStatus[index];
          const health = initiatives.byHealth[index];
          const value = (count: number | undefined) =>
            initiatives.isAvailable && count !== undefined ? count : '—';
          return [
            cell(status?.label.ja ?? ''),
            cell(status ? value(status.count) : ''),
            cell(health?.label.ja ?? ''),
            cell(health ? value(health.count) : ''),
          ];
        },
      ),
    ],
    {
      note: initiatives.isAvailable
        ? `全${initiatives.total}件、うち報告が滞っている取組 ${initiatives.stale}件`
        : NOT_YET,
    },
  );
  const effects = dashboard.effects;
  const target = effects.target;
  tableSlide(
    pptx,
    report,
    page++,
    '効果額（目標に対する状況）',
    [
      [header('項目'), header('金額')],
      [
        cell('目標'),
        cell(
          target
            ? `${target.name} ${formatYenAuto(target.amount)}（${target.startFiscalYear}〜${target.endFiscalYear}年度）`
            : '—',
        ),
      ],
      [cell('見込み'), cell(effects.isAvailable ? formatYenAuto(effects.planned) : '—')],
      [cell('実績'), cell(effects.isAvailable ? formatYenAuto(effects.actual) : '—')],
      [cell('合計'), cell(effects.isAvailable ? formatYenAuto(effects.total) : '—')],
      [
        cell('目標に対する割合'),
        cell(effects.percentOfTarget === null ? '—' : `${effects.percentOfTarget}%`),
      ],
    ],
    { colW: [3, 9.63], note: effects.isAvailable ? `金額（円）：${yenToJson(effects.total)}` : NOT_YET },
  );
  const platinum = dashboard.platinum;
  tableSlide(
    pptx,
    report,
    page++,
    'プラチナ市役所プロジェクトの状況',
    [
      [header('ステップ'), header('時期')],
      ...report.platinumSteps.map((step) => [cell(step.label), cell(step.spanLabel)]),
      [header('段階（到達したアイデアの数）'), header(platinumThemesHeader(report))],
      ...platinum.funnel.map((stage) => [
        cell(stage.label.ja),
        cell(platinum.isAvailable ? platinumStageText(report, stage.key) : '—'),
      ]),
    ],
    {
      colW: [5, 7.63],
      note: platinum.isAvailable ? platinumNoteText(report) : `件数は${NOT_YET}`,
    },
  );
  const needs = dashboard.needs;
  tableSlide(
    pptx,
    report,
    page++,
    '受け手・担い手のニーズ・課題',
    [
      [header('区分'), header('件数'), header('状態'), header('件数')],
      ...Array.from({ length: Math.max(needs.bySide.length, needs.byStatus.length) }, (_, index) => {
        const side = needs.bySide[index];
        const status = needs.byStatus[index];
        const value = (count: number | undefined) => (needs.isAvailable && count !== undefined ? count : '—');
        return [
          cell(side?.label.ja ?? ''),
          cell(side ? value(side.count) : ''),
          cell(status?.label.ja ?? ''),
          cell(status ? value(status.count) : ''),
        ];
      }),
    ],
    { note: needs.isAvailable ? `全${needs.total}件` : NOT_YET },
  );
}

/** Builds the progress deck of a year; `onSlide` hears of each slide done (for progress bars). */
export async function buildProgressDeck(
  report: ProgressReport,
  options: { onProgress?: (fraction: number) => Promise<void> | void } = {},
): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = report.title;
  pptx.subject = report.slogan;
  pptx.company = 'Totonoe';
  pptx.author = 'Totonoe';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  const parts: ((page: number) => void)[] = [
    () => titleSlide(pptx, report),
    (page) => overviewSlide(pptx, report, page),
    (page) => clusterSlide(pptx, report, page),
    (page) => scheduleSlide(pptx, report, page),
    (page) => streamSlides(pptx, report, page),
  ];
  for (const [index, part] of parts.entries()) {
    part(index + 1);
    await options.onProgress?.((index + 1) / (parts.length + 1));
    await yieldToEventLoop();
  }
  const output = (await pptx.write({ outputType: 'nodebuffer', compression: true })) as Buffer;
  return Buffer.from(output);
}
