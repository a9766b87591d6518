import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { registerActionRoutes } from './features/actions/actions.routes.ts';
import { registerAnalysisRoutes } from './features/analyses/analyses.routes.ts';
import { registerAuditRoutes } from './features/audit/audit.routes.ts';
import { registerAuthRoutes } from './features/auth/auth.routes.ts';
import { sessionMiddleware } from './features/auth/session-middleware.ts';
import { registerBureauPolicyRoutes } from './features/bureau-policies/bureau-policies.routes.ts';
import { registerClusterHistoryRoutes } from './features/clusters/cluster-history.routes.ts';
import { registerClusterRoutes } from './features/clusters/clusters.routes.ts';
import { registerDashboardRoutes } from './features/dashboard/dashboard.routes.ts';
import { registerEffectRoutes } from './features/effects/effects.routes.ts';
import { registerFiscalYearRoutes } from './features/fiscal-years/fiscal-years.routes.ts';
import { importRunnerFor } from './features/imports/import-runner.ts';
import { registerImportRoutes } from './features/imports/imports.routes.ts';
import { registerInitiativeRoutes } from './features/initiatives/initiatives.routes.ts';
import { registerMailRoutes } from './features/mail/mail.routes.ts';
import { registerMeetingRoutes } from './features/meetings/meetings.routes.ts';
import { registerNeedRoutes } from './features/needs/needs.routes.ts';
import { registerNotificationRoutes } from './features/notifications/notifications.routes.ts';
import { registerOrgUnitRoutes } from './features/org-units/org-units.routes.ts';
import { registerPlatinumRoutes } from './features/platinum/index.ts';
import { registerPublicPortalRoutes } from './features/public-portal/public-portal.routes.ts';
import { registerReportRoutes } from './features/reports/reports.routes.ts';
import { registerScheduleRoutes } from './features/schedule/schedule.routes.ts';
import { registerSearchRoutes } from './features/search/search.routes.ts';
import { registerSsoRoutes } from './features/sso/sso.routes.ts';
import { registerSystemRoutes } from './features/system/system.routes.ts';
import { registerUserRoutes } from './features/users/users.routes.ts';
import type { App, AppEnv, Services } from './lib/context.ts';
import { handleError } from './lib/error-handler.ts';
import { AppError } from './lib/errors.ts';
import { problemResponse } from './lib/problem.ts';
import { contentTypeCheck, originCheck, requestContext } from './lib/request-guards.ts';
import { securityHeaders } from './lib/security-headers.ts';
import { fieldErrorsFromIssues } from './lib/validation-messages.ts';

const JSON_BODY_LIMIT = 1024 * 1024;

/** Every feature's routes, in one list so the router, the OpenAPI document and the authorisation matrix agree. */
export const FEATURE_ROUTES: ((app: App) => void)[] = [
  registerSystemRoutes,
  // Before the sign-in routes: it holds the switch that turns local passwords off.
  registerSsoRoutes,
  registerAuthRoutes,
  registerFiscalYearRoutes,
  registerOrgUnitRoutes,
  registerUserRoutes,
  registerClusterRoutes,
  registerClusterHistoryRoutes,
  registerAnalysisRoutes,
  registerMeetingRoutes,
  registerActionRoutes,
  registerBureauPolicyRoutes,
  registerInitiativeRoutes,
  registerEffectRoutes,
  registerNeedRoutes,
  registerScheduleRoutes,
  registerPlatinumRoutes,
  registerNotificationRoutes,
  registerDashboardRoutes,
  registerMailRoutes,
  registerImportRoutes,
  registerSearchRoutes,
  registerReportRoutes,
  registerPublicPortalRoutes,
  registerAuditRoutes,
];

function defaultWebRoot(): string {
  return fileURLToPath(new URL('../../web/dist', import.meta.url));
}

/** Builds the HTTP application around the given services. */
export function createApp(services: Services, options: { webRoot?: string } = {}): App {
  const app: App = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError('validation_failed', { fieldErrors: fieldErrorsFromIssues(result.error.issues) });
      }
    },
  });

  app.use('*', async (c, next) => {
    c.set('services', services);
    await next();
  });
  app.use('*', requestContext());
  app.use('*', securityHeaders());
  app.onError(handleError);
  const tooLarge = () => {
    throw new AppError('payload_too_large');
  };
  // Files (multipart/form-data, text/csv, application/octet-stream) up to the upload limit; JSON, and
  // a body without a type, up to 1 MB.
  const limitUpload = bodyLimit({ maxSize: services.config.uploadLimitBytes, onError: tooLarge });
  const limitJson = bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: tooLarge });
  app.use('/api/*', (c, next) => {
    // Reads have no body to limit; asking for one builds a full fetch Request for every GET.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    const isJson = type === '' || type.startsWith('application/json') || type.includes('+json');
    return isJson ? limitJson(c, next) : limitUpload(c, next);
  });
  app.use('/api/*', contentTypeCheck());
  app.use('/api/*', originCheck());
  app.use('/api/*', sessionMiddleware());
  app.use('/api/*', async (c, next) => {
    await next();
    // A write this process made may have changed cached resources (see CacheStampMemo).
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') services.cacheStamps.clear();
  });
  // So may an import committed in the background, after its request answered. (Apps built on a
  // stand-in without a database, as some tests build them, have no imports to run.)
  if (typeof services.db === 'object' && services.db !== null)
    importRunnerFor(services.db).onJobFinished(() => services.cacheStamps.clear());

  for (const register of FEATURE_ROUTES) register(app);

  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Totonoe API',
      version: '1.0.0',
      description:
        '市政変革（X会議・局区X方針・経営分析・自主的な改革・プラチナ市役所プロジェクト・ニーズ・課題）の API',
    },
  });

  app.all('/api/*', (c) => problemResponse(c, new AppError('not_found')));

  const webRoot = options.webRoot ?? defaultWebRoot();
  if (existsSync(path.join(webRoot, 'index.html'))) {
    const indexHtml = readFileSync(path.join(webRoot, 'index.html'), 'utf8');
    const relativeRoot = path.relative(process.cwd(), webRoot) || '.';
    // The build writes .br and .gz beside scripts and styles (apps/web/vite.config.ts): sent as they
    // are when the browser accepts them, with Vary on every answer of such a file so no cache mixes
    // them. Headers go on after serveStatic has answered (its onFound runs too late to add any).
    const staticHeaders =
      (isHashed: boolean): MiddlewareHandler =>
      async (c, next) => {
        await next();
        if (c.res.status !== 200 && c.res.status !== 206) return;
        // A missing file falls through to the page (the app's own not-found): never cached for long.
        if (c.res.headers.get('content-type')?.startsWith('text/html')) return;
        if (/\.(js|mjs|css|svg|json|txt)$/.test(c.req.path)) c.res.headers.set('vary', 'Accept-Encoding');
        // Names under /assets carry a hash of their content: they never change.
        if (isHashed) c.res.headers.set('cache-control', 'public, max-age=31536000, immutable');
      };
    app.use('/assets/*', staticHeaders(true), serveStatic({ root: relativeRoot, precompressed: true }));
    app.use('*', staticHeaders(false), serveStatic({ root: relativeRoot, precompressed: true }));
    app.get('*', (c) => {
      c.header('cache-control', 'no-cache');
      return c.html(indexHtml);
    });
  } else {
    app.get('*', (c) =>
      c.text(
        'Web アプリがビルドされていません。`npm run build` を実行してください。/ The web app is not built: run `npm run build`.',
        503,
      ),
    );
  }
  app.notFound((c) => problemResponse(c, new AppError('not_found')));
  return app;
}
