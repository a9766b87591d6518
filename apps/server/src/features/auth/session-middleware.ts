import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../../lib/context.ts';
import { deleteSession, findSessionWithUser, touchSession } from './sessions.queries.ts';
import { sessionIdOf } from './sign-in.ts';

export const SESSION_COOKIE = 'totonoe_session';
// Writing last_seen_at on every request would turn each read into a write.
const TOUCH_INTERVAL_MS = 60 * 1000;

/** Resolves the session cookie to the current user; expired, idle or deactivated sessions end here. */
export function sessionMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('sessionId', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token && token.length <= 100) {
      const { db, config } = c.get('services');
      const sessionId = sessionIdOf(token);
      const found = await findSessionWithUser(db, sessionId);
      const now = new Date();
      if (found) {
        const { session, user } = found;
        const idleLimit = session.lastSeenAt.getTime() + config.sessionIdleMinutes * 60 * 1000;
        if (session.expiresAt <= now || idleLimit <= now.getTime() || !user || !user.isActive) {
          await deleteSession(db, sessionId);
        } else {
          if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS)
            await touchSession(db, sessionId, now);
          const { isActive: _isActive, ...currentUser } = user;
          c.set('user', currentUser);
          c.set('sessionId', sessionId);
        }
      }
    }
    await next();
  };
}
