import { z } from 'zod';
import type { Locale, LocalizedText } from './messages';

/**
 * 比較分析: an indicator is compared between this city and comparators (other designated cities,
 * similar private operators); whether a lower or a higher value is better depends on the indicator.
 */
export const BENCHMARK_DIRECTIONS = ['lower_is_better', 'higher_is_better'] as const;

export type BenchmarkDirection = (typeof BENCHMARK_DIRECTIONS)[number];

/** Zod schema for a benchmark direction identifier. */
export const benchmarkDirectionSchema = z.enum(BENCHMARK_DIRECTIONS);

const DIRECTION_LABELS: Readonly<Record<BenchmarkDirection, LocalizedText>> = {
  lower_is_better: { ja: '低いほど良い', en: 'Lower is better' },
  higher_is_better: { ja: '高いほど良い', en: 'Higher is better' },
};

// Returns the display name of a benchmark direction (低いほど良い / 高いほど良い).
export function benchmarkDirectionLabel(direction: BenchmarkDirection, locale: Locale = 'ja'): string {
  const label = DIRECTION_LABELS[direction];
  if (label === undefined) throw new RangeError(`Unknown benchmark direction: ${JSON.stringify(direction)}`);
  return label[locale];
}

/** One compared value of one year. */
export type BenchmarkPoint = { subject: string; isOwnCity: boolean; value: number };

/** This city's place among the compared values of a year: 1 is best; ties share a place (1, 2, 2, 4). */
export type BenchmarkRank = { rank: number | null; of: number };

// Ranks this city among the values of one year by the indicator's direction; rank is null when the city has no value.
export function rankOwnCity(points: readonly BenchmarkPoint[], direction: BenchmarkDirection): BenchmarkRank {
  if (!(BENCHMARK_DIRECTIONS as readonly string[]).includes(direction)) {
    throw new RangeError(`Unknown benchmark direction: ${JSON.stringify(direction)}`);
  }
  const finite = points.filter((point) => Number.isFinite(point.value));
  const own = finite.find((point) => point.isOwnCity);
  if (own === undefined) return { rank: null, of: finite.length };
  const isBetter = (other: number) =>
    direction === 'lower_is_better' ? other < own.value : other > own.value;
  const betterCount = finite.filter((point) => isBetter(point.value)).length;
  return { rank: betterCount + 1, of: finite.length };
}
