import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessEntry, AccessRequest, MatrixActor, MatrixFixtures } from '../test/access-entry.ts';
import { createTestApp, type TestApp, type TestResponse } from '../test/test-app.ts';
import { writeFigures } from './figures.ts';
import {
  cookieFor,
  createMatrixActors,
  createMatrixFixtures,
  isAllowed,
  type LoadedEntry,
  loadAccessEntries,
  sendRequest,
} from './matrix-harness.ts';
import { XSS_FILE_NAMES, XSS_MARKER, XSS_PAYLOADS } from './xss-payloads.ts';

/**
 * Stored cross-site scripting, on the server's side: the payloads go into every text field of
 * every write the access entries describe (and into file names), then every read is crawled as
 * several actors. What comes back must be JSON (or a download), never HTML, and every response
 * carries a Content-Security-Policy without inline scripts, nosniff and frame-ancestors 'none'.
 * The browser's side (pages that show the payloads) is `e2e/xss.test.ts`.
 */

const entries = await loadAccessEntries();
const WRITERS = ['reform', 'admin', 'kodomo-head', 'kodomo-staff', 'pt1', 'staff1', 'mayor'] as const;
const READERS = ['anonymous', 'reform', 'kodomo-head', 'staff1', 'pt1'] as const;

let t: TestApp;
let actors: MatrixActor[];
let fixtures: MatrixFixtures;
const figures = {
  writeRoutes: 0,
  fieldsTried: 0,
  payloadsStored: 0,
  payloadsRefused: 0,
  fileNamesStored: 0,
  readsCrawled: 0,
  responsesWithPayload: 0,
};

beforeAll(async () => {
  t = await createTestApp();
  actors = await createMatrixActors(t);
  fixtures = await createMatrixFixtures(t);
});
afterAll(async () => {
  writeFigures('xss', figures);
  await t?.close();
});

const SKIPPED_VALUE =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{2}-\d{2}.*|\d{2}:\d{2}|[a-z0-9_]+|https?:\/\/.*)$/;

/** Paths of the string values of a JSON body that look like free text (not ids, dates, codes or enums). */
function textLeaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return SKIPPED_VALUE.test(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => textLeaves(item, [...path, index]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => textLeaves(item, [...path, key]));
  return [];
}

function withValue(body: unknown, path: (string | number)[], replacement: string): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path.at(-1)!] = replacement;
  return copy;
}

function writerFor(entry: AccessEntry, scope: string): MatrixActor | undefined {
  return WRITERS.map((name) => actors.find((actor) => actor.name === name)!).find((actor) =>
    isAllowed(entry, actor, scope),
  );
}

async function send(entry: LoadedEntry, actor: MatrixActor, spec: AccessRequest): Promise<TestResponse> {
  return sendRequest(t.app, entry.method, spec, await cookieFor(t, actor));
}

function isHtml(response: TestResponse): boolean {
  return (response.headers.get('content-type') ?? '').includes('html');
}

function headerProblems(label: string, response: TestResponse): string[] {
  const problems: string[] = [];
  const csp = response.headers.get('content-security-policy') ?? '';
  const scriptSources =
    /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? /(?:^|;)\s*default-src ([^;]*)/.exec(csp)?.[1];
  if (!csp) problems.push(`${label}: no Content-Security-Policy`);
  else {
    if (scriptSources === undefined) problems.push(`${label}: CSP limits no scripts`);
    if (scriptSources?.includes("'unsafe-inline'") || scriptSources?.includes("'unsafe-eval'"))
      problems.push(`${label}: CSP allows inline scripts`);
    if (!/frame-ancestors 'none'/.test(csp) && !/(?:^|;)\s*sandbox/.test(csp))
      problems.push(`${label}: CSP lacks frame-ancestors 'none'`);
  }
  if (response.headers.get('x-content-type-options') !== 'nosniff') problems.push(`${label}: no nosniff`);
  return problems;
}

/** Every string value anywhere in a parsed JSON body. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

describe('stored cross-site scripting (server side)', () => {
  it('stores the payloads in every text field and file name the described writes carry', async () => {
    const failures: string[] = [];
    for (const entry of entries) {
      if (entry.method === 'GET' || entry.method === 'DELETE' || !entry.request) continue;
      const scope = entry.scopes?.[0] ?? '-';
      const actor = writerFor(entry, scope);
      if (!actor) continue;
      const probe = await entry.request(fixtures, actor, scope);
      if (probe.form) {
        const file = Object.entries(probe.form).find(([, value]) => value instanceof File);
        if (!file) continue;
        for (const name of XSS_FILE_NAMES) {
          const spec = await entry.request(fixtures, actor, scope);
          const original = spec.form![file[0]] as File;
          const response = await send(entry, actor, {
            ...spec,
            form: { ...spec.form, [file[0]]: new File([new Uint8Array(await original.arrayBuffer())], name) },
          });
          if (response.status >= 500)
            failures.push(`${entry.method} ${entry.path} file ${name}: ${response.status}`);
          else if (response.status < 300) figures.fileNamesStored += 1;
        }
        continue;
      }
      const leaves = textLeaves(probe.body);
      if (leaves.length === 0) continue;
      figures.writeRoutes += 1;
      for (const [index, leaf] of leaves.entries()) {
        figures.fieldsTried += 1;
        let isStored = false;
        for (const payload of [XSS_PAYLOADS[index % XSS_PAYLOADS.length]!, XSS_PAYLOADS[0]]) {
          const spec = await entry.request(fixtures, actor, scope);
          const response = await send(entry, actor, { ...spec, body: withValue(spec.body, leaf, payload) });
          if (response.status >= 500)
            failures.push(`${entry.method} ${entry.path} ${leaf.join('.')}: ${response.status}`);
          if (response.status < 300) {
            isStored = true;
            break;
          }
        }
        if (isStored) figures.payloadsStored += 1;
        else figures.payloadsRefused += 1;
      }
    }
    expect(failures).toEqual([]);
    expect(figures.payloadsStored).toBeGreaterThan(3);
  }, 300_000);

  it('gives every stored payload back as a JSON string or a download, never as HTML', async () => {
    const problems: string[] = [];
    let isPayloadEchoedAsJsonString = false;
    for (const entry of entries) {
      if (entry.method !== 'GET') continue;
      for (const scope of entry.scopes ?? ['-']) {
        for (const name of READERS) {
          const actor = actors.find((candidate) => candidate.name === name)!;
          if (!isAllowed(entry, actor, scope)) continue;
          const spec = entry.request ? await entry.request(fixtures, actor, scope) : { path: entry.path };
          const response = await send(entry, actor, spec);
          figures.readsCrawled += 1;
          const label = `GET ${spec.path} as ${name}`;
          problems.push(...headerProblems(label, response));
          if (!response.text.includes(XSS_MARKER)) continue;
          figures.responsesWithPayload += 1;
          const contentType = response.headers.get('content-type') ?? '';
          const isDownload = (response.headers.get('content-disposition') ?? '').startsWith('attachment');
          if (isHtml(response)) problems.push(`${label}: a stored payload comes back in HTML`);
          else if (!/application\/(problem\+)?json|text\/csv|text\/calendar/.test(contentType) && !isDownload)
            problems.push(`${label}: a stored payload comes back as ${contentType}`);
          if (
            contentType.includes('json') &&
            stringsIn(response.body).some((value) => XSS_PAYLOADS.includes(value as never))
          )
            isPayloadEchoedAsJsonString = true;
        }
      }
    }
    expect(problems).toEqual([]);
    expect(figures.responsesWithPayload).toBeGreaterThan(0);
    // Stored verbatim and handed back as data: escaping is the page's job, not the database's.
    expect(isPayloadEchoedAsJsonString).toBe(true);
  }, 300_000);

  it('sends the security headers on errors, the API page and unknown paths too', async () => {
    const problems: string[] = [];
    for (const path of [
      '/api/v1/docs',
      '/api/v1/nowhere',
      '/healthz',
      '/api/v1/openapi.json',
      '/',
      '/meetings/x',
    ]) {
      problems.push(...headerProblems(`GET ${path}`, await t.call('GET', path)));
    }
    const refused = await t.call('POST', '/api/v1/session', {
      rawBody: '{',
      headers: { 'content-type': 'application/json' },
    });
    problems.push(...headerProblems('malformed sign-in', refused));
    expect(problems).toEqual([]);
    const docs = await t.call('GET', '/api/v1/docs');
    expect(docs.headers.get('x-frame-options')).toBe('DENY');
    // The API page is HTML, so it must run no inline script of its own either.
    expect(docs.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>[^<]+<\/script>/i);
  });
});
