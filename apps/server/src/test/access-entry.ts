import type { Role } from '@totonoe/domain';
import type { DatabaseHandle } from '../db/client.ts';
import type { TestResponse } from './test-app.ts';

/**
 * The authorisation matrix's vocabulary. Every feature writes down who may call each of its
 * routes in `features/<feature>/<feature>.access.ts` (an exported array of AccessEntry); the
 * matrix test (`security/authorization-matrix.test.ts`) takes every route from the router,
 * calls it as every actor and compares the answer with the entry. A route without an entry fails.
 */

/** The actors every route is called as: no session, each demo sign-in, and a deactivated account. */
export const MATRIX_ACTOR_NAMES = [
  'anonymous',
  'reform',
  'mayor',
  'kodomo-head',
  'kodomo-staff',
  'staff1',
  'staff2',
  'pt1',
  'admin',
  'deactivated',
] as const;

export type MatrixActorName = (typeof MATRIX_ACTOR_NAMES)[number];

/** A role as the matrix sees it: scoped roles carry the org unit's code. */
export type MatrixGrant = { role: Role; orgUnitCode: string | null };

export type MatrixActor = {
  name: MatrixActorName;
  /** The login, or null without a session. */
  login: string | null;
  userId: string | null;
  /** The org unit the person belongs to (code), or null. */
  orgUnitCode: string | null;
  /**
   * The roles the server must honour: none for the anonymous actor and for the deactivated
   * account (whose cookie must be refused however many roles it once had).
   */
  grants: MatrixGrant[];
  /** False without a session and for the deactivated account. */
  isSignedIn: boolean;
};

/** One request of the matrix; the path is concrete (ids filled in), the query string included. */
export type AccessRequest = {
  path: string;
  body?: unknown;
  /** A multipart body (uploads): field name → text or file. */
  form?: Record<string, string | File>;
  rawBody?: string;
  headers?: Record<string, string>;
};

/**
 * Who may call a route:
 * - 'public': everyone, with or without a session;
 * - 'signed_in': every active signed-in user;
 * - roles: signed-in users holding any of them (in any scope);
 * - a function of the actor and the object scope, for object-level rules.
 */
export type AccessRule =
  | 'public'
  | 'signed_in'
  | readonly Role[]
  | ((actor: MatrixActor, scope: string) => boolean);

export type AccessEntry = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The router's path, e.g. `/api/v1/users/:id`. */
  path: string;
  allow: AccessRule;
  /**
   * Object scopes the route is tried in (e.g. 'own-unit', 'other-unit', 'unpublished',
   * 'anonymous-idea'); the request builder picks the object for each. One unnamed scope when absent.
   */
  scopes?: readonly string[];
  /**
   * Builds a valid request for the actor and scope: it must succeed (2xx/3xx) for an allowed actor,
   * so writes make fresh objects or read the current ETag. Defaults to the path as it is.
   */
  request?: (
    fixtures: MatrixFixtures,
    actor: MatrixActor,
    scope: string,
  ) => AccessRequest | Promise<AccessRequest>;
  /** Extra checks on an allowed answer: field-level rules (e.g. what the public must not see). */
  verify?: (response: TestResponse, actor: MatrixActor, scope: string) => void | Promise<void>;
  /** Why the rule is what it is, when it is not obvious from the route. */
  note?: string;
};

/** What request builders get: ids of the demo data set and helpers to set up objects. */
export type MatrixFixtures = {
  database: DatabaseHandle;
  fiscalYear: number;
  orgUnitId: (code: string) => string;
  userId: (login: string) => string;
  clusterId: (clusterNumber: number) => string;
  /** A FY2024 X meeting by sequence (0 = kick-off). */
  meetingId: (sequence: number) => string;
  /** A token that is different on every call (for logins, titles, codes). */
  unique: (prefix: string) => string;
  /** Rows from the database, for ids the demo data set does not name. */
  query: <T extends Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  /** Calls the API as a demo user (a fresh session) to set something up; null calls without a session. */
  call: (
    login: string | null,
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string>; form?: Record<string, string | File> },
  ) => Promise<TestResponse>;
  /** The current ETag of a resource, read as the given user; throws when the read fails. */
  etag: (login: string, path: string) => Promise<string>;
  /** Builds a value once per matrix run and returns it on later calls with the same key. */
  once: <T>(key: string, build: () => Promise<T>) => Promise<T>;
};

/** True when the actor holds the role (in any scope). */
export function actorHas(actor: MatrixActor, ...roles: Role[]): boolean {
  return actor.grants.some((grant) => roles.includes(grant.role));
}

/** True when the actor holds one of the roles scoped to the org unit (by code). */
export function actorHasFor(actor: MatrixActor, orgUnitCode: string, ...roles: Role[]): boolean {
  return actor.grants.some((grant) => roles.includes(grant.role) && grant.orgUnitCode === orgUnitCode);
}

/** True when the server must see the actor as signed in. */
export function isSignedIn(actor: MatrixActor): boolean {
  return actor.isSignedIn;
}
