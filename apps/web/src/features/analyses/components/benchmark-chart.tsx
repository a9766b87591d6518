import { useId } from 'react';
import { useAnalysisText } from '../messages';
import type { Indicator } from '../types';
import { scaleY, spreadX, valueAxis } from '../utils/chart-scale';

const WIDTH = 640;
const HEIGHT = 320;
const PLOT = { left: 72, right: WIDTH - 160, top: 24, bottom: HEIGHT - 48 };
// Comparators are told apart by dash pattern and marker shape as well as by their grey tone.
const DASHES = ['6 4', '2 4', '10 4 2 4', '1 3', '8 2'];

function Marker({ x, y, index, isOwn }: { x: number; y: number; index: number; isOwn: boolean }) {
  if (isOwn) return <circle cx={x} cy={y} r={6} className="fill-blue-900 stroke-white" strokeWidth={2} />;
  const shape = index % 3;
  if (shape === 0)
    return (
      <rect
        x={x - 4}
        y={y - 4}
        width={8}
        height={8}
        className="fill-white stroke-solid-gray-700"
        strokeWidth={1.5}
      />
    );
  if (shape === 1)
    return (
      <path
        d={`M ${x} ${y - 5} L ${x + 5} ${y + 4} L ${x - 5} ${y + 4} Z`}
        className="fill-white stroke-solid-gray-700"
        strokeWidth={1.5}
      />
    );
  return (
    <path
      d={`M ${x} ${y - 5} L ${x + 5} ${y} L ${x} ${y + 5} L ${x - 5} ${y} Z`}
      className="fill-white stroke-solid-gray-700"
      strokeWidth={1.5}
    />
  );
}

/**
 * 比較分析のグラフ: an inline SVG line chart, this city in a thick blue line with round markers,
 * comparators in dashed grey lines with other marker shapes, labelled at the line ends. The figure's
 * text alternative sums up this city's ranks; the table below it has every value.
 */
export function BenchmarkChart({ indicator }: { indicator: Indicator }) {
  const text = useAnalysisText();
  const titleId = useId();
  const years = [...new Set(indicator.values.map((value) => value.year))].sort((a, b) => a - b);
  const subjects = [...new Set(indicator.values.map((value) => value.subject))];
  const axis = valueAxis(indicator.values.map((value) => value.value));
  const xs = spreadX(years.length, PLOT.left + 24, PLOT.right - 24);
  const summary = text('chartSummary', {
    name: indicator.name,
    unit: indicator.unit,
    direction: text(`benchmarkDirection.${indicator.direction}`),
    ranks: indicator.ranks
      .map((rank) =>
        rank.rank === null
          ? text('rankNone', { year: rank.year })
          : text('rank', { year: rank.year, rank: rank.rank, of: rank.of }),
      )
      .join('、'),
  });
  const series = subjects.map((subject) => {
    const isOwn = indicator.values.some((value) => value.subject === subject && value.isOwnCity);
    const points = years
      .map((year, index) => {
        const value = indicator.values.find((item) => item.subject === subject && item.year === year);
        return value ? { x: xs[index]!, y: scaleY(value.value, axis, PLOT.top, PLOT.bottom) } : null;
      })
      .filter((point): point is { x: number; y: number } => point !== null);
    return { subject, isOwn, points };
  });
  // This city is drawn last, on top.
  series.sort((a, b) => Number(a.isOwn) - Number(b.isOwn));
  const ownWord = text('ownCity');
  const nameOf = (line: { subject: string; isOwn: boolean }) =>
    line.isOwn && line.subject !== ownWord ? `${line.subject}（${ownWord}）` : line.subject;
  // End labels are moved apart so that close lines keep readable names.
  const labelY = new Map<string, number>();
  const ends = series
    .filter((line) => line.points.length > 0)
    .map((line) => ({ subject: line.subject, y: line.points.at(-1)!.y + 4 }))
    .sort((a, b) => a.y - b.y);
  for (const [index, end] of ends.entries()) {
    const previous = index > 0 ? labelY.get(ends[index - 1]!.subject)! : Number.NEGATIVE_INFINITY;
    labelY.set(end.subject, Math.max(end.y, previous + 15));
  }
  let comparatorIndex = 0;
  return (
    <figure className="flex flex-col gap-2">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        className="h-auto w-full max-w-3xl"
      >
        <title id={titleId}>{summary}</title>
        {axis.ticks.map((tick) => {
          const y = scaleY(tick, axis, PLOT.top, PLOT.bottom);
          return (
            <g key={tick}>
              <line x1={PLOT.left} x2={PLOT.right} y1={y} y2={y} className="stroke-solid-gray-200" />
              <text x={PLOT.left - 8} y={y + 4} textAnchor="end" className="fill-solid-gray-700 text-[12px]">
                {tick.toLocaleString('ja-JP')}
              </text>
            </g>
          );
        })}
        <text x={8} y={PLOT.top - 8} className="fill-solid-gray-700 text-[12px]">
          {indicator.unit}
        </text>
        {years.map((year, index) => (
          <text
            key={year}
            x={xs[index]}
            y={PLOT.bottom + 24}
            textAnchor="middle"
            className="fill-solid-gray-700 text-[12px]"
          >
            {year}
          </text>
        ))}
        <line
          x1={PLOT.left}
          x2={PLOT.right}
          y1={PLOT.bottom}
          y2={PLOT.bottom}
          className="stroke-solid-gray-600"
        />
        {series.map((line) => {
          const markerIndex = line.isOwn ? 0 : comparatorIndex++;
          const last = line.points.at(-1);
          return (
            <g key={line.subject}>
              <polyline
                points={line.points.map((point) => `${point.x},${point.y}`).join(' ')}
                fill="none"
                className={line.isOwn ? 'stroke-blue-900' : 'stroke-solid-gray-600'}
                strokeWidth={line.isOwn ? 4 : 1.5}
                strokeDasharray={line.isOwn ? undefined : DASHES[markerIndex % DASHES.length]}
              />
              {line.points.map((point) => (
                <Marker key={`${point.x}`} x={point.x} y={point.y} index={markerIndex} isOwn={line.isOwn} />
              ))}
              {last ? (
                <text
                  x={PLOT.right + 12}
                  y={labelY.get(line.subject) ?? last.y + 4}
                  className={
                    line.isOwn ? 'fill-blue-1000 text-[13px] font-bold' : 'fill-solid-gray-800 text-[12px]'
                  }
                >
                  {nameOf(line)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="text-std-16N-170 text-solid-gray-700">
        {indicator.name}（{indicator.unit}・{text(`benchmarkDirection.${indicator.direction}`)}）
        {indicator.source ? ` — ${indicator.source}` : ''}
      </figcaption>
    </figure>
  );
}

/** The values behind the chart, years across, this city's row first and marked in words. */
export function BenchmarkTable({ indicator }: { indicator: Indicator }) {
  const text = useAnalysisText();
  const years = [...new Set(indicator.values.map((value) => value.year))].sort((a, b) => a - b);
  const subjects = [...new Set(indicator.values.map((value) => value.subject))].sort((a, b) => {
    const own = (subject: string) =>
      indicator.values.some((value) => value.subject === subject && value.isOwnCity);
    return Number(own(b)) - Number(own(a));
  });
  return (
    <div className="overflow-x-auto">
      <table className="border-collapse text-left text-std-16N-170">
        <caption className="mb-2 text-left text-std-17B-170">
          {text('tableCaption', { name: indicator.name, unit: indicator.unit })}
        </caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-600">
            <th scope="col" className="px-3 py-2">
              {text('subject')}
            </th>
            {years.map((year) => (
              <th key={year} scope="col" className="px-3 py-2 text-right">
                {year}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {subjects.map((subject) => {
            const isOwn = indicator.values.some((value) => value.subject === subject && value.isOwnCity);
            return (
              <tr
                key={subject}
                className={`border-b border-solid-gray-300 ${isOwn ? 'bg-blue-50 font-bold' : ''}`}
              >
                <th scope="row" className="px-3 py-2">
                  {subject}
                  {isOwn && subject !== text('ownCity') ? `（${text('ownCity')}）` : ''}
                  {isOwn && subject === text('ownCity') ? (
                    <span className="sr-only">（{text('ownCity')}）</span>
                  ) : null}
                </th>
                {years.map((year) => {
                  const value = indicator.values.find(
                    (item) => item.subject === subject && item.year === year,
                  );
                  return (
                    <td key={year} className="px-3 py-2 text-right tabular-nums">
                      {value ? value.value.toLocaleString('ja-JP') : '—'}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
