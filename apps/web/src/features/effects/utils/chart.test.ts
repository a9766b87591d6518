import { describe, expect, it } from 'vitest';
import { chartGeometry, chartYears } from './chart';

const OKU = 100_000_000n;
const years = chartYears([
  {
    fiscalYear: 2024,
    label: '令和6年度',
    amounts: { planned: '0', actual: String((348n * OKU) / 100n) },
    cumulative: { total: String((348n * OKU) / 100n) },
  },
  {
    fiscalYear: 2025,
    label: '令和7年度',
    amounts: { planned: String((311n * OKU) / 10n), actual: String((333n * OKU) / 100n) },
    cumulative: { total: String((3791n * OKU) / 100n) },
  },
  {
    fiscalYear: 2026,
    label: '令和8年度',
    amounts: { planned: String((376n * OKU) / 10n), actual: String((333n * OKU) / 100n) },
    cumulative: { total: String((7884n * OKU) / 100n) },
  },
]);

describe('chartGeometry', () => {
  it('scales to the target when it is the largest value, with round ticks', () => {
    const geometry = chartGeometry(years, 330n * OKU);
    expect(geometry.max).toBe(400n * OKU);
    expect(geometry.ticks.map((tick) => tick.value)).toEqual([
      0n,
      100n * OKU,
      200n * OKU,
      300n * OKU,
      400n * OKU,
    ]);
    expect(geometry.targetY).toBeCloseTo(
      geometry.plot.bottom - ((geometry.plot.bottom - geometry.plot.top) * 330) / 400,
      1,
    );
  });

  it('stacks planned above actual and draws the cumulative line rising', () => {
    const geometry = chartGeometry(years, 330n * OKU);
    const [first, second] = geometry.bars;
    expect(first!.planned.height).toBe(0);
    expect(second!.planned.y + second!.planned.height).toBeCloseTo(second!.actual.y, 5);
    expect(geometry.line[0]!.y).toBeGreaterThan(geometry.line[2]!.y);
  });

  it('never draws a negative bar and copes with an empty ledger', () => {
    const negative = chartYears([
      { fiscalYear: 2024, label: 'x', amounts: { planned: '0', actual: '-5' }, cumulative: { total: '-5' } },
    ]);
    const geometry = chartGeometry(negative, 0n);
    expect(geometry.bars[0]!.actual.height).toBe(0);
    expect(geometry.max).toBeGreaterThan(0n);
    expect(chartGeometry([], 10n).bars).toEqual([]);
  });
});
