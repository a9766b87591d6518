// The OpenAPI extension of zod first: some features' schemas are declared with .openapi() at import.
import '@hono/zod-openapi';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phasesAroundToday } from '../features/platinum/platinum-test-support.ts';
import type { MatrixActor, MatrixFixtures } from '../test/access-entry.ts';
import { mintSessionCookie } from '../test/sessions.ts';
import { createTestApp, type TestApp, type TestResponse } from '../test/test-app.ts';
import { writeFigures } from './figures.ts';
import {
  cookieFor,
  createMatrixActors,
  createMatrixFixtures,
  fillPath,
  isAllowed,
  loadAccessEntries,
  sendRequest,
} from './matrix-harness.ts';

/**
 * Anonymity across every feature: an anonymous idea (with the author's own comment) is present,
 * then every read the access entries describe is called as every actor but the reform office,
 * with the entries' own objects and with the anonymous idea and its campaign put into any `:id`
 * of an idea or campaign route. No answer — JSON, CSV in UTF-8 or Shift_JIS, the text inside
 * Excel/PowerPoint/Word packages and PDF streams — holds the author's name, login or id; nor does
 * any e-mail waiting for someone else. (The Platinum feature's own `anonymity.test.ts` walks the
 * idea through its whole pipeline; this crawl covers the routes of every other feature.)
 */

const AUTHOR = { login: 'anon-crawl-author', displayName: '匿名確認 秘匿太郎' };
const entries = (await loadAccessEntries()).filter((entry) => entry.method === 'GET');

let t: TestApp;
let actors: MatrixActor[];
let fixtures: MatrixFixtures;
let authorId = '';
let ideaId = '';
let campaignId = '';
const figures = { responsesChecked: 0, bytesChecked: 0, packagesOpened: 0, pdfStreamsOpened: 0, actors: 0 };

async function ok(
  login: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fixtures.call(login, method, path, { body });
  if (response.status >= 300)
    throw new Error(`${method} ${path} as ${login}: ${response.status} ${response.text.slice(0, 300)}`);
  return response.body as Record<string, unknown>;
}

beforeAll(async () => {
  t = await createTestApp();
  actors = await createMatrixActors(t);
  fixtures = await createMatrixFixtures(t);
  const author = await ok('admin', 'POST', '/api/v1/users', {
    login: AUTHOR.login,
    displayName: AUTHOR.displayName,
    orgUnitId: fixtures.orgUnitId('kankyo'),
    roles: [{ role: 'staff', orgUnitId: null }],
  });
  authorId = author.id as string;
  const campaign = await ok('reform', 'POST', '/api/v1/campaigns', {
    fiscalYear: fixtures.fiscalYear,
    title: '匿名性確認の募集',
    themes: ['workstyle', 'office', 'rules'],
    phases: phasesAroundToday({ isSubmissionOpen: true }),
  });
  campaignId = campaign.id as string;
  await ok('reform', 'PUT', `/api/v1/campaigns/${campaignId}/team/${fixtures.userId('pt1')}`);
  const authorCookie = await mintSessionCookie(t.database.pool, authorId);
  const created = await sendRequest(
    t.app,
    'POST',
    {
      path: '/api/v1/ideas',
      body: {
        campaignId,
        theme: 'workstyle',
        title: IDEA_TITLE,
        problem: '提案者を知られたくない職員もいる。',
        proposal: '匿名での投稿を認める。',
        isAnonymous: true,
      },
    },
    authorCookie,
  );
  if (created.status !== 201)
    throw new Error(`cannot submit the anonymous idea: ${created.status} ${created.text.slice(0, 300)}`);
  ideaId = (created.body as { id: string }).id;
  await sendRequest(
    t.app,
    'POST',
    { path: `/api/v1/ideas/${ideaId}/comments`, body: { body: '提案者からの補足です。' } },
    authorCookie,
  );
  await ok('staff2', 'PUT', `/api/v1/ideas/${ideaId}/supports`);
  await ok('pt1', 'POST', `/api/v1/ideas/${ideaId}/comments`, { body: 'PT からの質問です。' });
});
afterAll(async () => {
  writeFigures('anonymity-crawl', figures);
  await t?.close();
});

/** Entries of a ZIP package (Office files), inflated. */
function zipTexts(bytes: Buffer): string[] {
  const texts: string[] = [];
  let end = -1;
  for (let index = bytes.length - 22; index >= Math.max(0, bytes.length - 65_557); index--) {
    if (bytes.readUInt32LE(index) === 0x06054b50) {
      end = index;
      break;
    }
  }
  if (end < 0) return texts;
  let offset = bytes.readUInt32LE(end + 16);
  const count = bytes.readUInt16LE(end + 10);
  for (let entry = 0; entry < count && offset + 46 <= bytes.length; entry++) {
    if (bytes.readUInt32LE(offset) !== 0x02014b50) break;
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const local = bytes.readUInt32LE(offset + 42);
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    try {
      texts.push((method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    } catch {
      // not readable: left out
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return texts;
}

/** Inflated content streams of a PDF. */
function pdfTexts(bytes: Buffer): string[] {
  const texts: string[] = [];
  const source = bytes.toString('latin1');
  let from = 0;
  for (;;) {
    const start = source.indexOf('stream', from);
    if (start < 0) break;
    const dataStart = start + (source[start + 6] === '\r' ? 8 : 7);
    const end = source.indexOf('endstream', dataStart);
    if (end < 0) break;
    try {
      texts.push(inflateSync(bytes.subarray(dataStart, end)).toString('latin1'));
    } catch {
      // not a deflated stream
    }
    from = end + 9;
  }
  return texts;
}

/** Everything readable in an answer: its text in UTF-8 and Shift_JIS, and inside packages and PDFs. */
async function readable(response: TestResponse, raw: Buffer): Promise<string[]> {
  const texts = [response.text, new TextDecoder('shift_jis').decode(raw)];
  if (raw.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    figures.packagesOpened += 1;
    texts.push(...zipTexts(raw));
  }
  if (raw.subarray(0, 5).toString('latin1') === '%PDF-') {
    figures.pdfStreamsOpened += 1;
    texts.push(...pdfTexts(raw));
  }
  return texts;
}

const IDEA_TITLE = '匿名でも出せる提案の確認';

function needleIn(text: string): string | null {
  for (const needle of [AUTHOR.displayName, AUTHOR.login, authorId, AUTHOR.displayName.replace(' ', '')]) {
    if (text.includes(needle)) return needle;
  }
  // A PDF may write each character as a UTF-16 hex glyph string: look for the name that way too.
  const hex = Buffer.from(AUTHOR.displayName.replace(' ', ''), 'utf16le').swap16().toString('hex');
  if (text.toLowerCase().includes(hex)) return `${AUTHOR.displayName} (UTF-16)`;
  return null;
}

function ideaIn(text: string): boolean {
  return text.includes(ideaId) || text.includes(IDEA_TITLE);
}

/**
 * Records of an answer that must not join the idea and its author. The author's name on its own is
 * no leak (administrators manage accounts; the author writes named ideas too): the name within the
 * anonymous idea's record is. Records: every JSON object that names the idea in its own fields
 * (with everything beneath it, comments included); every line of a text (CSV rows); each part of
 * a package or stream of a PDF; and the whole answer of a route about the idea itself.
 */
function records(texts: string[], isAboutTheIdea: boolean): string[] {
  const found: string[] = [];
  for (const text of texts) {
    if (isAboutTheIdea) found.push(text);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      found.push(...text.split(/\r?\n/), text.length < 200_000 ? text : '');
      continue;
    }
    const walk = (value: unknown) => {
      if (Array.isArray(value)) for (const item of value) walk(item);
      else if (value && typeof value === 'object') {
        const own = Object.values(value).filter((item) => typeof item === 'string') as string[];
        if (own.some(ideaIn)) found.push(JSON.stringify(value));
        for (const item of Object.values(value)) walk(item);
      }
    };
    walk(parsed);
  }
  return found;
}

function leakIn(texts: string[], isAboutTheIdea: boolean): string | null {
  for (const record of records(texts, isAboutTheIdea)) {
    if (!isAboutTheIdea && !ideaIn(record)) continue;
    const needle = needleIn(record);
    if (needle) return needle;
  }
  return null;
}

describe('anonymity across every feature', () => {
  it('names the anonymous author in no answer a peer, an administrator or the public gets', async () => {
    const peers = actors.filter((actor) => !actor.grants.some((grant) => grant.role === 'reform_office'));
    figures.actors = peers.length;
    const leaks: string[] = [];
    for (const entry of entries) {
      const paramNames = [...entry.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!);
      const substitute =
        paramNames.length === 1 && paramNames[0] === 'id'
          ? entry.path.startsWith('/api/v1/ideas/')
            ? ideaId
            : entry.path.startsWith('/api/v1/campaigns/')
              ? campaignId
              : null
          : null;
      for (const scope of entry.scopes ?? ['-']) {
        for (const actor of peers) {
          if (!isAllowed(entry, actor, scope)) continue;
          const specs = [entry.request ? await entry.request(fixtures, actor, scope) : { path: entry.path }];
          if (substitute) specs.push({ path: fillPath(entry.path, { id: substitute }) });
          if (entry.path === '/api/v1/ideas' || entry.path.startsWith('/api/v1/campaigns/'))
            specs.push({
              path: `${specs[0]!.path}${specs[0]!.path.includes('?') ? '&' : '?'}campaign=${campaignId}`,
            });
          for (const spec of specs) {
            const cookie = await cookieFor(t, actor);
            const headers: Record<string, string> = { origin: 'http://totonoe.test', ...spec.headers };
            if (cookie) headers.cookie = cookie;
            const response = await t.app.request(`http://totonoe.test${spec.path}`, { headers });
            const raw = Buffer.from(await response.arrayBuffer());
            const answer: TestResponse = {
              status: response.status,
              headers: response.headers,
              body: null,
              text: raw.toString('utf8'),
            };
            figures.responsesChecked += 1;
            figures.bytesChecked += raw.length;
            const leak = leakIn(await readable(answer, raw), spec.path.includes(ideaId));
            if (leak) leaks.push(`GET ${spec.path} as ${actor.name} (${response.status}) holds ${leak}`);
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(figures.responsesChecked).toBeGreaterThan(200);
  }, 600_000);

  it('puts the author in no e-mail waiting for anyone else', async () => {
    const { rows } = await t.database.pool.query<{ recipient_id: string; text: string }>(
      'select recipient_id, row_to_json(m)::text as text from mail_outbox m where recipient_id <> $1',
      [authorId],
    );
    const leaks = rows.filter((row) => needleIn(row.text)).map((row) => row.text.slice(0, 200));
    expect(leaks).toEqual([]);
  });

  it('still knows the author where it must: the reform office sees who wrote the idea', async () => {
    const response = await fixtures.call('reform', 'GET', `/api/v1/ideas/${ideaId}`);
    expect(response.status).toBe(200);
    expect(response.text).toContain(AUTHOR.displayName);
  });
});
