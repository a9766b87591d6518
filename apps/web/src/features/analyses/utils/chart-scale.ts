/** Pure helpers for the benchmark chart: a value axis with round ticks, and positions. */

export type Axis = { min: number; max: number; ticks: number[] };

function niceStep(range: number, targetTicks: number): number {
  const rough = range / Math.max(1, targetTicks);
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** An axis covering the values with 4–6 round ticks; a flat series gets a band around its value. */
export function valueAxis(values: readonly number[], targetTicks = 5): Axis {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return { min: 0, max: 1, ticks: [0, 1] };
  let low = Math.min(...finite);
  let high = Math.max(...finite);
  if (low === high) {
    const pad = Math.abs(low) > 0 ? Math.abs(low) * 0.1 : 1;
    low -= pad;
    high += pad;
  }
  const step = niceStep(high - low, targetTicks);
  const min = Math.floor(low / step) * step;
  const max = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let tick = min; tick <= max + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return { min, max, ticks };
}

/** Maps a value onto a pixel range (top is the axis maximum, as SVG y grows downward). */
export function scaleY(value: number, axis: Axis, top: number, bottom: number): number {
  if (axis.max === axis.min) return (top + bottom) / 2;
  return bottom - ((value - axis.min) / (axis.max - axis.min)) * (bottom - top);
}

/** Positions n points evenly across a pixel range (a single point sits in the middle). */
export function spreadX(count: number, left: number, right: number): number[] {
  if (count <= 1) return [(left + right) / 2];
  return Array.from({ length: count }, (_, index) => left + ((right - left) * index) / (count - 1));
}
