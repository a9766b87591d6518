import type pg from 'pg';

/**
 * The SQL of backup and restore. It works on the catalogue rather than on Drizzle's tables so that
 * every table is included, including those a feature adds later, without a list to keep up.
 */

/** A table name quoted for SQL. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The application's tables, parents before children (by foreign key), then by name. */
export async function listTablesInDependencyOrder(client: pg.PoolClient | pg.Client): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const { rows: links } = await client.query<{ child: string; parent: string }>(
    `select child.relname as child, parent.relname as parent
     from pg_constraint constraint_
     join pg_class child on child.oid = constraint_.conrelid
     join pg_class parent on parent.oid = constraint_.confrelid
     join pg_namespace namespace on namespace.oid = child.relnamespace
     where constraint_.contype = 'f' and namespace.nspname = 'public'`,
  );
  const parentsOf = new Map<string, Set<string>>(tables.map((table) => [table.name, new Set<string>()]));
  for (const link of links) if (link.child !== link.parent) parentsOf.get(link.child)?.add(link.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables
      .map((table) => table.name)
      .filter((name) => !placed.has(name) && [...parentsOf.get(name)!].every((parent) => placed.has(parent)));
    // A cycle of foreign keys would stop the sort: take the rest by name (restore does not check keys).
    const next = ready.length ? ready : tables.map((table) => table.name).filter((name) => !placed.has(name));
    for (const name of next) {
      placed.add(name);
      ordered.push(name);
    }
  }
  return ordered;
}

/** The columns a row is written with (stored generated columns are computed again on restore). */
export async function listWritableColumns(
  client: pg.PoolClient | pg.Client,
  table: string,
): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select attname as name from pg_attribute
     where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = ''
     order by attnum`,
    [quoteIdentifier(table)],
  );
  return rows.map((row) => row.name);
}

/** The primary key columns of a table (empty when it has none). */
export async function listPrimaryKeyColumns(
  client: pg.PoolClient | pg.Client,
  table: string,
): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select attribute.attname as name
     from pg_index index_
     join pg_attribute attribute on attribute.attrelid = index_.indrelid and attribute.attnum = any(index_.indkey)
     where index_.indrelid = $1::regclass and index_.indisprimary
     order by array_position(index_.indkey::int2[], attribute.attnum)`,
    [quoteIdentifier(table)],
  );
  return rows.map((row) => row.name);
}

/** The migrations applied to the database, oldest first (their hashes). */
export async function listAppliedMigrations(client: pg.PoolClient | pg.Client): Promise<string[]> {
  const { rows: exists } = await client.query<{ found: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as found`,
  );
  if (!exists[0]?.found) return [];
  const { rows } = await client.query<{ hash: string }>(
    'select hash from drizzle.__drizzle_migrations order by id',
  );
  return rows.map((row) => row.hash);
}

/** Sets every sequence a column owns to follow the largest value restored. */
export async function resetOwnedSequences(client: pg.PoolClient | pg.Client): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string; sequence: string }>(
    `select table_class.relname as table_name, attribute.attname as column_name,
            sequence_class.oid::regclass::text as sequence
     from pg_depend dependency
     join pg_class sequence_class on sequence_class.oid = dependency.objid and sequence_class.relkind = 'S'
     join pg_class table_class on table_class.oid = dependency.refobjid
     join pg_namespace namespace on namespace.oid = table_class.relnamespace
     join pg_attribute attribute on attribute.attrelid = table_class.oid and attribute.attnum = dependency.refobjsubid
     where dependency.deptype in ('a', 'i') and namespace.nspname = 'public'`,
  );
  for (const row of rows) {
    await client.query(
      `select setval($1::regclass, coalesce((select max(${quoteIdentifier(row.column_name)}) from ${quoteIdentifier(row.table_name)}), 0) + 1, false)`,
      [row.sequence],
    );
  }
}
