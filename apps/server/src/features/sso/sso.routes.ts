import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { type App, type AppEnv, actorOf } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { logger } from '../../lib/logger.ts';
import { jsonResponse } from '../../lib/openapi.ts';
import { SESSION_COOKIE } from '../auth/session-middleware.ts';
import { completeSsoSignIn } from './complete-sso-sign-in.ts';
import { buildAuthorizationRequest } from './oidc-client.ts';
import { ssoPolicy } from './sso.policy.ts';
import { type SsoFailureReason, SsoSignInError } from './sso-sign-in-error.ts';
import { SSO_ATTEMPT_MINUTES, startSsoSignIn } from './start-sso-sign-in.ts';

export const SSO_COOKIE = 'totonoe_sso';
const SSO_COOKIE_PATH = '/api/v1/sso';
const SIGN_IN_PAGE = '/login';

const methodsRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/sign-in-methods',
  tags: ['session'],
  summary: 'Which ways of signing in this installation offers (public)',
  responses: {
    200: jsonResponse(
      z
        .object({ isLocalLoginEnabled: z.boolean(), isSingleSignOnEnabled: z.boolean() })
        .openapi('SignInMethods'),
      'The sign-in methods',
    ),
  },
});

const loginRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/sso/login',
  tags: ['session'],
  summary: 'Start single sign-on: redirects the browser to the identity provider (OIDC code flow with PKCE)',
  request: { query: z.object({ redirect: z.string().max(1000).optional() }) },
  responses: {
    302: { description: 'To the identity provider, or back to the sign-in page when it cannot be reached' },
    404: { description: 'Single sign-on is not configured' },
  },
});

const callbackRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/sso/callback',
  tags: ['session'],
  summary: 'The identity provider returns here; signs the person in and redirects into the app',
  request: {
    query: z.object({
      code: z.string().max(2000).optional(),
      state: z.string().max(2000).optional(),
      iss: z.string().max(2000).optional(),
      error: z.string().max(200).optional(),
      error_description: z.string().max(2000).optional(),
      session_state: z.string().max(2000).optional(),
    }),
  },
  responses: {
    302: { description: 'Into the app with a session, or to the sign-in page with `sso_error`' },
    404: { description: 'Single sign-on is not configured' },
  },
});

/** A path inside the app to return to; anything else (another host, the API, the sign-in page) → home. */
export function safeReturnPath(value: string | undefined): string {
  if (!value || value.length > 1000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/api/') || value.startsWith(SIGN_IN_PAGE)) return '/';
  return value;
}

function isSecureRequest(c: Context<AppEnv>): boolean {
  const forwardedProto = c.req.header('x-forwarded-proto');
  if (c.get('services').config.trustProxy && forwardedProto)
    return forwardedProto.split(',')[0]?.trim() === 'https';
  return c.req.url.startsWith('https:');
}

function toSignInPage(c: Context<AppEnv>, reason: SsoFailureReason) {
  return c.redirect(`${SIGN_IN_PAGE}?sso_error=${reason}`, 302);
}

/**
 * Single sign-on by OpenID Connect, and the switch that turns local passwords off. Registered before
 * the sign-in routes so that the switch is checked first.
 */
export function registerSsoRoutes(app: App): void {
  app.use('/api/v1/session', async (c, next) => {
    if (c.req.method === 'POST' && !ssoPolicy.canSignInWithPassword(c.get('services').config)) {
      throw new AppError('local_login_disabled');
    }
    await next();
  });

  app.openapi(methodsRouteDef, (c) => {
    const { config } = c.get('services');
    return c.json(
      {
        isLocalLoginEnabled: ssoPolicy.canSignInWithPassword(config),
        isSingleSignOnEnabled: ssoPolicy.canSignInWithProvider(config),
      },
      200,
    );
  });

  app.openapi(loginRouteDef, async (c) => {
    const { db, config } = c.get('services');
    if (!config.oidc) throw notFound();
    const oidc = config.oidc;
    let request: Awaited<ReturnType<typeof buildAuthorizationRequest>>;
    try {
      request = await buildAuthorizationRequest(oidc);
    } catch (error) {
      logger.warn('single sign-on: the identity provider cannot be reached', { error: String(error) });
      return toSignInPage(c, 'unavailable');
    }
    const redirectPath = safeReturnPath(c.req.valid('query').redirect);
    const started = await db.transaction((tx) => startSsoSignIn(tx, { request, redirectPath }));
    setCookie(c, SSO_COOKIE, started.browserToken, {
      httpOnly: true,
      // Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
      sameSite: 'Lax',
      path: SSO_COOKIE_PATH,
      secure: isSecureRequest(c),
      maxAge: SSO_ATTEMPT_MINUTES * 60,
    });
    c.header('cache-control', 'no-store');
    return c.redirect(request.url.href, 302);
  });

  app.openapi(callbackRouteDef, async (c) => {
    const { db, config } = c.get('services');
    if (!config.oidc) throw notFound();
    const browserToken = getCookie(c, SSO_COOKIE);
    deleteCookie(c, SSO_COOKIE, { path: SSO_COOKIE_PATH });
    c.header('cache-control', 'no-store');
    try {
      const session = await completeSsoSignIn(db, {
        oidc: config.oidc,
        browserToken,
        callbackSearch: new URL(c.req.url).searchParams,
        previousSessionId: c.get('sessionId'),
        absoluteHours: config.sessionAbsoluteHours,
        actor: actorOf(c),
        userAgent: c.req.header('user-agent') ?? null,
      });
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: isSecureRequest(c),
        expires: session.expiresAt,
      });
      return c.redirect(session.redirectPath, 302);
    } catch (error) {
      if (error instanceof SsoSignInError) return toSignInPage(c, error.reason);
      throw error;
    }
  });
}
