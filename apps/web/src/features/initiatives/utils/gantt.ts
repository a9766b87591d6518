import type { QuarterRef } from '../types';

/** A running number for a quarter, so spans can be laid out (FY×4 + quarter−1). */
export function quarterOrdinal(ref: QuarterRef): number {
  return ref.fiscalYear * 4 + (ref.quarter - 1);
}

/**
 * Where a milestone sits among the roadmap's quarter columns: the first column it covers and how
 * many; null when it lies wholly outside. A span that starts or ends beyond the columns is clipped.
 */
export function ganttPlacement(
  milestone: { from: QuarterRef; to: QuarterRef },
  columns: readonly QuarterRef[],
): { start: number; span: number } | null {
  if (columns.length === 0) return null;
  const first = quarterOrdinal(columns[0]!);
  const last = quarterOrdinal(columns.at(-1)!);
  const from = Math.max(quarterOrdinal(milestone.from), first);
  const to = Math.min(quarterOrdinal(milestone.to), last);
  if (from > to) return null;
  return { start: from - first, span: to - from + 1 };
}
