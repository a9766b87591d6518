import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { SESSION_COOKIE } from '../features/auth/session-middleware.ts';
import { sessionIdOf } from '../features/auth/sign-in.ts';

/**
 * Opens a session for a user straight in the database and returns the cookie header to send:
 * what a sign-in gives, without the password hashing that makes a real sign-in slow. For tests
 * that need many fresh sessions (the authorisation matrix, fuzzing).
 */
export async function mintSessionCookie(pool: pg.Pool, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await pool.query(
    `insert into sessions (id, user_id, expires_at, last_seen_at) values ($1, $2, now() + interval '1 hour', now())`,
    [sessionIdOf(token), userId],
  );
  return `${SESSION_COOKIE}=${token}`;
}

/** The id of a user by login (case-insensitive), or an error naming the login. */
export async function userIdOf(pool: pg.Pool, login: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>('select id from users where lower(login) = lower($1)', [
    login,
  ]);
  if (!rows[0]) throw new Error(`no user with login ${login}`);
  return rows[0].id;
}
