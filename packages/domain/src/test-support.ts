/** Helpers shared by the tests of this package only (not exported from index.ts). */

const MILLISECONDS_PER_DAY = 24 * 60 * 60 * 1000;

// Yields every ISO date from `from` to `to` inclusive, computed with Date.UTC as an independent oracle.
export function* eachIsoDay(from: string, to: string): Generator<string> {
  for (
    let time = Date.parse(`${from}T00:00:00Z`);
    time <= Date.parse(`${to}T00:00:00Z`);
    time += MILLISECONDS_PER_DAY
  ) {
    yield new Date(time).toISOString().slice(0, 10);
  }
}

// Returns the ISO date `days` days after (or before, when negative) an ISO date.
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * MILLISECONDS_PER_DAY)
    .toISOString()
    .slice(0, 10);
}

// Returns a deterministic pseudo-random generator of integers in [0, 2^32) (mulberry32), so failures reproduce.
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
