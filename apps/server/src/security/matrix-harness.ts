import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Role } from '@totonoe/domain';
import { hashPassword } from '../features/auth/passwords.ts';
import type { App } from '../lib/context.ts';
import { DEMO_USERS } from '../seed/demo-organisation.ts';
import {
  type AccessEntry,
  type AccessRequest,
  MATRIX_ACTOR_NAMES,
  type MatrixActor,
  type MatrixFixtures,
} from '../test/access-entry.ts';
import { mintSessionCookie } from '../test/sessions.ts';
import { TEST_ORIGIN, type TestApp, type TestResponse } from '../test/test-app.ts';

const featuresDir = fileURLToPath(new URL('../features/', import.meta.url));

export const DEACTIVATED_LOGIN = 'matrix-deactivated';

/** A route as the router holds it. */
export type RouterRoute = { method: string; path: string };

/**
 * Every API route the router serves: the paths under /api/ and the health check, once per method,
 * without the catch-all handlers (`/api/*`, `*`) that answer 404.
 */
export function listRouterRoutes(app: App): RouterRoute[] {
  const seen = new Map<string, RouterRoute>();
  for (const route of app.routes) {
    if (route.method === 'ALL' || route.path.includes('*')) continue;
    if (!route.path.startsWith('/api/') && route.path !== '/healthz') continue;
    seen.set(`${route.method} ${route.path}`, { method: route.method, path: route.path });
  }
  return [...seen.values()];
}

export type LoadedEntry = AccessEntry & { file: string };

function isAccessEntry(value: unknown): value is AccessEntry {
  const candidate = value as Partial<AccessEntry> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.method === 'string' &&
    typeof candidate.path === 'string' &&
    candidate.allow !== undefined
  );
}

/** Every `features/<feature>/*.access.ts` file's entries (all exported arrays of entries). */
export async function loadAccessEntries(): Promise<LoadedEntry[]> {
  const entries: LoadedEntry[] = [];
  for (const feature of readdirSync(featuresDir, { withFileTypes: true })) {
    if (!feature.isDirectory()) continue;
    const folder = path.join(featuresDir, feature.name);
    for (const name of readdirSync(folder)) {
      if (!name.endsWith('.access.ts')) continue;
      const module = (await import(pathToFileURL(path.join(folder, name)).href)) as Record<string, unknown>;
      for (const exported of Object.values(module)) {
        if (!Array.isArray(exported)) continue;
        for (const entry of exported) {
          if (isAccessEntry(entry)) entries.push({ ...entry, file: `features/${feature.name}/${name}` });
        }
      }
    }
  }
  return entries;
}

/** The key a route and an entry share. */
export function routeKey(route: { method: string; path: string }): string {
  return `${route.method.toUpperCase()} ${route.path}`;
}

/** Sends one request to the in-process app, with or without a session, JSON or multipart. */
export async function sendRequest(
  app: App,
  method: string,
  spec: AccessRequest,
  cookie: string | null,
): Promise<TestResponse> {
  const headers: Record<string, string> = { origin: TEST_ORIGIN, ...spec.headers };
  if (cookie) headers.cookie = cookie;
  let body: RequestInit['body'];
  if (spec.form) {
    const form = new FormData();
    for (const [name, value] of Object.entries(spec.form)) form.append(name, value);
    body = form;
  } else if (spec.rawBody !== undefined) {
    body = spec.rawBody;
  } else if (spec.body !== undefined) {
    body = JSON.stringify(spec.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await app.request(`${TEST_ORIGIN}${spec.path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json') && text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

type Grant = { role: Role; orgUnit?: string };

/**
 * The matrix's actors on a test app: the demo users as the seed defines them, nobody, and a
 * deactivated account that once held every powerful role (its cookie must count for nothing).
 */
export async function createMatrixActors(t: TestApp): Promise<MatrixActor[]> {
  const { pool } = t.database;
  const units = new Map(
    (await pool.query<{ id: string; code: string }>('select id, code from org_units')).rows.map((row) => [
      row.code,
      row.id,
    ]),
  );
  const existing = await pool.query<{ id: string }>('select id from users where login = $1', [
    DEACTIVATED_LOGIN,
  ]);
  let deactivatedId = existing.rows[0]?.id;
  if (!deactivatedId) {
    const inserted = await pool.query<{ id: string }>(
      `insert into users (login, display_name, org_unit_id, password_hash, is_active)
       values ($1, '停止済み 利用者', $2, $3, false) returning id`,
      [DEACTIVATED_LOGIN, units.get('reform') ?? null, await hashPassword('totonoe-demo')],
    );
    deactivatedId = inserted.rows[0]!.id;
    for (const role of ['reform_office', 'system_admin', 'executive', 'pt_member', 'staff'] as const) {
      await pool.query(
        `insert into user_roles (user_id, role, org_unit_id) values ($1, $2, $3) on conflict do nothing`,
        [deactivatedId, role, role === 'pt_member' ? (units.get('reform') ?? null) : null],
      );
    }
  }
  const ids = new Map(
    (await pool.query<{ id: string; login: string }>('select id, login from users')).rows.map((row) => [
      row.login,
      row.id,
    ]),
  );
  return MATRIX_ACTOR_NAMES.map((name): MatrixActor => {
    if (name === 'anonymous')
      return { name, login: null, userId: null, orgUnitCode: null, grants: [], isSignedIn: false };
    if (name === 'deactivated')
      return {
        name,
        login: DEACTIVATED_LOGIN,
        userId: deactivatedId!,
        orgUnitCode: 'reform',
        grants: [],
        isSignedIn: false,
      };
    const demo = DEMO_USERS.find((user) => user.login === name);
    if (!demo) throw new Error(`the demo data set has no user ${name}`);
    return {
      name,
      login: demo.login,
      userId: ids.get(demo.login) ?? null,
      orgUnitCode: demo.orgUnit,
      grants: (demo.roles as Grant[]).map((grant) => ({
        role: grant.role,
        orgUnitCode: grant.orgUnit ?? null,
      })),
      isSignedIn: true,
    };
  });
}

/** A fresh session cookie for the actor (null without a session). */
export async function cookieFor(t: TestApp, actor: MatrixActor): Promise<string | null> {
  if (!actor.userId) return null;
  return mintSessionCookie(t.database.pool, actor.userId);
}

/** Ids of the demo data set and set-up helpers for the request builders. */
export async function createMatrixFixtures(t: TestApp): Promise<MatrixFixtures> {
  const { pool } = t.database;
  const toMap = <K>(rows: { key: K; id: string }[]) => new Map(rows.map((row) => [row.key, row.id]));
  const units = toMap(
    (await pool.query<{ key: string; id: string }>('select code as key, id from org_units')).rows,
  );
  const users = toMap(
    (await pool.query<{ key: string; id: string }>('select login as key, id from users')).rows,
  );
  const clusters = toMap(
    (
      await pool.query<{ key: number; id: string }>(
        'select number as key, cluster_id as id from cluster_revisions where valid_from_fiscal_year <= 2024 and (valid_to_fiscal_year is null or valid_to_fiscal_year >= 2024)',
      )
    ).rows,
  );
  const fiscalYear = 2024;
  const meetings = toMap(
    (
      await pool.query<{ key: number; id: string }>(
        'select sequence as key, id from meetings where fiscal_year = $1',
        [fiscalYear],
      )
    ).rows,
  );
  const need = <K>(map: Map<K, string>, key: K, what: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`the demo data set has no ${what} ${String(key)}`);
    return id;
  };
  let counter = 0;
  const cache = new Map<string, Promise<unknown>>();
  const fixtures: MatrixFixtures = {
    database: t.database,
    fiscalYear,
    orgUnitId: (code) => need(units, code, 'org unit'),
    userId: (login) => need(users, login, 'user'),
    clusterId: (clusterNumber) => need(clusters, clusterNumber, 'cluster'),
    meetingId: (sequence) => need(meetings, sequence, 'FY2024 meeting'),
    unique: (prefix) => `${prefix}-${process.pid}-${++counter}`,
    query: async (text, params) => (await pool.query(text, params)).rows,
    call: async (login, method, requestPath, options = {}) => {
      const cookie = login ? await mintSessionCookie(pool, need(users, login, 'user')) : null;
      return sendRequest(t.app, method, { path: requestPath, ...options }, cookie);
    },
    etag: async (login, requestPath) => {
      const response = await fixtures.call(login, 'GET', requestPath);
      const etag = response.headers.get('etag');
      if (response.status !== 200 || !etag)
        throw new Error(
          `no ETag from GET ${requestPath} as ${login}: ${response.status} ${response.text.slice(0, 300)}`,
        );
      return etag;
    },
    once: <T>(key: string, build: () => Promise<T>) => {
      if (!cache.has(key)) cache.set(key, build());
      return cache.get(key) as Promise<T>;
    },
  };
  return fixtures;
}

/** Whether the entry lets the actor call the route in the scope. */
export function isAllowed(entry: AccessEntry, actor: MatrixActor, scope: string): boolean {
  const { allow } = entry;
  if (allow === 'public') return true;
  if (!actor.isSignedIn) return typeof allow === 'function' ? allow(actor, scope) : false;
  if (allow === 'signed_in') return true;
  if (typeof allow === 'function') return allow(actor, scope);
  return actor.grants.some((grant) => allow.includes(grant.role));
}

/** Fills `:name` parameters of a router path. */
export function fillPath(routerPath: string, values: Record<string, string>): string {
  return routerPath.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${routerPath}`);
    return encodeURIComponent(value);
  });
}
