import type { IdeaStatus, IssueStatus, PlatinumTheme } from '@totonoe/domain';
import { and, asc, count, desc, eq, getTableColumns, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import {
  orgUnits,
  platinumComments,
  platinumIdeaSimilarityKeys,
  platinumIdeas,
  platinumIssues,
  platinumSupports,
  users,
} from '../../db/schema/index.ts';

export type IdeaRow = typeof platinumIdeas.$inferSelect;
export type IdeaValues = typeof platinumIdeas.$inferInsert;

const mergedInto = alias(platinumIdeas, 'merged_into');

/** What lists and detail pages read about an idea; author fields are for the presenter to drop. */
function ideaColumns(viewerId: string) {
  return {
    idea: platinumIdeas,
    issueNumber: platinumIssues.number,
    issueTitle: platinumIssues.title,
    issueStatus: platinumIssues.status,
    issueStatusReason: platinumIssues.statusReason,
    mergedIntoNumber: mergedInto.number,
    mergedIntoTitle: mergedInto.title,
    authorName: users.displayName,
    authorOrgUnitName: orgUnits.name,
    isSupportedByViewer: sql<boolean>`exists (select 1 from ${platinumSupports} where ${platinumSupports.ideaId} = ${platinumIdeas.id} and ${platinumSupports.userId} = ${viewerId})`,
  };
}

// A list shows a summary: the search keys (a copy of every text) and the expected effect stay in the
// database, which halves what a page of 50 ideas carries from it.
const {
  searchKey: _searchKey,
  similarityKey: _similarityKey,
  expectedEffect: _expectedEffect,
  ...summaryIdeaColumns
} = getTableColumns(platinumIdeas);

/** An idea as lists show it: what its summary needs. */
export type IdeaSummaryRow = Omit<IdeaListRow, 'idea'> & {
  idea: Omit<IdeaRow, 'searchKey' | 'similarityKey' | 'expectedEffect'>;
};

export type IdeaListRow = {
  idea: IdeaRow;
  issueNumber: number | null;
  issueTitle: string | null;
  issueStatus: IssueStatus | null;
  issueStatusReason: string | null;
  mergedIntoNumber: number | null;
  mergedIntoTitle: string | null;
  authorName: string | null;
  authorOrgUnitName: string | null;
  isSupportedByViewer: boolean;
};

export const IDEA_SORTS = ['newest', 'oldest', 'supports'] as const;
export type IdeaSort = (typeof IDEA_SORTS)[number];

export type IdeaFilter = {
  campaignId?: string;
  theme?: PlatinumTheme;
  /** From ideaProgressCondition: the idea status and, for grouped ideas, the issue statuses. */
  progress?: { ideaStatus: IdeaStatus; issueStatuses: IssueStatus[] | null };
  /** Search terms already passed through normalizeForSearch. */
  terms?: string[];
  issueId?: string;
  isMineOnly?: boolean;
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * Conditions for a list: what the viewer may see, then the filters. `isSameForEveryone` says the
 * conditions do not depend on who asks (no "own ideas", "mine" or search words), so their total
 * may be shared between viewers.
 */
function listConditions(
  filter: IdeaFilter,
  viewer: { id: string; canSeeEverything: boolean },
): { where: SQL | undefined; isSameForEveryone: boolean } {
  const conditions: SQL[] = [];
  const peerVisible: IdeaStatus[] = ['submitted', 'grouped', 'merged'];
  const isOnlyPeerVisible =
    (filter.progress && peerVisible.includes(filter.progress.ideaStatus)) ||
    (!filter.progress && !filter.issueId && !filter.isMineOnly);
  // When the filter already keeps to what peers may see, the visibility test would only cost a full scan.
  const isRestricted = !viewer.canSeeEverything && !isOnlyPeerVisible;
  if (isRestricted) {
    // Withdrawn and hidden ideas are seen by their author (and the reform office) only.
    conditions.push(
      or(
        inArray(platinumIdeas.status, ['submitted', 'grouped', 'merged']),
        eq(platinumIdeas.authorId, viewer.id),
      )!,
    );
  }
  if (filter.campaignId) conditions.push(eq(platinumIdeas.campaignId, filter.campaignId));
  if (filter.theme) conditions.push(eq(platinumIdeas.theme, filter.theme));
  if (filter.issueId) conditions.push(eq(platinumIdeas.issueId, filter.issueId));
  if (filter.isMineOnly) conditions.push(eq(platinumIdeas.authorId, viewer.id));
  if (filter.progress) {
    conditions.push(eq(platinumIdeas.status, filter.progress.ideaStatus));
    if (filter.progress.issueStatuses)
      conditions.push(inArray(platinumIssues.status, filter.progress.issueStatuses));
  } else if (!filter.issueId && !filter.isMineOnly) {
    conditions.push(inArray(platinumIdeas.status, ['submitted', 'grouped']));
  }
  for (const term of filter.terms ?? []) {
    conditions.push(sql`${platinumIdeas.searchKey} like ${`%${escapeLike(term)}%`}`);
  }
  return {
    where: conditions.length ? and(...conditions) : undefined,
    isSameForEveryone: !isRestricted && !filter.isMineOnly && !filter.terms?.length,
  };
}

/** A key naming what a list's total counts, or null when the total depends on who asks. */
export function ideaTotalKey(filter: IdeaFilter, viewer: { id: string; canSeeEverything: boolean }) {
  if (!listConditions(filter, viewer).isSameForEveryone) return null;
  return JSON.stringify([
    filter.campaignId ?? null,
    filter.theme ?? null,
    filter.progress ?? null,
    filter.issueId ?? null,
  ]);
}

// Numbers are handed out in submission order, so ordering by number follows an index (campaign, number)
// and a page is read without sorting the whole campaign. Across campaigns, numbers repeat: the id
// breaks ties so pages do not overlap. The columns are never null, but an index serves an order only
// when its nulls ordering matches too: the descending indexes (supports; number and id across
// campaigns) are DESC NULLS LAST, a plain DESC is NULLS FIRST, so the orders below say which.
const descLast = (column: AnyPgColumn) => sql`${column} desc nulls last`;
function sortOrder(sort: IdeaSort, isOneCampaign: boolean): SQL[] {
  switch (sort) {
    case 'newest':
      return isOneCampaign
        ? [desc(platinumIdeas.number)]
        : [descLast(platinumIdeas.number), descLast(platinumIdeas.id)];
    case 'oldest':
      return isOneCampaign
        ? [asc(platinumIdeas.number)]
        : [sql`${platinumIdeas.number} asc nulls first`, sql`${platinumIdeas.id} asc nulls first`];
    case 'supports':
      return [
        descLast(platinumIdeas.supportCount),
        descLast(platinumIdeas.number),
        ...(isOneCampaign ? [] : [descLast(platinumIdeas.id)]),
      ];
  }
}

/**
 * A page of ideas the viewer may see, filtered and sorted by an allow-listed order. The page is
 * always read live (support counts move all the time); the total comes from `total`, which may
 * answer from a cache (see idea-totals.ts) or call the count given to it.
 */
export async function listIdeas(
  db: Executor,
  filter: IdeaFilter,
  viewer: { id: string; canSeeEverything: boolean },
  options: {
    sort: IdeaSort;
    page: number;
    pageSize: number;
    total?: (count: () => Promise<number>) => Promise<() => Promise<number>>;
  },
): Promise<{ items: IdeaSummaryRow[]; total: number }> {
  const { where } = listConditions(filter, viewer);
  const countIdeas = async () => {
    const totals = await db
      .select({ total: count() })
      .from(platinumIdeas)
      .leftJoin(platinumIssues, eq(platinumIssues.id, platinumIdeas.issueId))
      .where(where);
    return Number(totals[0]?.total ?? 0);
  };
  const total = options.total ? await options.total(countIdeas) : countIdeas;
  const [items, totalCount] = await Promise.all([
    db
      .select({ ...ideaColumns(viewer.id), idea: summaryIdeaColumns })
      .from(platinumIdeas)
      .leftJoin(platinumIssues, eq(platinumIssues.id, platinumIdeas.issueId))
      .leftJoin(mergedInto, eq(mergedInto.id, platinumIdeas.mergedIntoId))
      .leftJoin(users, eq(users.id, platinumIdeas.authorId))
      .leftJoin(orgUnits, eq(orgUnits.id, platinumIdeas.authorOrgUnitId))
      .where(where)
      .orderBy(...sortOrder(options.sort, Boolean(filter.campaignId)))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    total(),
  ]);
  return { items, total: totalCount };
}

/** One idea with what its page shows, or null. */
export async function findIdeaDetail(
  db: Executor,
  id: string,
  viewerId: string,
): Promise<IdeaListRow | null> {
  const rows = await db
    .select(ideaColumns(viewerId))
    .from(platinumIdeas)
    .leftJoin(platinumIssues, eq(platinumIssues.id, platinumIdeas.issueId))
    .leftJoin(mergedInto, eq(mergedInto.id, platinumIdeas.mergedIntoId))
    .leftJoin(users, eq(users.id, platinumIdeas.authorId))
    .leftJoin(orgUnits, eq(orgUnits.id, platinumIdeas.authorOrgUnitId))
    .where(eq(platinumIdeas.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** Every idea of a campaign with its issue status, for exports (author fields are for the presenter to drop). */
export async function listIdeasForExport(
  db: Executor,
  campaignId: string,
  viewer: { id: string; canSeeEverything: boolean },
) {
  return db
    .select(ideaColumns(viewer.id))
    .from(platinumIdeas)
    .leftJoin(platinumIssues, eq(platinumIssues.id, platinumIdeas.issueId))
    .leftJoin(mergedInto, eq(mergedInto.id, platinumIdeas.mergedIntoId))
    .leftJoin(users, eq(users.id, platinumIdeas.authorId))
    .leftJoin(orgUnits, eq(orgUnits.id, platinumIdeas.authorOrgUnitId))
    .where(
      and(
        eq(platinumIdeas.campaignId, campaignId),
        viewer.canSeeEverything
          ? undefined
          : inArray(platinumIdeas.status, ['submitted', 'grouped', 'merged']),
      ),
    )
    .orderBy(asc(platinumIdeas.number));
}

/** One idea row, or null. */
export async function findIdea(db: Executor, id: string): Promise<IdeaRow | null> {
  const rows = await db.select().from(platinumIdeas).where(eq(platinumIdeas.id, id)).limit(1);
  return rows[0] ?? null;
}

/** What a support needs to know of an idea: who wrote it, its status and its count. */
export async function findIdeaForSupport(db: Executor, id: string) {
  const rows = await db
    .select({
      id: platinumIdeas.id,
      authorId: platinumIdeas.authorId,
      status: platinumIdeas.status,
      supportCount: platinumIdeas.supportCount,
    })
    .from(platinumIdeas)
    .where(eq(platinumIdeas.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** One idea row locked for update, or null. */
export async function lockIdea(db: Executor, id: string): Promise<IdeaRow | null> {
  const rows = await db.select().from(platinumIdeas).where(eq(platinumIdeas.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

/** Several idea rows locked for update in id order (a fixed order so two merges cannot deadlock). */
export async function lockIdeas(db: Executor, ids: readonly string[]): Promise<IdeaRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(platinumIdeas)
    .where(inArray(platinumIdeas.id, [...ids]))
    .orderBy(asc(platinumIdeas.id))
    .for('update');
}

/** Inserts an idea. */
export async function insertIdea(db: Executor, values: IdeaValues): Promise<IdeaRow> {
  const rows = await db.insert(platinumIdeas).values(values).returning();
  return rows[0]!;
}

/** Changes an idea and bumps its version. */
export async function updateIdeaRow(
  db: Executor,
  idea: IdeaRow,
  values: Partial<IdeaValues>,
): Promise<IdeaRow> {
  const rows = await db
    .update(platinumIdeas)
    .set({ ...values, version: idea.version + 1, updatedAt: new Date() })
    .where(eq(platinumIdeas.id, idea.id))
    .returning();
  return rows[0]!;
}

/**
 * Live ideas of a campaign whose similarity key shares enough trigrams with the text, best first.
 * The keys are matched in their own table (platinum_idea_similarity_keys, which supports never
 * rewrite), then joined to the ideas for status and counts. Runs in the caller's transaction: the
 * threshold is set for that transaction only.
 */
export async function findSimilarCandidates(
  tx: Executor,
  options: {
    campaignId: string;
    key: string;
    threshold: number;
    limit: number;
    excludeId?: string;
    viewerId: string;
  },
) {
  // The key table is narrow, so the planner rates a scan of all of it as cheap as its indexes, but
  // the % operator costs far more per row than it assumes (city scale: 190 ms scanning, 5 ms through
  // the trigram and campaign indexes). Both settings hold for this transaction only.
  await tx.execute(
    sql`select set_config('pg_trgm.similarity_threshold', ${String(options.threshold)}, true), set_config('enable_seqscan', 'off', true)`,
  );
  return tx
    .select({
      id: platinumIdeas.id,
      number: platinumIdeas.number,
      theme: platinumIdeas.theme,
      title: platinumIdeas.title,
      proposal: platinumIdeas.proposal,
      status: platinumIdeas.status,
      authorId: platinumIdeas.authorId,
      supportCount: platinumIdeas.supportCount,
      issueStatus: platinumIssues.status,
      isSupportedByViewer: sql<boolean>`exists (select 1 from ${platinumSupports} where ${platinumSupports.ideaId} = ${platinumIdeas.id} and ${platinumSupports.userId} = ${options.viewerId})`,
    })
    .from(platinumIdeaSimilarityKeys)
    .innerJoin(platinumIdeas, eq(platinumIdeas.id, platinumIdeaSimilarityKeys.ideaId))
    .leftJoin(platinumIssues, eq(platinumIssues.id, platinumIdeas.issueId))
    .where(
      and(
        eq(platinumIdeaSimilarityKeys.campaignId, options.campaignId),
        sql`${platinumIdeaSimilarityKeys.similarityKey} % ${options.key}`,
        inArray(platinumIdeas.status, ['submitted', 'grouped']),
        options.excludeId ? ne(platinumIdeaSimilarityKeys.ideaId, options.excludeId) : undefined,
      ),
    )
    .orderBy(
      sql`similarity(${platinumIdeaSimilarityKeys.similarityKey}, ${options.key}) desc`,
      desc(platinumIdeas.supportCount),
    )
    .limit(options.limit);
}

/** Adds a support; false when the person already supports the idea (the primary key decides, even under parallel requests). */
export async function insertSupport(
  db: Executor,
  ideaId: string,
  userId: string,
  carriedFromIdeaId: string | null = null,
): Promise<boolean> {
  const rows = await db
    .insert(platinumSupports)
    .values({ ideaId, userId, carriedFromIdeaId })
    .onConflictDoNothing()
    .returning({ userId: platinumSupports.userId });
  return rows.length > 0;
}

/** Removes a support; false when there was none. */
export async function deleteSupport(db: Executor, ideaId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(platinumSupports)
    .where(and(eq(platinumSupports.ideaId, ideaId), eq(platinumSupports.userId, userId)))
    .returning({ userId: platinumSupports.userId });
  return rows.length > 0;
}

/** Moves the cached support count by delta and returns the new count. */
export async function adjustSupportCount(db: Executor, ideaId: string, delta: number): Promise<number> {
  const rows = await db
    .update(platinumIdeas)
    .set({ supportCount: sql`${platinumIdeas.supportCount} + ${delta}` })
    .where(eq(platinumIdeas.id, ideaId))
    .returning({ supportCount: platinumIdeas.supportCount });
  return rows[0]!.supportCount;
}

/** Sets the cached support count from the support rows (after supports were carried over or taken back). */
export async function recountSupports(db: Executor, ideaId: string): Promise<number> {
  const rows = await db
    .update(platinumIdeas)
    .set({
      supportCount: sql`(select count(*)::int from ${platinumSupports} where ${platinumSupports.ideaId} = ${ideaId})`,
    })
    .where(eq(platinumIdeas.id, ideaId))
    .returning({ supportCount: platinumIdeas.supportCount });
  return rows[0]!.supportCount;
}

/** Copies the supports of a duplicate onto the kept idea (not the kept idea's own author), marked as carried. */
export async function carrySupports(
  db: Executor,
  fromIdeaId: string,
  toIdeaId: string,
  keptAuthorId: string,
) {
  await db.execute(sql`
    insert into ${platinumSupports} (idea_id, user_id, carried_from_idea_id)
    select ${toIdeaId}, ${platinumSupports.userId}, ${fromIdeaId} from ${platinumSupports}
    where ${platinumSupports.ideaId} = ${fromIdeaId} and ${platinumSupports.userId} <> ${keptAuthorId}
    on conflict do nothing`);
}

/** Takes back the supports a duplicate carried onto another idea. */
export async function removeCarriedSupports(db: Executor, fromIdeaId: string, toIdeaId: string) {
  await db
    .delete(platinumSupports)
    .where(and(eq(platinumSupports.ideaId, toIdeaId), eq(platinumSupports.carriedFromIdeaId, fromIdeaId)));
}

/** The ideas merged into an idea. */
export async function listMergedIdeas(db: Executor, ideaId: string) {
  return db
    .select({ id: platinumIdeas.id, number: platinumIdeas.number, title: platinumIdeas.title })
    .from(platinumIdeas)
    .where(and(eq(platinumIdeas.mergedIntoId, ideaId), eq(platinumIdeas.status, 'merged')))
    .orderBy(asc(platinumIdeas.number));
}

/** Comments on an idea, oldest first, with their authors (for the presenter to mask). */
export async function listComments(db: Executor, ideaId: string, isHiddenIncluded: boolean) {
  return db
    .select({
      comment: platinumComments,
      authorName: users.displayName,
      authorOrgUnitName: orgUnits.name,
    })
    .from(platinumComments)
    .innerJoin(users, eq(users.id, platinumComments.authorId))
    .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(
      and(
        eq(platinumComments.ideaId, ideaId),
        isHiddenIncluded ? undefined : eq(platinumComments.isHidden, false),
      ),
    )
    .orderBy(asc(platinumComments.createdAt), asc(platinumComments.id));
}

export type CommentListRow = Awaited<ReturnType<typeof listComments>>[number];

/** Adds a comment and counts it on the idea. */
export async function insertComment(
  db: Executor,
  values: { ideaId: string; authorId: string; body: string },
) {
  const rows = await db.insert(platinumComments).values(values).returning();
  await db
    .update(platinumIdeas)
    .set({ commentCount: sql`${platinumIdeas.commentCount} + 1` })
    .where(eq(platinumIdeas.id, values.ideaId));
  return rows[0]!;
}

/** Hides a comment (moderation) and stops counting it; null when not found or already hidden. */
export async function hideComment(db: Executor, ideaId: string, commentId: string) {
  const rows = await db
    .update(platinumComments)
    .set({ isHidden: true })
    .where(
      and(
        eq(platinumComments.id, commentId),
        eq(platinumComments.ideaId, ideaId),
        eq(platinumComments.isHidden, false),
      ),
    )
    .returning();
  if (rows.length === 0) return null;
  await db
    .update(platinumIdeas)
    .set({ commentCount: sql`greatest(${platinumIdeas.commentCount} - 1, 0)` })
    .where(eq(platinumIdeas.id, ideaId));
  return rows[0]!;
}

/** The person's org unit at the time of writing (kept on the idea for counts by bureau). */
export async function orgUnitOfUser(db: Executor, userId: string): Promise<string | null> {
  const rows = await db
    .select({ orgUnitId: users.orgUnitId })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return rows[0]?.orgUnitId ?? null;
}

/** Ideas in an issue (grouped into it), by number. */
export async function listIdeasOfIssue(db: Executor, issueId: string) {
  return db
    .select()
    .from(platinumIdeas)
    .where(and(eq(platinumIdeas.issueId, issueId), eq(platinumIdeas.status, 'grouped')))
    .orderBy(asc(platinumIdeas.number));
}
