import type { NeedChannel, NeedLinkKind, NeedSide, NeedStatus } from '@totonoe/domain';
import { and, count, desc, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  analyses,
  clusterRevisions,
  initiatives,
  needImports,
  needLinks,
  needs,
} from '../../db/schema/index.ts';

export type NeedRow = typeof needs.$inferSelect;
export type NeedLinkRow = typeof needLinks.$inferSelect;

export type NeedFilter = {
  fiscalYear?: number;
  orgUnitIds?: string[];
  status?: NeedStatus;
  side?: NeedSide;
  channel?: NeedChannel;
  link?: { kind: NeedLinkKind; targetId: string };
  isPublic?: boolean;
  q?: string;
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function conditionsOf(filter: NeedFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.fiscalYear) conditions.push(eq(needs.fiscalYear, filter.fiscalYear));
  if (filter.orgUnitIds) conditions.push(inArray(needs.orgUnitId, filter.orgUnitIds));
  if (filter.status) conditions.push(eq(needs.status, filter.status));
  if (filter.side) conditions.push(eq(needs.side, filter.side));
  if (filter.channel) conditions.push(eq(needs.channel, filter.channel));
  if (filter.isPublic !== undefined) conditions.push(eq(needs.isPublic, filter.isPublic));
  if (filter.q) conditions.push(ilike(needs.body, `%${escapeLike(filter.q)}%`));
  if (filter.link) {
    conditions.push(
      sql`exists (select 1 from ${needLinks} where ${needLinks.needId} = ${needs.id} and ${needLinks.kind} = ${filter.link.kind} and ${needLinks.targetId} = ${filter.link.targetId})`,
    );
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** A page of needs matching a filter, newest first, with the total. */
export async function listNeeds(db: Executor, filter: NeedFilter, page: number, pageSize: number) {
  if (filter.orgUnitIds?.length === 0) return { rows: [] as NeedRow[], total: 0 };
  const where = conditionsOf(filter);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(needs)
      .where(where)
      .orderBy(desc(needs.receivedOn), desc(needs.createdAt), desc(needs.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(needs).where(where),
  ]);
  return { rows, total: Number(totals[0]?.total ?? 0) };
}

/** One need, or null. */
export async function findNeed(db: Executor, id: string): Promise<NeedRow | null> {
  const rows = await db.select().from(needs).where(eq(needs.id, id)).limit(1);
  return rows[0] ?? null;
}

/** One need locked for update, or null. */
export async function lockNeed(db: Executor, id: string): Promise<NeedRow | null> {
  const rows = await db.select().from(needs).where(eq(needs.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

/** The links of needs. */
export function listLinks(db: Executor, needIds: string[]): Promise<NeedLinkRow[]> {
  if (needIds.length === 0) return Promise.resolve([]);
  return db.select().from(needLinks).where(inArray(needLinks.needId, needIds));
}

/** Inserts needs. */
export async function insertNeeds(db: Executor, values: (typeof needs.$inferInsert)[]): Promise<NeedRow[]> {
  if (values.length === 0) return [];
  return db.insert(needs).values(values).returning();
}

/** Changes a need and bumps its version. */
export async function updateNeedRow(
  db: Executor,
  row: NeedRow,
  values: Partial<typeof needs.$inferInsert>,
): Promise<NeedRow> {
  const rows = await db
    .update(needs)
    .set({ ...values, version: row.version + 1, updatedAt: new Date() })
    .where(eq(needs.id, row.id))
    .returning();
  return rows[0]!;
}

/** Replaces the links of a need. */
export async function replaceLinks(
  db: Executor,
  needId: string,
  links: { kind: NeedLinkKind; targetId: string }[],
) {
  await db.delete(needLinks).where(eq(needLinks.needId, needId));
  if (links.length) await db.insert(needLinks).values(links.map((link) => ({ needId, ...link })));
}

/** Adds links to many needs at once. */
export async function insertLinks(
  db: Executor,
  links: { needId: string; kind: NeedLinkKind; targetId: string }[],
) {
  if (links.length) await db.insert(needLinks).values(links).onConflictDoNothing();
}

/** Records an import. */
export async function insertImport(db: Executor, values: typeof needImports.$inferInsert) {
  const rows = await db.insert(needImports).values(values).returning();
  return rows[0]!;
}

/** Which of the ids exist as the given kind of link target. */
export async function existingTargets(db: Executor, kind: NeedLinkKind, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  let rows: { id: string }[];
  if (kind === 'cluster') {
    rows = await db
      .selectDistinct({ id: clusterRevisions.clusterId })
      .from(clusterRevisions)
      .where(inArray(clusterRevisions.clusterId, ids));
  } else if (kind === 'analysis') {
    rows = await db.select({ id: analyses.id }).from(analyses).where(inArray(analyses.id, ids));
  } else {
    rows = await db.select({ id: initiatives.id }).from(initiatives).where(inArray(initiatives.id, ids));
  }
  return new Set(rows.map((row) => row.id));
}

/** Every cluster revision: number and name by year, for reading cluster numbers and labelling links. */
export function listClusterRevisions(db: Executor) {
  return db
    .select({
      clusterId: clusterRevisions.clusterId,
      number: clusterRevisions.number,
      name: clusterRevisions.name,
      from: clusterRevisions.validFromFiscalYear,
      to: clusterRevisions.validToFiscalYear,
    })
    .from(clusterRevisions);
}

/** Titles of initiatives and labels of analyses, for showing links. */
export async function linkTargetLabels(db: Executor, links: NeedLinkRow[]) {
  const labels = new Map<string, string>();
  const initiativeIds = links.filter((link) => link.kind === 'initiative').map((link) => link.targetId);
  if (initiativeIds.length) {
    for (const row of await db
      .select({ id: initiatives.id, title: initiatives.title })
      .from(initiatives)
      .where(inArray(initiatives.id, initiativeIds))) {
      labels.set(row.id, row.title);
    }
  }
  const analysisIds = links.filter((link) => link.kind === 'analysis').map((link) => link.targetId);
  if (analysisIds.length) {
    for (const row of await db
      .select({ id: analyses.id, clusterId: analyses.clusterId, fiscalYear: analyses.fiscalYear })
      .from(analyses)
      .where(inArray(analyses.id, analysisIds))) {
      labels.set(row.id, `${row.clusterId}:${row.fiscalYear}`);
    }
  }
  return labels;
}
