import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { loadConfig } from '../env.ts';
import type { Services } from '../lib/context.ts';
import type { MatrixActor, MatrixFixtures } from '../test/access-entry.ts';
import { createTestApp, type TestApp, type TestResponse } from '../test/test-app.ts';
import { writeFigures } from './figures.ts';
import {
  cookieFor,
  createMatrixActors,
  createMatrixFixtures,
  isAllowed,
  type LoadedEntry,
  listRouterRoutes,
  loadAccessEntries,
  routeKey,
  sendRequest,
} from './matrix-harness.ts';

/**
 * The authorisation matrix: every route the router serves × every actor (no session, each demo
 * role, a deactivated account) × each object scope its entry names, compared with the answer
 * written down in `features/<feature>/<feature>.access.ts`. A route without an entry fails.
 */

// The router's routes do not depend on the database: a bare app lists them while tests are collected.
const routes = listRouterRoutes(
  createApp({ config: loadConfig({ TOTONOE_LOG_LEVEL: 'error' }) } as unknown as Services, {
    webRoot: '/nonexistent',
  }),
);
const entries = await loadAccessEntries();
const entriesByKey = new Map<string, LoadedEntry[]>();
for (const entry of entries) {
  const key = routeKey(entry);
  entriesByKey.set(key, [...(entriesByKey.get(key) ?? []), entry]);
}

let t: TestApp;
let actors: MatrixActor[];
let fixtures: MatrixFixtures;
const figures = { routes: 0, calls: 0, allowed: 0, denied: 0, actors: 0 };

beforeAll(async () => {
  t = await createTestApp();
  actors = await createMatrixActors(t);
  fixtures = await createMatrixFixtures(t);
  figures.actors = actors.length;
});
afterAll(async () => {
  await t?.close();
  writeFigures('authorization-matrix', figures);
});

function isProblem(response: TestResponse): boolean {
  const body = response.body as { code?: unknown; messages?: { ja?: unknown; en?: unknown } } | null;
  return (
    (response.headers.get('content-type') ?? '').startsWith('application/problem+json') &&
    typeof body?.code === 'string' &&
    typeof body.messages?.ja === 'string' &&
    typeof body.messages?.en === 'string'
  );
}

/** What went wrong with one call, or null when the answer matches the entry. */
function mismatchOf(response: TestResponse, actor: MatrixActor, isExpectedAllowed: boolean): string | null {
  const { status } = response;
  if (status >= 500) return `server error ${status}`;
  if (isExpectedAllowed) {
    if (status < 400) return null;
    return `expected to be allowed, got ${status} ${response.text.slice(0, 200)}`;
  }
  const refusals = actor.isSignedIn ? [403, 404] : [401, 404];
  if (!refusals.includes(status)) return `expected a refusal (${refusals.join('/')}), got ${status}`;
  if (!isProblem(response)) return `refusal ${status} is not a problem+json with code and ja/en messages`;
  return null;
}

describe('authorisation matrix', () => {
  it('has exactly one entry for every route the router serves, and no entry for a route that is gone', () => {
    const routeKeys = new Set(routes.map(routeKey));
    const missing = routes
      .map(routeKey)
      .filter((key) => !entriesByKey.has(key))
      .map((key) => `${key} has no access entry: add one to features/<feature>/<feature>.access.ts`);
    const duplicated = [...entriesByKey]
      .filter(([, list]) => list.length > 1)
      .map(
        ([key, list]) => `${key} has ${list.length} entries (${list.map((entry) => entry.file).join(', ')})`,
      );
    const stale = entries
      .filter((entry) => !routeKeys.has(routeKey(entry)))
      .map((entry) => `${routeKey(entry)} in ${entry.file} matches no route`);
    expect([...missing, ...duplicated, ...stale]).toEqual([]);
  });

  it.each(routes.map(routeKey))('%s answers every actor as its entry says', async (key) => {
    const entry = entriesByKey.get(key)?.[0];
    expect(
      entry,
      `${key} has no access entry: add one to features/<feature>/<feature>.access.ts`,
    ).toBeDefined();
    if (!entry) return;
    figures.routes += 1;
    const mismatches: string[] = [];
    for (const scope of entry.scopes ?? ['-']) {
      for (const actor of actors) {
        const isExpectedAllowed = isAllowed(entry, actor, scope);
        const spec = entry.request ? await entry.request(fixtures, actor, scope) : { path: entry.path };
        const response = await sendRequest(t.app, entry.method, spec, await cookieFor(t, actor));
        figures.calls += 1;
        if (isExpectedAllowed) figures.allowed += 1;
        else figures.denied += 1;
        const label = `${key} as ${actor.name}${scope === '-' ? '' : ` [${scope}]`} (${spec.path})`;
        const mismatch = mismatchOf(response, actor, isExpectedAllowed);
        if (mismatch) {
          mismatches.push(`${label}: ${mismatch}`);
          continue;
        }
        if (isExpectedAllowed && entry.verify) {
          try {
            await entry.verify(response, actor, scope);
          } catch (error) {
            mismatches.push(`${label}: ${String((error as Error).message ?? error)}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
