import { describe, expect, it } from 'vitest';
import {
  BENCHMARK_DIRECTIONS,
  type BenchmarkDirection,
  type BenchmarkPoint,
  benchmarkDirectionLabel,
  benchmarkDirectionSchema,
  rankOwnCity,
} from './benchmarks';
import { seededRandom } from './test-support';

const point = (subject: string, value: number, isOwnCity = false): BenchmarkPoint => ({
  subject,
  value,
  isOwnCity,
});

describe('benchmark directions', () => {
  it('are labelled in both languages', () => {
    expect(BENCHMARK_DIRECTIONS.map((direction) => benchmarkDirectionLabel(direction))).toEqual([
      '低いほど良い',
      '高いほど良い',
    ]);
    expect(benchmarkDirectionLabel('higher_is_better', 'en')).toBe('Higher is better');
    expect(() => benchmarkDirectionLabel('sideways' as BenchmarkDirection)).toThrow(RangeError);
    expect(benchmarkDirectionSchema.safeParse('lower_is_better').success).toBe(true);
    expect(benchmarkDirectionSchema.safeParse('lower').success).toBe(false);
  });
});

describe('rankOwnCity', () => {
  const values = [point('本市', 120, true), point('A市', 100), point('B市', 150), point('C市', 120)];

  it('ranks the lowest first when lower is better, ties sharing a place', () => {
    expect(rankOwnCity(values, 'lower_is_better')).toEqual({ rank: 2, of: 4 });
  });

  it('ranks the highest first when higher is better', () => {
    expect(rankOwnCity(values, 'higher_is_better')).toEqual({ rank: 2, of: 4 });
    expect(rankOwnCity([point('本市', 200, true), ...values.slice(1)], 'higher_is_better')).toEqual({
      rank: 1,
      of: 4,
    });
  });

  it('has no rank without a value for this city, and ignores values that are not numbers', () => {
    expect(rankOwnCity(values.slice(1), 'lower_is_better')).toEqual({ rank: null, of: 3 });
    expect(rankOwnCity([...values, point('D市', Number.NaN)], 'lower_is_better')).toEqual({ rank: 2, of: 4 });
    expect(rankOwnCity([], 'lower_is_better')).toEqual({ rank: null, of: 0 });
  });

  it('refuses an unknown direction', () => {
    expect(() => rankOwnCity(values, 'best' as BenchmarkDirection)).toThrow(RangeError);
  });

  it('agrees with sorting for random inputs', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 500; round++) {
      const count = 1 + (random() % 12);
      const points = Array.from({ length: count }, (_, index) =>
        point(`S${index}`, random() % 10, index === 0),
      );
      for (const direction of BENCHMARK_DIRECTIONS) {
        const sorted = [...points].sort((a, b) =>
          direction === 'lower_is_better' ? a.value - b.value : b.value - a.value,
        );
        const firstIndexOfOwnValue = sorted.findIndex((candidate) => candidate.value === points[0]!.value);
        expect(rankOwnCity(points, direction)).toEqual({ rank: firstIndexOfOwnValue + 1, of: count });
      }
    }
  });
});
