import { randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import { AppError } from './errors.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Gives every request an id (kept from X-Request-Id when it is sane) and records the client address. */
export function requestContext(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[A-Za-z0-9._-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    const { config } = c.get('services');
    let ip: string | undefined;
    if (config.trustProxy) ip = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (!ip) {
      try {
        ip = getConnInfo(c).remote.address;
      } catch {
        ip = undefined;
      }
    }
    c.set('clientIp', ip);
    await next();
    c.res.headers.set('x-request-id', requestId);
  };
}

function expectedOrigin(
  url: string,
  headers: { proto?: string; host?: string },
  trustProxy: boolean,
): string {
  const parsed = new URL(url);
  if (trustProxy && headers.host)
    return `${headers.proto ?? parsed.protocol.replace(':', '')}://${headers.host}`;
  return parsed.origin;
}

/**
 * Refuses state-changing requests whose Origin (or Sec-Fetch-Site) shows another site. Clients
 * that send neither are not browsers, and cross-site request forgery needs a browser.
 */
export function originCheck(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (STATE_CHANGING.has(c.req.method)) {
      const { config } = c.get('services');
      const origin = c.req.header('origin');
      const allowed = config.publicOrigin
        ? new URL(config.publicOrigin).origin
        : expectedOrigin(
            c.req.url,
            { proto: c.req.header('x-forwarded-proto'), host: c.req.header('x-forwarded-host') },
            config.trustProxy,
          );
      if (origin !== undefined) {
        if (origin !== allowed) throw new AppError('bad_origin');
      } else {
        const site = c.req.header('sec-fetch-site');
        if (site && site !== 'same-origin' && site !== 'none') throw new AppError('bad_origin');
      }
    }
    await next();
  };
}

const BODY_TYPES = ['application/json', 'multipart/form-data', 'text/csv', 'application/octet-stream'];

/** Refuses request bodies of a type the API never reads, before any handler sees them. */
export function contentTypeCheck(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (STATE_CHANGING.has(c.req.method)) {
      const length = c.req.header('content-length');
      const hasBody =
        (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
      const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
      if (hasBody && (!type || !BODY_TYPES.includes(type))) throw new AppError('unsupported_media_type');
    }
    await next();
  };
}
