import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Role } from '@totonoe/domain';
import type { Database, DatabaseHandle } from '../db/client.ts';
import type { AppConfig } from '../env.ts';
import type { Actor } from './audit.ts';
import type { CacheStampMemo } from './cache-invalidation.ts';

export type RoleGrant = { role: Role; orgUnitId: string | null };

/** The signed-in person as every policy sees them. */
export type CurrentUser = {
  id: string;
  login: string;
  displayName: string;
  orgUnitId: string | null;
  roles: RoleGrant[];
};

export type Services = {
  db: Database;
  database: DatabaseHandle;
  config: AppConfig;
  /** Per-process caches that must be cleared when what they hold changes. */
  cache: Map<string, unknown>;
  /** Cache versions last read, while nothing can have changed them. */
  cacheStamps: CacheStampMemo;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    services: Services;
    user: CurrentUser | null;
    sessionId: string | null;
    clientIp: string | undefined;
  };
};

export type App = OpenAPIHono<AppEnv>;

/** The actor of an audited write, taken from the request. */
export function actorOf(c: { get: (key: 'user' | 'requestId' | 'clientIp') => unknown }): Actor {
  const user = c.get('user') as CurrentUser | null;
  return {
    userId: user?.id ?? null,
    requestId: c.get('requestId') as string | undefined,
    ip: c.get('clientIp') as string | undefined,
  };
}
