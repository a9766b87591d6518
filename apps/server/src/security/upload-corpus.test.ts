import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCEPTED_FILE_KINDS,
  attachmentDownloadResponse,
  readAttachmentContent,
  storeAttachment,
} from '../features/attachments/index.ts';
import { SAMPLE_FILES } from '../features/attachments/test-files.ts';
import { AppError } from '../lib/errors.ts';
import type { MatrixActor, MatrixFixtures } from '../test/access-entry.ts';
import { createTestApp, type TestApp, type TestResponse } from '../test/test-app.ts';
import { writeFigures } from './figures.ts';
import {
  cookieFor,
  createMatrixActors,
  createMatrixFixtures,
  isAllowed,
  loadAccessEntries,
  sendRequest,
} from './matrix-harness.ts';

/**
 * The upload corpus against the shared attachments feature and every upload route the access
 * entries describe: wrong content for the extension, HTML and SVG polyglots, oversize and empty
 * files, names with `../`, NUL, control characters, very long and Japanese names. Each is refused
 * or stored safely; nothing is ever served inline as active content; nothing is written outside
 * the database.
 */

const encoder = new TextEncoder();
const html = encoder.encode('<!doctype html><html><body><script>window.__xss=1</script></body></html>');
const svg = encoder.encode(
  '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"><script>window.__xss=1</script></svg>',
);
// A PDF header with a page behind it: sniffers that look past the first bytes see HTML.
const pdfHtmlPolyglot = encoder.encode(
  '%PDF-1.4\n<html><body><script>window.__xss=1</script></body></html>\n%%EOF\n',
);
const gifHtmlPolyglot = encoder.encode(
  'GIF89a/*<svg onload=window.__xss=1>*/=1;<script>window.__xss=1</script>',
);
const pngThenHtml = new Uint8Array([...SAMPLE_FILES.png(), ...html]);

type CorpusItem = { label: string; name: string; bytes: Uint8Array; expect: 'refused' | 'stored' | 'either' };

const CORPUS: CorpusItem[] = [
  { label: 'PNG bytes named .pdf', name: 'corpus-image.pdf', bytes: SAMPLE_FILES.png(), expect: 'refused' },
  {
    label: 'PDF bytes named .png',
    name: 'corpus-document.png',
    bytes: SAMPLE_FILES.pdf(),
    expect: 'refused',
  },
  {
    label: 'a plain ZIP named .docx',
    name: 'corpus.docx',
    bytes: SAMPLE_FILES.plainZip(),
    expect: 'refused',
  },
  {
    label: 'a macro workbook named .xlsx',
    name: 'corpus.xlsx',
    bytes: SAMPLE_FILES.xlsm(),
    expect: 'refused',
  },
  {
    label: 'an executable named .pdf',
    name: 'corpus.pdf',
    bytes: SAMPLE_FILES.executable(),
    expect: 'refused',
  },
  { label: 'HTML named .html', name: 'corpus.html', bytes: html, expect: 'refused' },
  { label: 'HTML named .pdf', name: 'corpus-html.pdf', bytes: html, expect: 'refused' },
  { label: 'SVG named .svg', name: 'corpus.svg', bytes: svg, expect: 'refused' },
  { label: 'SVG named .png', name: 'corpus-svg.png', bytes: svg, expect: 'refused' },
  { label: 'HTML named .txt', name: 'corpus-html.txt', bytes: html, expect: 'either' },
  { label: 'PDF/HTML polyglot', name: 'corpus-polyglot.pdf', bytes: pdfHtmlPolyglot, expect: 'either' },
  {
    label: 'GIF/HTML polyglot named .gif',
    name: 'corpus-polyglot.gif',
    bytes: gifHtmlPolyglot,
    expect: 'either',
  },
  { label: 'PNG followed by HTML', name: 'corpus-trailing.png', bytes: pngThenHtml, expect: 'either' },
  { label: 'zero bytes', name: 'corpus-empty.pdf', bytes: new Uint8Array(0), expect: 'refused' },
  { label: 'a name with ../', name: '../../corpus-escape.pdf', bytes: SAMPLE_FILES.pdf(), expect: 'stored' },
  {
    label: 'a name with ..\\',
    name: '..\\..\\corpus-escape-windows.pdf',
    bytes: SAMPLE_FILES.pdf(),
    expect: 'stored',
  },
  {
    label: 'an absolute name',
    name: '/etc/corpus-absolute.pdf',
    bytes: SAMPLE_FILES.pdf(),
    expect: 'stored',
  },
  { label: 'a name with NUL', name: 'corpus\u0000.exe.pdf', bytes: SAMPLE_FILES.pdf(), expect: 'stored' },
  {
    label: 'a name with CR LF',
    name: 'corpus\r\nX-Injected: 1.pdf',
    bytes: SAMPLE_FILES.pdf(),
    expect: 'stored',
  },
  {
    label: 'a name with quotes and ;',
    name: 'corpus"; filename="evil.html.pdf',
    bytes: SAMPLE_FILES.pdf(),
    expect: 'stored',
  },
  {
    label: 'a right-to-left override',
    name: 'corpus\u202Efdp.exe.pdf',
    bytes: SAMPLE_FILES.pdf(),
    expect: 'stored',
  },
  { label: 'a hidden dot file', name: '.corpus-hidden.pdf', bytes: SAMPLE_FILES.pdf(), expect: 'stored' },
  {
    label: 'a very long name',
    name: `${'長'.repeat(1000)}.pdf`,
    bytes: SAMPLE_FILES.pdf(),
    expect: 'stored',
  },
  {
    label: 'a Japanese name',
    name: '令和6年度_市政変革（第1回X会議）資料①.pdf',
    bytes: SAMPLE_FILES.pdf(),
    expect: 'stored',
  },
  { label: 'a name that is only dots', name: '...', bytes: SAMPLE_FILES.pdf(), expect: 'refused' },
  { label: 'an empty name', name: '', bytes: SAMPLE_FILES.pdf(), expect: 'refused' },
];

/** Types a browser would run or render as a page of ours. */
const ACTIVE_TYPES = /html|svg|xml|javascript|ecmascript|x-shockwave|text\/plain.*html/i;
const SAFE_TYPES = new Set<string>(Object.values(ACCEPTED_FILE_KINDS).map((kind) => kind.contentType));

let t: TestApp;
let actors: MatrixActor[];
let fixtures: MatrixFixtures;
const figures = {
  corpusItems: CORPUS.length,
  useCaseRefused: 0,
  useCaseStored: 0,
  uploadRoutes: 0,
  routeRequests: 0,
  downloadsChecked: 0,
  acceptedForLaterChecking: 0,
};

beforeAll(async () => {
  t = await createTestApp();
  actors = await createMatrixActors(t);
  fixtures = await createMatrixFixtures(t);
});
afterAll(async () => {
  writeFigures('upload-corpus', figures);
  await t?.close();
});

/** What is wrong with a stored name. */
function nameProblems(name: string): string[] {
  const problems: string[] = [];
  if (/[\\/]/.test(name)) problems.push('holds a folder separator');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for.
  if (/[\u0000-\u001f\u007f]/.test(name)) problems.push('holds a control character');
  if (/[\u202a-\u202e\u2066-\u2069]/.test(name)) problems.push('holds a bidirectional override');
  if (name.startsWith('.')) problems.push('starts with a dot');
  if ([...name].length > 255) problems.push('is longer than 255 characters');
  if (!name) problems.push('is empty');
  return problems;
}

/** What is wrong with how a file is served. */
function downloadProblems(headers: Headers): string[] {
  const problems: string[] = [];
  const type = headers.get('content-type') ?? '';
  if (ACTIVE_TYPES.test(type)) problems.push(`served as active content ${type}`);
  const disposition = headers.get('content-disposition') ?? '';
  if (!disposition.startsWith('attachment;')) problems.push(`not a download: ${disposition}`);
  const fallback = /filename="([^"]*)"/.exec(disposition)?.[1];
  if (fallback === undefined) problems.push('no quoted ASCII file name');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for.
  if (/[\r\n\u0000]/.test(disposition)) problems.push('Content-Disposition holds a line break or NUL');
  // Parameters outside quoted strings: a name must not be able to add a second filename.
  const parameters = disposition.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if ((parameters.match(/filename=/g) ?? []).length > 1) problems.push('more than one filename parameter');
  if (headers.get('x-content-type-options') !== 'nosniff') problems.push('no nosniff');
  return problems;
}

async function serveWithSharedResponse(
  file: Parameters<typeof attachmentDownloadResponse>[1],
): Promise<Response> {
  const app = new Hono();
  app.get('/file', (c) => attachmentDownloadResponse(c, file));
  return app.request('http://totonoe.test/file');
}

describe('the upload corpus against the shared attachments feature', () => {
  it('refuses or stores each file safely, and serves what it stored only as a download', async () => {
    const problems: string[] = [];
    const limitBytes = 64 * 1024;
    const oversize: CorpusItem = {
      label: 'one byte over the limit',
      name: 'corpus-large.pdf',
      bytes: new Uint8Array([...SAMPLE_FILES.pdf(), ...new Uint8Array(limitBytes)]),
      expect: 'refused',
    };
    for (const item of [...CORPUS, oversize]) {
      const ownerId = randomUUID();
      let stored: Awaited<ReturnType<typeof storeAttachment>> | null = null;
      try {
        stored = await t.database.db.transaction((tx) =>
          storeAttachment(tx, {
            ownerType: 'security_corpus',
            ownerId,
            fileName: item.name,
            title: item.label,
            bytes: item.bytes,
            limitBytes,
            actor: { userId: null, requestId: 'upload-corpus', ip: undefined },
          }),
        );
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500)
          problems.push(`${item.label}: failed with ${String(error)}`);
        else if (!error.messages.ja || !error.messages.en)
          problems.push(`${item.label}: refusal without messages`);
      }
      const { rows } = await t.database.pool.query(
        'select count(*)::int as n from attachments where owner_id = $1',
        [ownerId],
      );
      if (!stored) {
        figures.useCaseRefused += 1;
        if (item.expect === 'stored')
          problems.push(`${item.label}: refused, expected to be stored under a clean name`);
        if (rows[0].n !== 0) problems.push(`${item.label}: refused but a row was written`);
        continue;
      }
      figures.useCaseStored += 1;
      if (item.expect === 'refused')
        problems.push(`${item.label}: stored as ${stored.contentType}, expected a refusal`);
      problems.push(
        ...nameProblems(stored.fileName).map((problem) => `${item.label}: the stored name ${problem}`),
      );
      if (!SAFE_TYPES.has(stored.contentType))
        problems.push(`${item.label}: stored as ${stored.contentType}`);
      const content = await readAttachmentContent(t.database.db, 'security_corpus', ownerId, stored.id);
      if (!content) {
        problems.push(`${item.label}: cannot be read back`);
        continue;
      }
      const response = await serveWithSharedResponse(content);
      problems.push(...downloadProblems(response.headers).map((problem) => `${item.label}: ${problem}`));
      if (!/sandbox/.test(response.headers.get('content-security-policy') ?? ''))
        problems.push(`${item.label}: download without a sandbox policy`);
      const body = new Uint8Array(await response.arrayBuffer());
      if (Buffer.compare(Buffer.from(body), Buffer.from(item.bytes)) !== 0)
        problems.push(`${item.label}: bytes changed`);
    }
    expect(problems).toEqual([]);
  });
});

/** Download links in a response body: strings that are API paths to a file. */
function downloadLinks(value: unknown): string[] {
  if (typeof value === 'string')
    return /^\/api\/v1\/\S+\/(file|attachments\/[^/?]+|download)(\?.*)?$/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(downloadLinks);
  if (value && typeof value === 'object') return Object.values(value).flatMap(downloadLinks);
  return [];
}

describe('the upload corpus against every upload route', () => {
  it('answers each file with a stored download or a problem+json refusal, never a 5xx', async () => {
    const entries = (await loadAccessEntries()).filter((entry) => entry.method !== 'GET' && entry.request);
    const problems: string[] = [];
    const writers = ['reform', 'kodomo-head', 'kodomo-staff', 'admin', 'pt1', 'staff1'];
    for (const entry of entries) {
      const scope = entry.scopes?.[0] ?? '-';
      const actor = writers
        .map((name) => actors.find((candidate) => candidate.name === name)!)
        .find((candidate) => isAllowed(entry, candidate, scope));
      if (!actor) continue;
      const probe = await entry.request!(fixtures, actor, scope);
      const fileField = Object.entries(probe.form ?? {}).find(([, value]) => value instanceof File)?.[0];
      if (!fileField) continue;
      figures.uploadRoutes += 1;
      const oversize: CorpusItem = {
        label: 'one byte over the configured limit',
        name: 'corpus-large.pdf',
        bytes: new Uint8Array(t.app ? 20 * 1024 * 1024 + 1 : 0).fill(0x20),
        expect: 'refused',
      };
      oversize.bytes.set(SAMPLE_FILES.pdf());
      for (const item of [...CORPUS, oversize]) {
        const spec = await entry.request!(fixtures, actor, scope);
        const response: TestResponse = await sendRequest(
          t.app,
          entry.method,
          {
            ...spec,
            form: { ...spec.form, [fileField]: new File([item.bytes as Uint8Array<ArrayBuffer>], item.name) },
          },
          await cookieFor(t, actor),
        );
        figures.routeRequests += 1;
        const label = `${entry.method} ${entry.path} with ${item.label}`;
        if (response.status >= 500) problems.push(`${label}: ${response.status}`);
        else if (response.status >= 400) {
          if (!(response.headers.get('content-type') ?? '').startsWith('application/problem+json'))
            problems.push(`${label}: ${response.status} is not problem+json`);
          if (item.expect === 'stored')
            problems.push(`${label}: refused (${response.status}), expected a clean name`);
        } else {
          // A route may take a file for later checking (an import job); what it stores as an
          // attachment must be a safe kind, and what it serves back a download.
          const storedType = (response.body as { contentType?: unknown } | null)?.contentType;
          if (typeof storedType === 'string') {
            if (item.expect === 'refused')
              problems.push(`${label}: stored as ${storedType}, expected a refusal`);
            if (!SAFE_TYPES.has(storedType)) problems.push(`${label}: stored as ${storedType}`);
          } else figures.acceptedForLaterChecking += 1;
          // Links the answer gives, and the usual place of a created file: the upload path plus its id.
          const createdId = (response.body as { id?: unknown } | null)?.id;
          const links = downloadLinks(response.body);
          if (typeof createdId === 'string') links.push(`${spec.path.split('?')[0]}/${createdId}`);
          for (const link of links) {
            const download = await sendRequest(t.app, 'GET', { path: link }, await cookieFor(t, actor));
            if (download.status !== 200 || !download.headers.get('content-disposition')) continue;
            figures.downloadsChecked += 1;
            problems.push(
              ...downloadProblems(download.headers).map((problem) => `${label}, ${link}: ${problem}`),
            );
          }
        }
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('writes nothing outside the database, whatever the name says', () => {
    const names = CORPUS.map((item) => item.name).filter(
      (name) => name.includes('corpus-escape') || name.includes('absolute'),
    );
    for (const base of [process.cwd(), tmpdir(), path.join(process.cwd(), 'apps/server'), '/etc', '/']) {
      for (const name of names) {
        const normalised = name.replaceAll('\\', '/');
        expect(existsSync(path.resolve(base, normalised)), `${normalised} under ${base}`).toBe(false);
        expect(
          existsSync(path.resolve(base, path.basename(normalised))),
          `${path.basename(normalised)} under ${base}`,
        ).toBe(false);
      }
    }
  });
});
