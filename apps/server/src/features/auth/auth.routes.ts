import { createRoute, z } from '@hono/zod-openapi';
import { passwordSchema } from '@totonoe/domain';
import { deleteCookie, setCookie } from 'hono/cookie';
import { type App, actorOf } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../lib/openapi.ts';
import { meSchema, presentMe } from './auth.presenter.ts';
import { changeOwnPassword } from './change-password.ts';
import { SESSION_COOKIE } from './session-middleware.ts';
import { loadProfile } from './sessions.queries.ts';
import { signIn } from './sign-in.ts';
import { signOut } from './sign-out.ts';

const signInBody = z
  .strictObject({
    login: z.string().min(1).max(200),
    password: z.string().min(1).max(1024),
  })
  .openapi('SignIn');

const signInRoute = createRoute({
  method: 'post',
  path: '/api/v1/session',
  tags: ['session'],
  summary: 'Sign in with a local account',
  request: jsonBody(signInBody),
  responses: {
    200: jsonResponse(z.object({ user: meSchema }), 'Signed in; the session cookie is set'),
    ...errorResponses(400, 401, 429),
  },
});

const signOutRoute = createRoute({
  method: 'delete',
  path: '/api/v1/session',
  tags: ['session'],
  summary: 'Sign out (ends the session)',
  responses: { 204: { description: 'Signed out' } },
});

const changePasswordBody = z
  .strictObject({ currentPassword: z.string().min(1).max(1024), newPassword: passwordSchema })
  .openapi('ChangePassword');

const changePasswordRoute = createRoute({
  method: 'put',
  path: '/api/v1/me/password',
  tags: ['session'],
  summary: 'Change your own password (ends your other sessions)',
  request: jsonBody(changePasswordBody),
  responses: {
    204: { description: 'Changed; a fresh session cookie is set' },
    ...errorResponses(400, 401, 429),
  },
});

const meRoute = createRoute({
  method: 'get',
  path: '/api/v1/me',
  tags: ['session'],
  summary: 'The signed-in user, roles and org unit',
  responses: { 200: jsonResponse(meSchema, 'The signed-in user'), ...errorResponses(401) },
});

function isSecureRequest(url: string, forwardedProto: string | undefined, trustProxy: boolean): boolean {
  if (trustProxy && forwardedProto) return forwardedProto.split(',')[0]?.trim() === 'https';
  return url.startsWith('https:');
}

/** Sign-in, sign-out and who-am-I. */
export function registerAuthRoutes(app: App): void {
  app.openapi(signInRoute, async (c) => {
    const { login, password } = c.req.valid('json');
    const { db, config } = c.get('services');
    const session = await signIn(db, {
      login,
      password,
      previousSessionId: c.get('sessionId'),
      absoluteHours: config.sessionAbsoluteHours,
      actor: actorOf(c),
      userAgent: c.req.header('user-agent') ?? null,
    });
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: isSecureRequest(c.req.url, c.req.header('x-forwarded-proto'), config.trustProxy),
      expires: session.expiresAt,
    });
    const profile = await loadProfile(db, session.userId);
    if (!profile) throw new AppError('internal_error');
    return c.json({ user: presentMe(profile) }, 200);
  });

  app.openapi(signOutRoute, async (c) => {
    const sessionId = c.get('sessionId');
    if (sessionId) {
      const { db } = c.get('services');
      await db.transaction((tx) => signOut(tx, { sessionId, actor: actorOf(c) }));
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  app.openapi(changePasswordRoute, async (c) => {
    const user = c.get('user');
    if (!user) throw new AppError('unauthenticated');
    const { currentPassword, newPassword } = c.req.valid('json');
    const { db, config } = c.get('services');
    const session = await changeOwnPassword(db, {
      userId: user.id,
      currentPassword,
      newPassword,
      absoluteHours: config.sessionAbsoluteHours,
      actor: actorOf(c),
    });
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: isSecureRequest(c.req.url, c.req.header('x-forwarded-proto'), config.trustProxy),
      expires: session.expiresAt,
    });
    return c.body(null, 204);
  });

  app.openapi(meRoute, async (c) => {
    const user = c.get('user');
    if (!user) throw new AppError('unauthenticated');
    const profile = await loadProfile(c.get('services').db, user.id);
    if (!profile) throw new AppError('unauthenticated');
    return c.json(presentMe(profile), 200);
  });
}
