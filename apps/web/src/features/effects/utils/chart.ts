import { parseYenText } from './yen';

export type ChartYear = {
  fiscalYear: number;
  label: string;
  actual: bigint;
  planned: bigint;
  cumulative: bigint;
};

export type ChartGeometry = {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** The value at the top of the axis (whole yen). */
  max: bigint;
  bars: {
    fiscalYear: number;
    label: string;
    x: number;
    width: number;
    actual: { y: number; height: number };
    planned: { y: number; height: number };
  }[];
  line: { x: number; y: number }[];
  targetY: number;
  ticks: { value: bigint; y: number }[];
};

/** Reads the ledger's years into bigints. */
export function chartYears(
  byYear: {
    fiscalYear: number;
    label: string;
    amounts: { planned: string; actual: string };
    cumulative: { total: string };
  }[],
): ChartYear[] {
  return byYear.map((year) => ({
    fiscalYear: year.fiscalYear,
    label: year.label,
    actual: parseYenText(year.amounts.actual),
    planned: parseYenText(year.amounts.planned),
    cumulative: parseYenText(year.cumulative.total),
  }));
}

/** A round step for the axis: 1, 2 or 5 times a power of ten, giving about four ticks. */
function niceStep(max: bigint): bigint {
  if (max <= 0n) return 1n;
  const raw = max / 4n || 1n;
  let power = 1n;
  while (power * 10n <= raw) power *= 10n;
  for (const factor of [1n, 2n, 5n, 10n]) if (power * factor >= raw) return power * factor;
  return power * 10n;
}

/**
 * Lays out the target chart: a stacked bar per year (actual below, planned above), the cumulative
 * line and the target line, on an axis from 0 to a round value above the largest of them. Negative
 * yearly amounts are drawn as zero-height bars (the table beside the chart gives the exact figures).
 */
export function chartGeometry(
  years: ChartYear[],
  target: bigint,
  size = { width: 720, height: 360 },
): ChartGeometry {
  const plot = { left: 72, top: 16, right: size.width - 16, bottom: size.height - 40 };
  const positive = (value: bigint) => (value > 0n ? value : 0n);
  let top = target > 0n ? target : 0n;
  for (const year of years) {
    const stack = positive(year.actual) + positive(year.planned);
    if (stack > top) top = stack;
    if (year.cumulative > top) top = year.cumulative;
  }
  const step = niceStep(top);
  const max = top === 0n ? step : ((top + step - 1n) / step) * step;
  const plotHeight = plot.bottom - plot.top;
  const yOf = (value: bigint) =>
    plot.bottom - Number((positive(value) * BigInt(Math.round(plotHeight * 1000))) / max) / 1000;
  const slot = years.length > 0 ? (plot.right - plot.left) / years.length : 0;
  const barWidth = Math.min(72, slot * 0.5);
  const bars = years.map((year, index) => {
    const x = plot.left + slot * index + (slot - barWidth) / 2;
    const actualTop = yOf(positive(year.actual));
    const stackTop = yOf(positive(year.actual) + positive(year.planned));
    return {
      fiscalYear: year.fiscalYear,
      label: year.label,
      x,
      width: barWidth,
      actual: { y: actualTop, height: plot.bottom - actualTop },
      planned: { y: stackTop, height: actualTop - stackTop },
    };
  });
  const line = years.map((year, index) => ({
    x: plot.left + slot * index + slot / 2,
    y: yOf(year.cumulative),
  }));
  const ticks: { value: bigint; y: number }[] = [];
  for (let value = 0n; value <= max; value += step) ticks.push({ value, y: yOf(value) });
  return { width: size.width, height: size.height, plot, max, bars, line, targetY: yOf(target), ticks };
}
