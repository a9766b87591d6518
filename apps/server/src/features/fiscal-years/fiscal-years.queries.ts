import { asc } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { fiscalYears } from '../../db/schema/index.ts';

/** All fiscal years the programme has opened, oldest first. */
export function listFiscalYears(db: Executor) {
  return db.select().from(fiscalYears).orderBy(asc(fiscalYears.year));
}
