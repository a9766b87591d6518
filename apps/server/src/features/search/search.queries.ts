import { count, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { searchDocuments, searchQueue } from '../../db/schema/index.ts';

/** Takes up to `limit` queued records out of the queue (others running the same skip them). */
export async function takeQueuedRecords(db: Executor, limit: number) {
  const result = await db.execute<{ kind: string; record_id: string }>(sql`
    delete from ${searchQueue}
    where (${searchQueue.kind}, ${searchQueue.recordId}) in (
      select ${searchQueue.kind}, ${searchQueue.recordId} from ${searchQueue}
      order by ${searchQueue.queuedAt} limit ${limit} for update skip locked)
    returning ${searchQueue.kind} as kind, ${searchQueue.recordId} as record_id`);
  return result.rows.map((row) => ({ kind: row.kind, recordId: row.record_id }));
}

/** How many records wait for the index. */
export async function countQueuedRecords(db: Executor): Promise<number> {
  const rows = await db.select({ total: count() }).from(searchQueue);
  return Number(rows[0]?.total ?? 0);
}

/** Replaces the documents of the given records with new ones (none for a record that is gone). */
export async function replaceSearchDocuments(
  db: Executor,
  records: { kind: string; recordId: string }[],
  rows: (typeof searchDocuments.$inferInsert)[],
) {
  for (let start = 0; start < records.length; start += 500) {
    const slice = records.slice(start, start + 500);
    await db.delete(searchDocuments).where(
      inArray(
        sql`(${searchDocuments.kind}, ${searchDocuments.recordId})`,
        slice.map((record) => sql`(${record.kind}, ${record.recordId})`),
      ),
    );
  }
  for (let start = 0; start < rows.length; start += 200) {
    await db.insert(searchDocuments).values(rows.slice(start, start + 200));
  }
}

/** Who is searching, as the documents' reader lists name people. */
export type SearchViewer = {
  isSignedIn: boolean;
  /** Only what the public may read, even for a signed-in person (the portal). */
  isPublicOnly: boolean;
  roles: string[];
  /** Units the person acts for as bureau head or department staff. */
  unitIds: string[];
  userId: string | null;
};

export type SearchFilters = {
  kind?: string;
  fiscalYear?: number;
  orgUnitId?: string;
  status?: string;
};

export type SearchHit = {
  kind: string;
  recordId: string;
  tier: string;
  title: string;
  body: string;
  link: string;
  fiscalYear: number | null;
  status: string | null;
  score: number;
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/gu, (character) => `\\${character}`);
}

function readableBy(viewer: SearchViewer): SQL {
  if (viewer.isPublicOnly || !viewer.isSignedIn) return sql`d.is_public`;
  return sql`(d.is_public
    or d.is_for_signed_in
    or d.reader_roles && ${sql.param(viewer.roles)}::text[]
    or d.reader_unit_ids && ${sql.param(viewer.unitIds)}::uuid[]
    or ${viewer.userId}::uuid = any(d.reader_user_ids))`;
}

/** The conditions of a match: readable by the viewer, every term present, the filters. */
function matchConditions(
  terms: string[],
  termBigrams: string[],
  viewer: SearchViewer,
  filters: SearchFilters,
  options: { isKindFiltered: boolean },
): SQL {
  const conditions: SQL[] = [readableBy(viewer)];
  if (termBigrams.length > 0) conditions.push(sql`d.bigrams @> ${sql.param(termBigrams)}::text[]`);
  conditions.push(
    sql`d.search_text like all (${sql.param(terms.map((term) => `%${escapeLike(term)}%`))}::text[])`,
  );
  if (options.isKindFiltered && filters.kind) conditions.push(sql`d.kind = ${filters.kind}`);
  if (filters.fiscalYear !== undefined) {
    conditions.push(
      sql`d.fiscal_year <= ${filters.fiscalYear} and coalesce(d.fiscal_year_to, d.fiscal_year) >= ${filters.fiscalYear}`,
    );
  }
  if (filters.orgUnitId) conditions.push(sql`d.org_unit_path @> array[${filters.orgUnitId}]::uuid[]`);
  if (filters.status) conditions.push(sql`d.status = ${filters.status}`);
  return sql.join(conditions, sql` and `);
}

/**
 * The documents readable by the viewer that hold every term, one per record (the most complete one
 * the viewer may read), with a rank: a term in the title counts most, then how often terms occur.
 * Bigrams narrow the candidates through the GIN index; LIKE on the folded text decides.
 */
function matchedRecords(
  terms: string[],
  termBigrams: string[],
  viewer: SearchViewer,
  filters: SearchFilters,
): SQL {
  const where = matchConditions(terms, termBigrams, viewer, filters, { isKindFiltered: true });
  const score = sql.join(
    terms.map(
      (term) => sql`((strpos(d.search_title, ${term}) > 0)::int * 10
        + least(5, (length(d.search_text) - length(replace(d.search_text, ${term}, ''))) / ${Array.from(term).length}))`,
    ),
    sql` + `,
  );
  // Narrow rows (ids and sort keys) are sorted; titles and texts are read for the page only.
  return sql`select distinct on (d.kind, d.record_id)
      d.id, d.kind, d.record_id, d.sort_at, (${score}) as score
    from ${searchDocuments} d
    where ${where}
    order by d.kind, d.record_id, case d.tier when 'restricted' then 3 when 'staff' then 2 else 1 end desc`;
}

/** A page of readable matches with their total, and how many there are of each kind. */
export async function searchRecords(
  db: Executor,
  options: {
    terms: string[];
    termBigrams: string[];
    viewer: SearchViewer;
    filters: SearchFilters;
    page: number;
    pageSize: number;
  },
) {
  const { terms, termBigrams, viewer, filters } = options;
  const matched = matchedRecords(terms, termBigrams, viewer, filters);
  const page = await db.execute<{
    kind: string;
    record_id: string;
    tier: string;
    title: string;
    body: string;
    link: string;
    fiscal_year: number | null;
    status: string | null;
    score: number;
    total: bigint;
  }>(sql`select doc.kind, doc.record_id, doc.tier, doc.title, doc.body, doc.link, doc.fiscal_year, doc.status,
      p.score, p.total
    from (
      select m.id, m.score, m.sort_at, m.record_id, count(*) over () as total from (${matched}) m
      order by m.score desc, m.sort_at desc, m.record_id
      limit ${options.pageSize} offset ${(options.page - 1) * options.pageSize}
    ) p
    join ${searchDocuments} doc on doc.id = p.id
    order by p.score desc, p.sort_at desc, p.record_id`);
  const facets = await db.execute<{ kind: string; total: bigint }>(
    sql`select d.kind, count(distinct d.record_id) as total from ${searchDocuments} d
      where ${matchConditions(terms, termBigrams, viewer, filters, { isKindFiltered: false })} group by d.kind`,
  );
  const first = page.rows[0];
  let total = first ? Number(first.total) : 0;
  if (!first && options.page > 1) {
    const counted = await db.execute<{ total: bigint }>(sql`select count(*) as total from (${matched}) m`);
    total = Number(counted.rows[0]?.total ?? 0);
  }
  return {
    items: page.rows.map(
      (row): SearchHit => ({
        kind: row.kind,
        recordId: row.record_id,
        tier: row.tier,
        title: row.title,
        body: row.body,
        link: row.link,
        fiscalYear: row.fiscal_year,
        status: row.status,
        score: Number(row.score),
      }),
    ),
    total,
    facets: Object.fromEntries(facets.rows.map((row) => [row.kind, Number(row.total)])),
  };
}
