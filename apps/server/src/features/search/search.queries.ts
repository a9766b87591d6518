import { count, type SQL, sql } from 'drizzle-orm';
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

/** Whether any record waits for the index: one read, no transaction (most searches find none). */
export async function hasQueuedRecords(db: Executor): Promise<boolean> {
  const result = await db.execute<{ waiting: boolean }>(
    sql`select exists (select 1 from ${searchQueue}) as waiting`,
  );
  return result.rows[0]?.waiting === true;
}

/** How many records wait for the index. */
export async function countQueuedRecords(db: Executor): Promise<number> {
  const rows = await db.select({ total: count() }).from(searchQueue);
  return Number(rows[0]?.total ?? 0);
}

/** The columns a document row is written with, as `jsonb_to_recordset` reads them (keys of documentRow). */
const DOCUMENT_COLUMNS = sql.raw(`"kind" text, "recordId" text, "tier" text, "fiscalYear" integer,
  "fiscalYearTo" integer, "orgUnitPath" uuid[], "status" text, "title" text, "body" text,
  "searchTitle" text, "searchText" text, "bigrams" text[], "link" text, "isPublic" boolean,
  "isForSignedIn" boolean, "readerRoles" text[], "readerUnitIds" uuid[], "readerUserIds" uuid[],
  "sortAt" timestamptz`);

/**
 * Replaces the documents of the given records with new ones (none for a record that is gone): one
 * delete and one insert for the whole batch, the rows passed as one JSON array (no statement, and no
 * parameter list, per document). A document another batch wrote meanwhile (two workers can reach
 * one record through different queue entries) is overwritten, not a duplicate-key failure.
 */
export async function replaceSearchDocuments(
  db: Executor,
  records: { kind: string; recordId: string }[],
  rows: (typeof searchDocuments.$inferInsert)[],
) {
  if (records.length > 0) {
    await db.execute(sql`delete from ${searchDocuments} d
      using unnest(${sql.param(records.map((record) => record.kind))}::text[],
        ${sql.param(records.map((record) => record.recordId))}::text[]) as r(kind, record_id)
      where d.kind = r.kind and d.record_id = r.record_id`);
  }
  if (rows.length > 0) {
    await db.execute(sql`insert into ${searchDocuments} (kind, record_id, tier, fiscal_year, fiscal_year_to,
        org_unit_path, status, title, body, search_title, search_text, bigrams, link, is_public,
        is_for_signed_in, reader_roles, reader_unit_ids, reader_user_ids, sort_at)
      select "kind", "recordId", "tier", "fiscalYear", "fiscalYearTo", "orgUnitPath", "status", "title",
        "body", "searchTitle", "searchText", "bigrams", "link", "isPublic", "isForSignedIn", "readerRoles",
        "readerUnitIds", "readerUserIds", "sortAt"
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${DOCUMENT_COLUMNS})
      on conflict (kind, record_id, tier) do update set fiscal_year = excluded.fiscal_year,
        fiscal_year_to = excluded.fiscal_year_to, org_unit_path = excluded.org_unit_path,
        status = excluded.status, title = excluded.title, body = excluded.body,
        search_title = excluded.search_title, search_text = excluded.search_text,
        bigrams = excluded.bigrams, link = excluded.link, is_public = excluded.is_public,
        is_for_signed_in = excluded.is_for_signed_in, reader_roles = excluded.reader_roles,
        reader_unit_ids = excluded.reader_unit_ids, reader_user_ids = excluded.reader_user_ids,
        sort_at = excluded.sort_at`);
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

/**
 * The conditions of a match: readable by the viewer, every term present, the filters but the kind
 * (the facets count every kind). Bigrams narrow through the GIN index; LIKE on the folded text
 * decides — except when every term is two characters long: a two-character term is one bigram,
 * and a document's bigrams are those of its folded text, so holding the bigram is holding the term.
 */
function matchConditions(
  terms: string[],
  termBigrams: string[],
  viewer: SearchViewer,
  filters: SearchFilters,
): SQL {
  const conditions: SQL[] = [readableBy(viewer)];
  if (termBigrams.length > 0) conditions.push(sql`d.bigrams @> ${sql.param(termBigrams)}::text[]`);
  if (!terms.every((term) => Array.from(term).length === 2)) {
    conditions.push(
      sql`d.search_text like all (${sql.param(terms.map((term) => `%${escapeLike(term)}%`))}::text[])`,
    );
  }
  if (filters.fiscalYear !== undefined) {
    conditions.push(
      sql`d.fiscal_year <= ${filters.fiscalYear} and coalesce(d.fiscal_year_to, d.fiscal_year) >= ${filters.fiscalYear}`,
    );
  }
  if (filters.orgUnitId) conditions.push(sql`d.org_unit_path @> array[${filters.orgUnitId}]::uuid[]`);
  if (filters.status) conditions.push(sql`d.status = ${filters.status}`);
  return sql.join(conditions, sql` and `);
}

/** Documents a search ranks in full; with more matches it ranks a slice and estimates the total. */
export const EXACT_MATCH_LIMIT = 1_000;
/**
 * The slice of records an over-limit search ranks: record ids (UUIDs) below this bound, the first
 * hex digit 0 — a sixteenth of every kind, chosen by id and so the same slice on every request.
 * The partial index search_documents_slice_bigrams_idx has this predicate.
 */
const SLICE_BOUND = '1';
const SLICE_SHARE = 16;

type SearchRow = {
  part: 'hit' | 'total' | 'facet' | 'documents';
  kind: string | null;
  record_id: string | null;
  tier: string | null;
  title: string | null;
  body: string | null;
  link: string | null;
  fiscal_year: number | null;
  status: string | null;
  score: number | null;
  total: bigint | null;
};

/** Rounds an estimate to two significant digits (12,345 → 12,000). */
export function roundEstimate(value: number): number {
  if (value < 100) return Math.round(value);
  const unit = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / unit) * unit;
}

/**
 * A page of readable matches with their total, and how many there are of each kind, in one pass
 * over the matching documents.
 *
 * Bounded work: a fixed slice of the records is matched first — those whose id starts with 0, a
 * sixteenth, through the slice's own bigram index. When the slice holds more than `exactLimit` / 16
 * matching documents (a frequent word over the whole programme), only the slice is ranked and the
 * total and facets are its counts times sixteen, rounded and marked as estimates; otherwise every
 * match is ranked and the total and facets are exact. What is shown is always a readable match
 * and its snippet is the most complete document the viewer may read.
 *
 * The rank of a record: for each term, 10 when it is in the title, plus how often it occurs (up to
 * 5). Counting occurrences reads the whole text, so it is done only where it can change the page:
 * with one or two terms a record with more terms in its title always ranks above one with fewer
 * (10 × titles + at least 1 per term > 10 × fewer titles + at most 5 per term), so only records
 * whose title holds as many terms as the page's last record need their texts read. With more terms
 * every match is ranked in full. The order is the same either way: rank, then newest, then id.
 */
export async function searchRecords(
  db: Executor,
  options: {
    terms: string[];
    termBigrams: string[];
    viewer: SearchViewer;
    filters: SearchFilters;
    page: number;
    pageSize: number;
    /** Documents ranked in full before the search ranks a slice (tests lower it). */
    exactLimit?: number;
  },
) {
  const exactLimit = options.exactLimit ?? EXACT_MATCH_LIMIT;
  const where = matchConditions(options.terms, options.termBigrams, options.viewer, options.filters);
  // The slice first: it is bounded, and says whether the whole set is small enough to rank in full.
  let rows = await rankMatches(
    db,
    options,
    // A literal, the predicate of the slice's own bigram index (search_documents_slice_bigrams_idx).
    sql`${where} and d.record_id < ${sql.raw(`'${SLICE_BOUND}'`)}`,
  );
  const sliceDocuments = Number(rows.find((row) => row.part === 'documents')?.total ?? 0);
  const isEstimated = sliceDocuments * SLICE_SHARE > exactLimit;
  if (!isEstimated) rows = await rankMatches(db, options, where);
  const rankedTotal = Number(rows.find((row) => row.part === 'total')?.total ?? 0);
  const scale = (value: number) => (isEstimated ? roundEstimate(value * SLICE_SHARE) : value);
  const hits = rows.filter((row) => row.part === 'hit');
  return {
    items: hits.map(
      (row): SearchHit => ({
        kind: row.kind!,
        recordId: row.record_id!,
        tier: row.tier!,
        title: row.title!,
        body: row.body!,
        link: row.link!,
        fiscalYear: row.fiscal_year,
        status: row.status,
        score: Number(row.score),
      }),
    ),
    total: scale(rankedTotal),
    isEstimated,
    rankedTotal,
    facets: Object.fromEntries(
      rows.filter((row) => row.part === 'facet').map((row) => [row.kind!, scale(Number(row.total))]),
    ),
  };
}

/** Ranks the records of the documents `candidates` selects (a condition on `d`, maybe with a limit). */
async function rankMatches(
  db: Executor,
  options: { terms: string[]; filters: SearchFilters; page: number; pageSize: number },
  candidates: SQL,
): Promise<SearchRow[]> {
  const { terms, filters } = options;
  const titleHits = sql.join(
    terms.map((term) => sql`(strpos(d.search_title, ${term}) > 0)::int`),
    sql` + `,
  );
  const score = sql.join(
    terms.map(
      (term) => sql`((strpos(d.search_title, ${term}) > 0)::int * 10
        + least(5, (length(d.search_text) - length(replace(d.search_text, ${term}, ''))) / ${Array.from(term).length}))`,
    ),
    sql` + `,
  );
  const lastOnPage = options.page * options.pageSize;
  const canSkipByTitle = terms.length <= 2;
  const kindFilter = filters.kind ? sql`r.kind = ${filters.kind}` : sql`true`;
  const result = await db.execute<SearchRow>(sql`with candidates as materialized (
      select d.id, d.kind, d.record_id, d.tier, d.sort_at, (${titleHits}) as title_hits
      from ${searchDocuments} d
      where ${candidates}
    ),
    matched as materialized (
      -- One document per record: the most complete one the viewer may read; narrow rows only.
      select distinct on (c.kind, c.record_id) c.id, c.kind, c.record_id, c.sort_at, c.title_hits
      from candidates c
      order by c.kind, c.record_id, case c.tier when 'restricted' then 3 when 'staff' then 2 else 1 end desc
    ),
    filtered as materialized (select r.* from matched r where ${kindFilter}),
    counts as (
      select count(*) as total, count(*) filter (where title_hits >= 1) as one_title,
        count(*) filter (where title_hits >= 2) as two_titles
      from filtered
    ),
    threshold as (
      select ${
        canSkipByTitle
          ? sql`case when two_titles >= ${lastOnPage} then 2 when one_title >= ${lastOnPage} then 1 else 0 end`
          : sql`0`
      } as title_hits
      from counts
    ),
    ranked as (
      -- Texts are read by id for these records only (never a scan of the whole index).
      select f.id, f.record_id, f.sort_at, scored.score
      from filtered f
      cross join lateral (select (${score}) as score from ${searchDocuments} d where d.id = f.id) scored
      where f.title_hits >= (select title_hits from threshold)
    ),
    page as (
      select * from ranked order by score desc, sort_at desc, record_id
      limit ${options.pageSize} offset ${(options.page - 1) * options.pageSize}
    )
    select 'hit' as part, doc.kind, doc.record_id, doc.tier, doc.title, doc.body, doc.link, doc.fiscal_year,
      doc.status, p.score, null::bigint as total, p.position
    from (select page.*, row_number() over (order by score desc, sort_at desc, record_id) as position from page) p
    join ${searchDocuments} doc on doc.id = p.id
    union all select 'total', null, null, null, null, null, null, null, null, null, (select total from counts), null
    union all select 'documents', null, null, null, null, null, null, null, null, null, (select count(*) from candidates), null
    union all select 'facet', kind, null, null, null, null, null, null, null, null, count(*), null from matched group by kind
    order by part, position`);
  return result.rows;
}
