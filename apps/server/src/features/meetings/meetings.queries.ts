import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { meetings } from '../../db/schema/index.ts';

/** The meetings of a fiscal year in sequence order; the public sees only public ones. */
export function listMeetings(db: Executor, fiscalYear: number, options: { onlyPublic: boolean }) {
  const byYear = eq(meetings.fiscalYear, fiscalYear);
  return db
    .select()
    .from(meetings)
    .where(options.onlyPublic ? and(byYear, eq(meetings.isPublic, true)) : byYear)
    .orderBy(asc(meetings.sequence));
}
