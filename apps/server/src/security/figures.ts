import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const figuresDir = fileURLToPath(new URL('../../../../.tmp/figures/', import.meta.url));

/**
 * Writes a test's figures (routes × actors covered, payloads tried, writes found after a crash …)
 * to `.tmp/figures/<name>-<database>.json`; docs/RELIABILITY.md quotes the last ones.
 */
export function writeFigures(name: string, figures: Record<string, unknown>): void {
  mkdirSync(figuresDir, { recursive: true });
  const database = process.env.TOTONOE_TEST_DB ?? 'pglite';
  writeFileSync(
    `${figuresDir}${name}-${database}.json`,
    `${JSON.stringify({ ...figures, database, at: new Date().toISOString() }, null, 2)}\n`,
  );
}
