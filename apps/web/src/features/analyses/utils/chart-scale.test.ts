import { describe, expect, it } from 'vitest';
import { scaleY, spreadX, valueAxis } from './chart-scale';

describe('benchmark chart scale', () => {
  it('covers the values with round ticks', () => {
    const axis = valueAxis([1980, 2600, 2250]);
    expect(axis.min).toBeLessThanOrEqual(1980);
    expect(axis.max).toBeGreaterThanOrEqual(2600);
    expect(axis.ticks).toEqual([1800, 2000, 2200, 2400, 2600]);
  });

  it('gives a flat or empty series a visible band', () => {
    expect(valueAxis([5, 5]).ticks.length).toBeGreaterThanOrEqual(2);
    expect(valueAxis([]).ticks).toEqual([0, 1]);
    expect(valueAxis([0, 0]).min).toBeLessThan(0);
  });

  it('places values and points', () => {
    const axis = { min: 0, max: 100, ticks: [0, 100] };
    expect(scaleY(0, axis, 10, 110)).toBe(110);
    expect(scaleY(100, axis, 10, 110)).toBe(10);
    expect(spreadX(3, 0, 100)).toEqual([0, 50, 100]);
    expect(spreadX(1, 0, 100)).toEqual([50]);
  });
});
