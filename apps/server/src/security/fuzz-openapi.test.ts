// The OpenAPI extension of zod first: some features' schemas are declared with .openapi() at import.
import '@hono/zod-openapi';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOG } from '../lib/errors.ts';
import { DEMO_USERS } from '../seed/demo-organisation.ts';
import { mintSessionCookie, userIdOf } from '../test/sessions.ts';
import { createTestApp, type TestApp, type TestResponse } from '../test/test-app.ts';
import { writeFigures } from './figures.ts';
import { sendRequest } from './matrix-harness.ts';
import {
  anyJson,
  arbitraryFor,
  HOSTILE_STRINGS,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiParameter,
} from './openapi-arbitraries.ts';

/**
 * Property-based requests generated from `/api/v1/openapi.json` against every operation, as
 * several roles and without a session: no answer is a 5xx, every 4xx is a problem+json with a
 * known code and Japanese and English messages, and nothing rejects unhandled.
 * TOTONOE_FUZZ_RUNS sets the number of requests (10,000 by default); TOTONOE_FUZZ_SEED replays a run.
 */

const TOTAL_RUNS = Number(process.env.TOTONOE_FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.TOTONOE_FUZZ_SEED ?? Date.now() % 2 ** 31);
const CONCURRENT_OPERATIONS = 4;
const ACTORS = [null, 'reform', 'mayor', 'kodomo-head', 'kodomo-staff', 'staff1', 'pt1', 'admin'] as const;
// Requests that end the session they carry get a fresh one, so the others keep theirs.
const SESSION_ENDING = new Set(['POST /api/v1/session', 'DELETE /api/v1/session', 'PUT /api/v1/me/password']);

type Operation = { method: string; path: string; operation: OpenApiOperation };
type FuzzBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string; contentType: string | null }
  | { kind: 'form'; fields: Record<string, string | File> };
type FuzzRequest = {
  actor: (typeof ACTORS)[number];
  path: string;
  headers: Record<string, string>;
  body: FuzzBody;
};

let t: TestApp;
let document: OpenApiDocument;
let ids: string[] = [];
const cookies = new Map<string, string>();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const figures = { operations: 0, requests: 0, byStatus: {} as Record<string, number>, seed: SEED };

async function mintCookies(): Promise<void> {
  for (const login of ACTORS) {
    if (login)
      cookies.set(login, await mintSessionCookie(t.database.pool, await userIdOf(t.database.pool, login)));
  }
}

/** Ids of real rows of every table with a uuid primary key: requests then reach real objects. */
async function realIds(): Promise<string[]> {
  const { rows: tables } = await t.database.pool.query<{ table_name: string }>(
    `select table_name from information_schema.columns
     where table_schema = 'public' and column_name = 'id' and data_type = 'uuid'`,
  );
  const found: string[] = [];
  for (const { table_name } of tables) {
    const { rows } = await t.database.pool.query<{ id: string }>(`select id from "${table_name}" limit 4`);
    found.push(...rows.map((row) => row.id));
  }
  return found;
}

let demoRoles: { user_id: string; role: string; org_unit_id: string | null }[] = [];

/** Puts the demo accounts back as they were: fuzzed admin calls may deactivate them or change their roles. */
async function restoreDemoAccounts(): Promise<void> {
  const { pool } = t.database;
  const logins = DEMO_USERS.map((user) => user.login);
  await pool.query('update users set is_active = true where login = any($1)', [logins]);
  await pool.query('delete from user_roles where user_id in (select id from users where login = any($1))', [
    logins,
  ]);
  for (const grant of demoRoles)
    await pool.query('insert into user_roles (user_id, role, org_unit_id) values ($1, $2, $3)', [
      grant.user_id,
      grant.role,
      grant.org_unit_id,
    ]);
  await mintCookies();
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function parameterArbitrary(parameter: OpenApiParameter): fc.Arbitrary<string> {
  return arbitraryFor(document, parameter.schema, { ids, chaos: 0.15 }).map(asText);
}

const csvText = fc
  .array(
    fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...HOSTILE_STRINGS.slice(0, 10))), {
      maxLength: 6,
    }),
    {
      maxLength: 8,
    },
  )
  .map((rows) => rows.map((row) => row.join(',')).join('\r\n'));

const fileArbitrary = fc
  .tuple(
    fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.constantFrom(
        new TextEncoder().encode('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'),
        new TextEncoder().encode('<html><script>alert(1)</script></html>'),
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
      ),
    ),
    fc.oneof(
      fc.constantFrom(
        '資料.pdf',
        'a.png',
        '../../etc/passwd',
        'x\u0000.pdf',
        '<img src=x onerror=alert(1)>.pdf',
        'a'.repeat(300),
      ),
      fc.string({ maxLength: 30 }),
    ),
  )
  .map(([bytes, name]) => new File([bytes as Uint8Array<ArrayBuffer>], name));

function bodyArbitrary(operation: OpenApiOperation): fc.Arbitrary<FuzzBody> {
  const content = operation.requestBody?.content ?? {};
  const choices: fc.Arbitrary<FuzzBody>[] = [];
  const json = content['application/json'];
  if (json) {
    const value = arbitraryFor(document, json.schema, { ids, chaos: 0.08 });
    choices.push(value.map((item) => ({ kind: 'json', value: item }) as FuzzBody));
    choices.push(value.map((item) => ({ kind: 'json', value: item }) as FuzzBody));
    choices.push(value.map((item) => ({ kind: 'json', value: item }) as FuzzBody));
  }
  const multipart = content['multipart/form-data'];
  if (multipart) {
    const schema = multipart.schema?.$ref
      ? document.components?.schemas?.[multipart.schema.$ref.replace('#/components/schemas/', '')]
      : multipart.schema;
    const fields: Record<string, fc.Arbitrary<string | File>> = {};
    for (const [name, property] of Object.entries(schema?.properties ?? {})) {
      fields[name] =
        property.format === 'binary'
          ? fileArbitrary
          : arbitraryFor(document, property, { ids, chaos: 0.1 }).map(asText);
    }
    const form = fc.record(fields, { requiredKeys: schema?.required ?? [] });
    choices.push(
      form.map((value) => ({ kind: 'form', fields: value as Record<string, string | File> }) as FuzzBody),
    );
    choices.push(
      form.map((value) => ({ kind: 'form', fields: value as Record<string, string | File> }) as FuzzBody),
    );
  }
  if (content['text/csv']) {
    choices.push(csvText.map((text) => ({ kind: 'raw', text, contentType: 'text/csv' }) as FuzzBody));
  }
  // Whatever the operation expects, some requests are broken in transport.
  choices.push(
    fc.constantFrom<FuzzBody>(
      { kind: 'none' },
      { kind: 'raw', text: '{"a":', contentType: 'application/json' },
      { kind: 'raw', text: 'login=a&password=b', contentType: 'application/x-www-form-urlencoded' },
      { kind: 'raw', text: '<x/>', contentType: 'text/plain' },
      {
        kind: 'raw',
        text: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc',
        contentType: 'multipart/form-data; boundary=y',
      },
    ),
    anyJson.map((value) => ({ kind: 'json', value }) as FuzzBody),
  );
  return fc.oneof(...choices);
}

function requestArbitrary({ path, operation }: Operation): fc.Arbitrary<FuzzRequest> {
  const parameters = operation.parameters ?? [];
  const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
  const pathValues = fc.record(
    Object.fromEntries(pathParameters.map((parameter) => [parameter.name, parameterArbitrary(parameter)])),
  );
  const queryValues = fc.record(
    Object.fromEntries(queryParameters.map((parameter) => [parameter.name, parameterArbitrary(parameter)])),
    { requiredKeys: [] },
  );
  const ifMatch = fc.constantFrom(undefined, '"1"', '"2"', '"3"', '*', 'W/"1"', 'garbage', '"99999999999"');
  return fc
    .record({
      actor: fc.constantFrom(...ACTORS),
      pathValues,
      queryValues,
      ifMatch,
      acceptLanguage: fc.constantFrom(undefined, 'en', 'ja', 'en-US,en;q=0.9', '*'),
      body: bodyArbitrary(operation),
    })
    .map(({ actor, pathValues: values, queryValues: query, ifMatch: match, acceptLanguage, body }) => {
      let concrete = path.replace(/\{([^}]+)\}/g, (_whole, name: string) =>
        encodeURIComponent((values as Record<string, string>)[name] ?? ''),
      );
      const search = new URLSearchParams(query as Record<string, string>).toString();
      if (search) concrete += `?${search}`;
      const headers: Record<string, string> = {};
      if (match !== undefined) headers['if-match'] = match;
      if (acceptLanguage !== undefined) headers['accept-language'] = acceptLanguage;
      return { actor, path: concrete, headers, body };
    });
}

async function send(method: string, routePath: string, request: FuzzRequest): Promise<TestResponse> {
  let cookie = request.actor ? (cookies.get(request.actor) ?? null) : null;
  if (request.actor && SESSION_ENDING.has(`${method} ${routePath}`))
    cookie = await mintSessionCookie(t.database.pool, await userIdOf(t.database.pool, request.actor));
  // A GET carries no body (fetch refuses one); its query string is what is fuzzed.
  const body: FuzzBody = method === 'GET' ? { kind: 'none' } : request.body;
  const headers = { ...request.headers };
  if (body.kind === 'raw' && body.contentType) headers['content-type'] = body.contentType;
  return sendRequest(
    t.app,
    method,
    {
      path: request.path,
      headers,
      body: body.kind === 'json' ? body.value : undefined,
      rawBody: body.kind === 'raw' ? body.text : undefined,
      form: body.kind === 'form' ? body.fields : undefined,
    },
    cookie,
  );
}

/** Why the answer is not acceptable, or null. */
function problemWith(response: TestResponse): string | null {
  if (response.status >= 500) return `server error ${response.status}: ${response.text.slice(0, 300)}`;
  if (response.status < 400) return null;
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.startsWith('application/problem+json'))
    return `${response.status} is not problem+json (${contentType})`;
  const body = response.body as {
    code?: string;
    status?: number;
    detail?: string;
    messages?: { ja?: unknown; en?: unknown };
  };
  if (!body?.code || !(body.code in ERROR_CATALOG))
    return `${response.status} has an unknown code ${body?.code}`;
  if (body.status !== response.status) return `problem status ${body.status} differs from ${response.status}`;
  if (
    typeof body.messages?.ja !== 'string' ||
    !body.messages.ja ||
    typeof body.messages.en !== 'string' ||
    !body.messages.en
  )
    return `${response.status} ${body.code} lacks Japanese or English messages`;
  if (typeof body.detail !== 'string' || !body.detail) return `${response.status} ${body.code} has no detail`;
  return null;
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  t = await createTestApp();
  document = (await t.call('GET', '/api/v1/openapi.json')).body as OpenApiDocument;
  ids = await realIds();
  demoRoles = (
    await t.database.pool.query(
      'select user_id, role, org_unit_id from user_roles where user_id in (select id from users where login = any($1))',
      [DEMO_USERS.map((user) => user.login)],
    )
  ).rows;
  await mintCookies();
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  writeFigures('fuzz-openapi', figures);
  await t?.close();
});

describe('fuzzing from the OpenAPI document', () => {
  it(`answers ${TOTAL_RUNS} generated requests without a 5xx, with problem+json for every 4xx`, async () => {
    const operations: Operation[] = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        operation,
      })),
    );
    expect(operations.length).toBeGreaterThan(20);
    const runsPerOperation = Math.max(5, Math.ceil(TOTAL_RUNS / operations.length));
    const failures: string[] = [];
    const fuzzOperation = async (entry: Operation, index: number) => {
      const routePath = entry.path.replace(/\{([^}]+)\}/g, ':$1');
      const result = await fc.check(
        fc.asyncProperty(requestArbitrary(entry), async (request) => {
          const response = await send(entry.method, routePath, request);
          figures.requests += 1;
          figures.byStatus[response.status] = (figures.byStatus[response.status] ?? 0) + 1;
          const problem = problemWith(response);
          if (problem) throw new Error(problem);
        }),
        { numRuns: runsPerOperation, seed: SEED + index, endOnFailure: true },
      );
      figures.operations += 1;
      if (result.failed) {
        const example = result.counterexample?.[0] as FuzzRequest | undefined;
        failures.push(
          `${entry.method} ${entry.path} (seed ${SEED + index}): ${String((result.errorInstance as Error)?.message ?? result.errorInstance)} — ${example ? JSON.stringify({ ...example, body: example.body.kind === 'form' ? '(multipart)' : example.body }).slice(0, 600) : ''}`,
        );
      }
    };
    // A few operations at a time: PostgreSQL serves them in parallel; the embedded database queues them.
    for (let start = 0; start < operations.length; start += CONCURRENT_OPERATIONS) {
      await Promise.all(
        operations
          .slice(start, start + CONCURRENT_OPERATIONS)
          .map((entry, offset) => fuzzOperation(entry, start + offset)),
      );
      await restoreDemoAccounts();
    }
    expect(failures).toEqual([]);
    expect(unhandled.map(String)).toEqual([]);
    // Still serving after all of it.
    expect((await t.call('GET', '/healthz')).status).toBe(200);
  }, 600_000);
});
