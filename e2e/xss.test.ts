import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFigures } from '../apps/server/src/security/figures.ts';
import { XSS_FILE_NAMES, XSS_MARKER, XSS_PAYLOADS } from '../apps/server/src/security/xss-payloads.ts';
import { baseUrl, JOURNEY_MEETING_SEQUENCES, launchBrowser, newPage, signIn } from './helpers.ts';

/**
 * Stored cross-site scripting in the browser: the payloads are stored through the API in text
 * fields (cluster, meeting, agenda item, decision, org unit, user, idea comment) and file names,
 * then every page that shows them is opened in Chromium. No dialog opens, no payload runs
 * (`window.__xss` stays unset, no element the payloads would create exists, the CSP reports no
 * blocked inline script), and the page still renders the payload as text.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
let browser: Browser;
const pages: { path: string; who: 'reform' | 'admin' | 'public' }[] = [];
const stored: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

type Api = (
  method: string,
  path: string,
  options?: { data?: unknown; multipart?: Record<string, unknown>; headers?: Record<string, string> },
) => Promise<{ status: number; body: unknown; etag: string | null }>;

/** API calls with the page's session, as the app itself makes them (same origin). */
function apiOf(page: Page): Api {
  return async (method, path, options = {}) => {
    const response = await page.request.fetch(`${baseUrl()}${path}`, {
      method,
      headers: { origin: baseUrl(), ...options.headers },
      data: options.data,
      multipart: options.multipart as never,
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status(), body, etag: response.headers().etag ?? null };
  };
}

/** Installs, before any page script, a record of CSP violations and of dialogs. */
async function watch(page: Page): Promise<{ dialogs: string[] }> {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.addInitScript(() => {
    const record = window as unknown as { __cspViolations: string[] };
    record.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      record.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  return { dialogs };
}

async function expectInert(page: Page, dialogs: string[], path: string): Promise<boolean> {
  await page.goto(`${baseUrl()}${path}`);
  await page.getByRole('main').waitFor({ state: 'visible' });
  // Give the page's data time to arrive and render.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const state = await page.evaluate(() => ({
    ran: (window as unknown as { __xss?: unknown }).__xss !== undefined,
    violations: (window as unknown as { __cspViolations: string[] }).__cspViolations,
    injected: document.querySelectorAll(
      'img[src="x"], svg[onload], iframe[src^="javascript"], details[ontoggle], a[href^="javascript"], b[onmouseover], script:not([src])',
    ).length,
    text: document.body.innerText,
  }));
  expect(state.ran, `a payload ran on ${path}`).toBe(false);
  expect(dialogs, `a dialog opened on ${path}`).toEqual([]);
  expect(state.injected, `payload markup became elements on ${path}`).toBe(0);
  expect(
    state.violations.filter((violation) => /script/.test(violation)),
    `inline script blocked on ${path}`,
  ).toEqual([]);
  return state.text.includes(XSS_MARKER);
}

describe('stored cross-site scripting in the browser', () => {
  it('stores the payloads through the API and opens every page that shows them: nothing runs, each page renders', async () => {
    const reformPage = await newPage(browser);
    await signIn(reformPage, 'reform');
    const reform = apiOf(reformPage);
    const adminPage = await newPage(browser);
    await signIn(adminPage, 'admin');
    const admin = apiOf(adminPage);
    const payload = (index: number) => XSS_PAYLOADS[index % XSS_PAYLOADS.length]!;
    const note = (what: string, status: number) => {
      if (status < 300) stored.push(what);
    };

    // The cluster register (public page and signed-in page).
    const register = (await reform('GET', '/api/v1/clusters?fy=2024')).body as {
      items: { id: string; number: number }[];
    };
    const cluster = register.items.find((item) => item.number === 13)!;
    const read = await reform('GET', `/api/v1/clusters/${cluster.id}?fy=2024`);
    const edited = await reform('PATCH', `/api/v1/clusters/${cluster.id}?fy=2024`, {
      data: { name: `文化振興施策${payload(1)}`.slice(0, 200) },
      headers: { 'if-match': read.etag! },
    });
    note('cluster name', edited.status);
    pages.push({ path: '/clusters', who: 'public' }, { path: '/clusters', who: 'reform' });

    // An X meeting with a payload title and place, an agenda item, a decision and a material's file name.
    const meeting = await reform('POST', '/api/v1/meetings', {
      data: {
        fiscalYear: 2024,
        sequence: JOURNEY_MEETING_SEQUENCES.xss,
        title: payload(0).slice(0, 100),
        planned: { precision: 'month', start: '2025-03-01', end: '2025-03-31' },
        place: payload(2),
        isPublic: true,
      },
    });
    note('meeting title and place', meeting.status);
    if (meeting.status === 201) {
      const meetingId = (meeting.body as { id: string }).id;
      const item = await reform('POST', `/api/v1/meetings/${meetingId}/agenda-items`, {
        data: { kind: 'other', title: payload(3).slice(0, 200), note: payload(6) },
      });
      note('agenda item', item.status);
      const items = (item.body as { items?: { id: string }[] })?.items ?? [];
      const itemId = items.at(-1)?.id;
      if (itemId) {
        const decision = await reform('POST', `/api/v1/meetings/${meetingId}/decisions`, {
          data: { agendaItemId: itemId, body: payload(7) },
        });
        note('decision', decision.status);
        for (const name of XSS_FILE_NAMES) {
          const upload = await reform(
            'POST',
            `/api/v1/meetings/${meetingId}/agenda-items/${itemId}/materials`,
            {
              multipart: { file: { name, mimeType: 'application/pdf', buffer: PDF } },
            },
          );
          note(`material file name ${name}`, upload.status);
        }
      }
      pages.push(
        { path: '/meetings', who: 'reform' },
        { path: `/meetings/${meetingId}`, who: 'reform' },
        { path: `/meetings/${meetingId}/agenda`, who: 'reform' },
        { path: `/public/meetings/${meetingId}`, who: 'public' },
      );
    }

    // Administration: an org unit and a user with payload names; the audit trail shows them all.
    const unit = await admin('POST', '/api/v1/org-units', {
      data: {
        code: 'xss-check',
        name: payload(4).slice(0, 100),
        level: 'section',
        effectiveFrom: '2024-04-01',
      },
    });
    note('org unit name', unit.status);
    const user = await admin('POST', '/api/v1/users', {
      data: { login: 'xss-check', displayName: payload(5).slice(0, 100) },
    });
    note('user display name', user.status);
    pages.push(
      { path: '/admin/org-units', who: 'admin' },
      { path: '/admin/users', who: 'admin' },
      { path: '/admin/audit', who: 'admin' },
      { path: '/admin/audit', who: 'reform' },
    );

    // A comment on a Platinum idea, where staff talk to each other.
    const ideas = await reform('GET', '/api/v1/ideas?pageSize=1');
    const ideaId = (ideas.body as { items?: { id: string }[] })?.items?.[0]?.id;
    if (ideaId) {
      const comment = await reform('POST', `/api/v1/ideas/${ideaId}/comments`, {
        data: { body: payload(8) },
      });
      note('idea comment', comment.status);
      pages.push({ path: `/platinum/ideas/${ideaId}`, who: 'reform' });
    }
    expect(stored.length, `payloads stored: ${stored.join(', ')}`).toBeGreaterThanOrEqual(6);

    const publicPage = await newPage(browser);
    const viewers = {
      reform: { page: reformPage, ...(await watch(reformPage)) },
      admin: { page: adminPage, ...(await watch(adminPage)) },
      public: { page: publicPage, ...(await watch(publicPage)) },
    };
    let pagesShowingPayloads = 0;
    for (const { path, who } of pages) {
      const viewer = viewers[who];
      if (await expectInert(viewer.page, viewer.dialogs, path)) pagesShowingPayloads += 1;
    }
    // The pages rendered the payloads as text: otherwise nothing was tested.
    // The register is shared with the other journeys: its name goes back.
    const current = await reform('GET', `/api/v1/clusters/${cluster.id}?fy=2024`);
    const restored = await reform('PATCH', `/api/v1/clusters/${cluster.id}?fy=2024`, {
      data: { name: (read.body as { name: string }).name },
      headers: { 'if-match': current.etag! },
    });
    expect(restored.status).toBe(200);
    writeFigures('e2e-xss', { stored, pagesOpened: pages.length, pagesShowingPayloads });
    expect(pagesShowingPayloads).toBeGreaterThanOrEqual(4);
    await reformPage.close();
    await adminPage.close();
    await publicPage.close();
  });
});
