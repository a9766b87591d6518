// Bulk inserts straight into the schema: one statement per batch, each column sent as one array
// parameter and spread by unnest(), which both PostgreSQL and PGlite (over its socket) take fast.
import type pg from 'pg';

/** A column to fill and the PostgreSQL type of its array parameter (`uuid`, `text`, an enum name …). */
export type Column = { name: string; type: string };

/** Collects rows for one table and sends them in batches. */
export class BatchInserter {
  private rows: unknown[][] = [];
  private dependencies: BatchInserter[] = [];
  inserted = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly table: string,
    private readonly columns: Column[],
    private readonly batchSize = 5_000,
  ) {}

  /** Rows of this table reference rows of those: their queued rows are sent first. */
  after(...dependencies: BatchInserter[]): this {
    this.dependencies.push(...dependencies);
    return this;
  }

  /** Queues one row (values in column order); sends the batch when it is full. */
  async add(row: unknown[]): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= this.batchSize) await this.flush();
  }

  /** Sends what is queued. */
  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    for (const dependency of this.dependencies) await dependency.flush();
    const rows = this.rows;
    this.rows = [];
    const parameters = this.columns.map((_, column) =>
      rows.map((row) => {
        const value = row[column];
        if (value === null || value === undefined) return null;
        if (typeof value === 'object' && !(value instanceof Date)) return JSON.stringify(value);
        return value;
      }),
    );
    const names = this.columns.map((column) => `"${column.name}"`).join(', ');
    const arrays = this.columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(', ');
    await this.pool.query(`INSERT INTO ${this.table} (${names}) SELECT * FROM unnest(${arrays})`, parameters);
    this.inserted += rows.length;
  }
}

/** Shorthand for a column list: `columns('id:uuid', 'name:text')`. */
export function columns(...specs: string[]): Column[] {
  return specs.map((spec) => {
    const [name, type] = spec.split(':');
    return { name: name!, type: type! };
  });
}

/**
 * Runs a bulk load with the tables' secondary indexes dropped and builds them again afterwards (one
 * sorted build is far cheaper than a million index insertions). Indexes behind constraints stay;
 * `method` limits it to indexes of one kind (GIN, say, while lookups still need the b-trees).
 */
export async function withSecondaryIndexesDropped(
  pool: pg.Pool,
  tables: string[],
  load: () => Promise<void>,
  options: { method?: 'gin' | 'btree' } = {},
): Promise<void> {
  const indexes = await pool.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relname = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        AND ($2::text IS NULL OR pg_get_indexdef(i.indexrelid) LIKE '% USING ' || $2 || ' %')
      ORDER BY 1`,
    [tables, options.method ?? null],
  );
  for (const index of indexes.rows) await pool.query(`DROP INDEX ${index.name}`);
  try {
    await load();
  } finally {
    for (const index of indexes.rows) await pool.query(index.definition);
  }
}
