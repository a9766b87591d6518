import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { analysisReportDrafts, users } from '../../db/schema/index.ts';

export type ReportDraftRow = typeof analysisReportDrafts.$inferSelect;

/** The saved drafts of an analysis's report sections, with who saved each last. */
export async function listReportDrafts(db: Executor, analysisId: string) {
  return db
    .select({ draft: analysisReportDrafts, updatedByName: users.displayName })
    .from(analysisReportDrafts)
    .leftJoin(users, eq(users.id, analysisReportDrafts.updatedBy))
    .where(eq(analysisReportDrafts.analysisId, analysisId))
    .orderBy(asc(analysisReportDrafts.section));
}

/** One section's draft, locked for update, or null. */
export async function lockReportDraft(
  db: Executor,
  analysisId: string,
  section: string,
): Promise<ReportDraftRow | null> {
  const rows = await db
    .select()
    .from(analysisReportDrafts)
    .where(and(eq(analysisReportDrafts.analysisId, analysisId), eq(analysisReportDrafts.section, section)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

/** Adds a section's first draft; null when another request added one first. */
export async function insertReportDraft(
  db: Executor,
  values: Omit<typeof analysisReportDrafts.$inferInsert, 'version' | 'updatedAt'>,
): Promise<ReportDraftRow | null> {
  const rows = await db
    .insert(analysisReportDrafts)
    .values({ ...values, version: 1 })
    .onConflictDoNothing()
    .returning();
  return rows[0] ?? null;
}

/** Replaces a section's draft and bumps its version. */
export async function updateReportDraft(
  db: Executor,
  current: ReportDraftRow,
  values: { content: unknown; baseVersion: number; updatedBy: string | null },
): Promise<ReportDraftRow> {
  const rows = await db
    .update(analysisReportDrafts)
    .set({ ...values, version: current.version + 1, updatedAt: new Date() })
    .where(
      and(
        eq(analysisReportDrafts.analysisId, current.analysisId),
        eq(analysisReportDrafts.section, current.section),
      ),
    )
    .returning();
  return rows[0]!;
}

/** Removes the drafts of some sections (after they were saved to the working copy, or discarded). */
export async function deleteReportDrafts(
  db: Executor,
  analysisId: string,
  sections: string[],
): Promise<void> {
  if (sections.length === 0) return;
  await db
    .delete(analysisReportDrafts)
    .where(
      and(eq(analysisReportDrafts.analysisId, analysisId), inArray(analysisReportDrafts.section, sections)),
    );
}
