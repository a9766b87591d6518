import { useNavigate } from '@tanstack/react-router';
import { type MouseEvent, useId } from 'react';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useScheduleText } from '../messages';
import type { Schedule } from '../types';
import { layoutLanes, type MonthColumn, spanFractions } from '../utils/chart-layout';
import { entryHref } from './schedule-links';

const WIDTH = 1000;
const LANE_WIDTH = 150;
const HEADER = 28;
const ROW = 36;
const MEETING_LANE = 96;
const BLUE = '#0031d8';
const RED = '#ec0000';

/** Splits a lane name over lines of at most `size` characters (SVG text does not wrap). */
function lines(text: string, size: number): string[] {
  const result: string[] = [];
  for (let index = 0; index < text.length; index += size) result.push(text.slice(index, index + size));
  return result;
}

/**
 * The year's schedule as slide 3 draws it: lanes over month columns, each entry at its real
 * precision (10月上旬 covers the 1st–10th), meetings as milestones, today's line. Drawn in SVG so
 * that it prints crisply; the table that follows carries the same entries for screen readers and
 * keyboards, so the chart's own links are for pointers only.
 */
export function ScheduleChart({ schedule, months }: { schedule: Schedule; months: MonthColumn[] }) {
  const text = useScheduleText();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const titleId = useId();
  const chartWidth = WIDTH - LANE_WIDTH;
  const x = (fraction: number) => LANE_WIDTH + fraction * chartWidth;
  const layouts = layoutLanes(
    schedule.entries,
    schedule.lanes.map((lane) => lane.code),
    months,
  );
  const heights = layouts.map((layout) =>
    layout.lane === 'x_meeting' ? MEETING_LANE : layout.rows * ROW + 8,
  );
  const total = HEADER + heights.reduce((sum, height) => sum + height, 0);
  const today = spanFractions({ start: schedule.today, end: schedule.today }, months);
  const follow = (href: string) => (event: MouseEvent) => {
    event.preventDefault();
    void navigate({ href });
  };
  let top = HEADER;
  const year = language === 'ja' ? `${schedule.fiscalYear}年度` : `FY${schedule.fiscalYear}`;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${total + 18}`} aria-labelledby={titleId} className="w-full">
      <title id={titleId}>{text('chart', { year })}</title>
      {months.map((month, index) => {
        const left = x(index / months.length);
        return (
          <g key={month.start}>
            <rect
              x={left}
              y={0}
              width={chartWidth / months.length}
              height={total}
              fill={index % 2 ? '#fafafa' : '#ffffff'}
              stroke="#cccccc"
            />
            <text
              x={left + chartWidth / months.length / 2}
              y={19}
              fontSize="14"
              fontWeight="bold"
              textAnchor="middle"
              fill="#1a1a1a"
            >
              {language === 'ja'
                ? `${month.month}月`
                : new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(
                    new Date(`${month.start}T00:00:00Z`),
                  )}
            </text>
          </g>
        );
      })}
      {layouts.map((layout, laneIndex) => {
        const height = heights[laneIndex]!;
        const laneTop = top;
        top += height;
        const lane = schedule.lanes.find((candidate) => candidate.code === layout.lane)!;
        return (
          <g key={layout.lane}>
            <rect x={0} y={laneTop} width={WIDTH} height={height} fill="none" stroke="#949494" />
            <rect x={0} y={laneTop} width={LANE_WIDTH} height={height} fill="#f1f5fe" stroke="#949494" />
            <text
              x={8}
              y={
                laneTop +
                height / 2 -
                (lines(lane.label[language], language === 'ja' ? 9 : 18).length - 1) * 8
              }
              fontSize="13"
              fontWeight="bold"
              fill="#1a1a1a"
            >
              {lines(lane.label[language], language === 'ja' ? 9 : 18).map((line, index) => (
                <tspan key={line} x={8} dy={index === 0 ? 4 : 16}>
                  {line}
                </tspan>
              ))}
            </text>
            {layout.entries.map((placed, index) => {
              const href = entryHref(placed.entry, schedule.fiscalYear);
              const left = x(placed.from);
              const width = Math.max(x(placed.to) - left, 3);
              const title = `${placed.entry.label}（${placed.entry.spanLabel[language]}）`;
              if (placed.entry.isMilestone) {
                const middle = laneTop + height / 2;
                const isBelow = index % 2 === 1;
                const centre = left + width / 2;
                const body = (
                  <>
                    <title>{title}</title>
                    <rect
                      x={left}
                      y={middle - 5}
                      width={width}
                      height={10}
                      fill={placed.entry.isDone ? BLUE : '#ffffff'}
                      stroke={BLUE}
                      strokeWidth="1.5"
                    />
                    <text
                      x={centre}
                      y={isBelow ? middle + 22 : middle - 24}
                      fontSize="11"
                      fontWeight="bold"
                      textAnchor="middle"
                      fill="#1a1a1a"
                    >
                      {placed.entry.label}
                    </text>
                    <text
                      x={centre}
                      y={isBelow ? middle + 36 : middle - 10}
                      fontSize="11"
                      textAnchor="middle"
                      fill="#1a1a1a"
                    >
                      {placed.entry.spanLabel[language]}
                    </text>
                  </>
                );
                return href ? (
                  <a key={placed.entry.id} href={href} onClick={follow(href)}>
                    {body}
                  </a>
                ) : (
                  <g key={placed.entry.id}>{body}</g>
                );
              }
              const barTop = laneTop + 6 + placed.row * ROW;
              const clipId = `schedule-clip-${laneIndex}-${index}`;
              const body = (
                <>
                  <title>{title}</title>
                  <clipPath id={clipId}>
                    <rect x={left} y={barTop} width={x(placed.labelTo) - left - 2} height={ROW - 6} />
                  </clipPath>
                  <rect
                    x={left}
                    y={barTop}
                    width={width}
                    height={ROW - 6}
                    fill={placed.entry.isSpanningYear ? '#e8f0fe' : '#f1f5fe'}
                    stroke={BLUE}
                  />
                  <g clipPath={`url(#${clipId})`}>
                    <text x={left + 3} y={barTop + 12} fontSize="11" fill="#1a1a1a">
                      {placed.entry.label}
                    </text>
                    <text x={left + 3} y={barTop + 25} fontSize="10" fill="#595959">
                      {placed.entry.spanLabel[language]}
                    </text>
                  </g>
                </>
              );
              return href ? (
                <a key={placed.entry.id} href={href} onClick={follow(href)}>
                  {body}
                </a>
              ) : (
                <g key={placed.entry.id}>{body}</g>
              );
            })}
          </g>
        );
      })}
      {today ? (
        <g>
          <line
            x1={x(today.from)}
            x2={x(today.from)}
            y1={0}
            y2={total}
            stroke={RED}
            strokeWidth="2"
            strokeDasharray="6 4"
          />
          <text x={x(today.from)} y={total + 14} fontSize="12" fill={RED} textAnchor="middle">
            {text('today')}
          </text>
        </g>
      ) : null}
    </svg>
  );
}
