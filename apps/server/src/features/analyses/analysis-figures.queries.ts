import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  analysisBenchmarkIndicators,
  analysisBenchmarkValues,
  analysisEffects,
} from '../../db/schema/index.ts';

export type EffectRow = typeof analysisEffects.$inferSelect;
export type IndicatorRow = typeof analysisBenchmarkIndicators.$inferSelect;
export type BenchmarkValueRow = typeof analysisBenchmarkValues.$inferSelect;
export type IndicatorWithValues = IndicatorRow & { values: BenchmarkValueRow[] };

/** The effect lines of an analysis, in their order. */
export function listEffects(db: Executor, analysisId: string): Promise<EffectRow[]> {
  return db
    .select()
    .from(analysisEffects)
    .where(eq(analysisEffects.analysisId, analysisId))
    .orderBy(asc(analysisEffects.position));
}

/** Replaces the effect lines of an analysis. */
export async function replaceEffects(
  db: Executor,
  analysisId: string,
  lines: Omit<typeof analysisEffects.$inferInsert, 'id' | 'analysisId' | 'position'>[],
) {
  await db.delete(analysisEffects).where(eq(analysisEffects.analysisId, analysisId));
  if (lines.length > 0) {
    await db
      .insert(analysisEffects)
      .values(lines.map((line, position) => ({ ...line, analysisId, position })));
  }
}

/** The benchmark indicators of an analysis with their values (by year, this city first, then by subject). */
export async function listIndicators(db: Executor, analysisId: string): Promise<IndicatorWithValues[]> {
  const indicators = await db
    .select()
    .from(analysisBenchmarkIndicators)
    .where(eq(analysisBenchmarkIndicators.analysisId, analysisId))
    .orderBy(asc(analysisBenchmarkIndicators.position), asc(analysisBenchmarkIndicators.name));
  if (indicators.length === 0) return [];
  const values = await db
    .select()
    .from(analysisBenchmarkValues)
    .where(
      inArray(
        analysisBenchmarkValues.indicatorId,
        indicators.map((indicator) => indicator.id),
      ),
    )
    .orderBy(
      asc(analysisBenchmarkValues.year),
      desc(analysisBenchmarkValues.isOwnCity),
      asc(analysisBenchmarkValues.subject),
    );
  const byIndicator = new Map<string, BenchmarkValueRow[]>();
  for (const value of values) {
    const list = byIndicator.get(value.indicatorId) ?? [];
    list.push(value);
    byIndicator.set(value.indicatorId, list);
  }
  return indicators.map((indicator) => ({ ...indicator, values: byIndicator.get(indicator.id) ?? [] }));
}

/** One indicator of an analysis, or null. */
export async function findIndicator(
  db: Executor,
  analysisId: string,
  id: string,
): Promise<IndicatorRow | null> {
  const rows = await db
    .select()
    .from(analysisBenchmarkIndicators)
    .where(
      and(eq(analysisBenchmarkIndicators.analysisId, analysisId), eq(analysisBenchmarkIndicators.id, id)),
    )
    .limit(1);
  return rows[0] ?? null;
}

/** Adds an indicator at the end of the list and returns it. */
export async function insertIndicator(
  db: Executor,
  values: Omit<typeof analysisBenchmarkIndicators.$inferInsert, 'id' | 'position'>,
): Promise<IndicatorRow> {
  const existing = await db
    .select({ position: analysisBenchmarkIndicators.position })
    .from(analysisBenchmarkIndicators)
    .where(eq(analysisBenchmarkIndicators.analysisId, values.analysisId));
  const position = existing.reduce((max, row) => Math.max(max, row.position + 1), 0);
  const rows = await db
    .insert(analysisBenchmarkIndicators)
    .values({ ...values, position })
    .returning();
  return rows[0]!;
}

/** Changes an indicator's fields. */
export async function updateIndicator(
  db: Executor,
  id: string,
  values: Partial<Pick<IndicatorRow, 'name' | 'unit' | 'direction' | 'source' | 'note'>>,
) {
  await db.update(analysisBenchmarkIndicators).set(values).where(eq(analysisBenchmarkIndicators.id, id));
}

/** Removes an indicator with its values. */
export async function deleteIndicator(db: Executor, id: string) {
  await db.delete(analysisBenchmarkValues).where(eq(analysisBenchmarkValues.indicatorId, id));
  await db.delete(analysisBenchmarkIndicators).where(eq(analysisBenchmarkIndicators.id, id));
}

/** Replaces all values of an indicator. */
export async function replaceIndicatorValues(
  db: Executor,
  indicatorId: string,
  values: Omit<typeof analysisBenchmarkValues.$inferInsert, 'indicatorId'>[],
) {
  await db.delete(analysisBenchmarkValues).where(eq(analysisBenchmarkValues.indicatorId, indicatorId));
  if (values.length > 0) {
    await db.insert(analysisBenchmarkValues).values(values.map((value) => ({ ...value, indicatorId })));
  }
}

/** Copies the effect lines and benchmark indicators (with values) of one analysis to another. */
export async function copyFigures(db: Executor, fromAnalysisId: string, toAnalysisId: string) {
  const effects = await listEffects(db, fromAnalysisId);
  await replaceEffects(
    db,
    toAnalysisId,
    effects.map(({ id: _id, analysisId: _analysisId, position: _position, ...line }) => line),
  );
  for (const indicator of await listIndicators(db, fromAnalysisId)) {
    const { id: _id, analysisId: _analysisId, position: _position, values, ...fields } = indicator;
    const copy = await insertIndicator(db, { analysisId: toAnalysisId, ...fields });
    await replaceIndicatorValues(
      db,
      copy.id,
      values.map(({ indicatorId: _indicatorId, ...value }) => value),
    );
  }
}
