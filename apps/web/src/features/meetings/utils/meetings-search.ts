export type MeetingsSearch = { fy?: number | undefined };

/** Reads `?fy=` (a fiscal year) and drops anything else. */
export function validateMeetingsSearch(search: Record<string, unknown>): MeetingsSearch {
  const fy = typeof search.fy === 'string' ? Number(search.fy) : search.fy;
  return { fy: typeof fy === 'number' && Number.isInteger(fy) && fy >= 1989 && fy <= 2100 ? fy : undefined };
}
