import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { meetings } from '../../db/schema/index.ts';

/** The public (公開) X meetings of a fiscal year in sequence order; closed meetings never appear. */
export function listPublicMeetings(db: Executor, fiscalYear: number) {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.fiscalYear, fiscalYear), eq(meetings.isPublic, true)))
    .orderBy(asc(meetings.sequence));
}
