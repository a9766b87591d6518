// A small client for the app under test: requests as one of the prepared sessions, or as the public.
import type { Prepared } from './prepare.ts';

export type Audience = 'public' | 'reform' | 'mayor' | 'staff';

export const SESSION_COOKIE = 'totonoe_session';

/** The Cookie header of a prepared session (none for the public). */
export function cookieOf(prepared: Prepared, as: Audience): Record<string, string> {
  return as === 'public' ? {} : { cookie: `${SESSION_COOKIE}=${prepared.sessions[as]}` };
}

export class Api {
  constructor(
    readonly url: string,
    readonly prepared: Prepared,
  ) {}

  /** GET, returning the status, headers and raw bytes. */
  async fetch(
    path: string,
    as: Audience,
    init: RequestInit = {},
  ): Promise<{ status: number; headers: Headers; body: Buffer }> {
    const response = await fetch(`${this.url}${path}`, {
      ...init,
      headers: { ...cookieOf(this.prepared, as), ...(init.headers as Record<string, string>) },
    });
    return {
      status: response.status,
      headers: response.headers,
      body: Buffer.from(await response.arrayBuffer()),
    };
  }

  /** GET as JSON; null when the answer is not 200 (a route not in this build, say). */
  async json<T>(path: string, as: Audience): Promise<T | null> {
    const response = await this.fetch(path, as);
    if (response.status !== 200) return null;
    return JSON.parse(response.body.toString('utf8')) as T;
  }
}
