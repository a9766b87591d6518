// Browser: the first load of the dashboard in headless Chromium (Debian's, through playwright-core),
// with an empty cache, signed in as the mayor. Measures what JavaScript and CSS cross the wire (and
// what they would as gzip), first contentful paint, the first render of the page's heading, and the
// moment code and data are all in (the last script, style or API answer of the load). Chromium's own
// work shares the machine's two cores with the server.
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { SESSION_COOKIE } from '../lib/api.ts';

export const CHROMIUM = process.env.TOTONOE_CHROMIUM ?? '/usr/bin/chromium';

export type BrowserResult = {
  path: string;
  runs: number;
  javascript: { files: number; transferredBytes: number; rawBytes: number; gzipBytes: number };
  css: { files: number; transferredBytes: number; rawBytes: number; gzipBytes: number };
  /** Medians over the runs, in ms from navigation start. */
  firstContentfulPaintMs: number;
  firstMeaningfulRenderMs: number;
  interactiveMs: number;
  contentEncoding: string;
};

export const BROWSER_TARGETS = { javascriptGzipBytes: 200 * 1024, firstMeaningfulRenderMs: 1_000 } as const;

type Timing = { fcp: number; rendered: number; settled: number };

/**
 * Marks, in the page, the first moment the dashboard shows its heading and at least one of its
 * panels (each panel has a heading of its own once its figures are in).
 */
const MARK_RENDER = `
  (() => {
    const isRendered = () => {
      const main = document.querySelector('main') ?? document.body;
      return Boolean(main && main.querySelector('h1') && main.querySelector('h2'));
    };
    const observer = new MutationObserver(() => {
      if (window.__rendered === undefined && isRendered()) {
        window.__rendered = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  })();
`;

/** First contentful paint, the render mark, and when the last script, style or API answer of the load arrived. */
const READ_TIMINGS = `
  (() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const navigation = performance.getEntriesByType('navigation')[0];
    const ends = performance
      .getEntriesByType('resource')
      .filter((entry) => ['script', 'link', 'fetch', 'xmlhttprequest', 'css'].includes(entry.initiatorType))
      .map((entry) => entry.responseEnd);
    return {
      fcp: paint ? paint.startTime : 0,
      rendered: window.__rendered,
      settled: Math.max(navigation ? navigation.domContentLoadedEventEnd : 0, ...ends),
    };
  })()
`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
}

/** Loads `path` `runs` times, each in a fresh context (empty cache). */
export async function runBrowser(
  url: string,
  sessionToken: string,
  path: string,
  runs: number,
): Promise<BrowserResult> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const timings: Timing[] = [];
    const assets = new Map<
      string,
      { type: 'script' | 'stylesheet'; transferred: number; encoding: string }
    >();
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      await context.addCookies([{ name: SESSION_COOKIE, value: sessionToken, url }]);
      const page = await context.newPage();
      // Scripts go in as text: functions compiled by tsx would carry helpers the page does not have.
      await page.addInitScript(MARK_RENDER);
      // What the app answered during the load, told when the page does not render.
      const answers: string[] = [];
      const loadStarted = Date.now();
      page.on('requestfinished', async (request) => {
        if (!['fetch', 'xhr', 'document'].includes(request.resourceType())) return;
        const response = await request.response().catch(() => null);
        const timing = request.timing();
        answers.push(
          `${new URL(request.url()).pathname} ${response?.status() ?? '?'} in ${Math.round(timing.responseEnd)} ms at +${Math.round((Date.now() - loadStarted) / 1000)} s`,
        );
      });
      page.on('requestfailed', (request) => {
        answers.push(`${new URL(request.url()).pathname} failed (${request.failure()?.errorText ?? '?'})`);
      });
      if (run === 0) {
        page.on('response', async (response) => {
          const type = response.request().resourceType();
          if (type !== 'script' && type !== 'stylesheet') return;
          const sizes = await response.request().sizes();
          assets.set(response.url(), {
            type,
            transferred: sizes.responseBodySize,
            encoding: response.headers()['content-encoding'] ?? 'identity',
          });
        });
      }
      await page.goto(`${url}${path}`, { waitUntil: 'networkidle' });
      // Polled from here: the page's Content-Security-Policy refuses the eval that waitForFunction uses.
      // The mark itself was taken in the page, so how often this looks does not change it.
      const deadline = Date.now() + 60_000;
      while ((await page.evaluate('window.__rendered')) === undefined) {
        if (Date.now() > deadline) {
          const shown = String(
            await page.evaluate(
              "(document.querySelector('main') ?? document.body)?.innerText.replace(/\\s+/g, ' ').slice(0, 200)",
            ),
          );
          throw new Error(
            `${path} did not render within 60 s; the page shows: ${shown}; the app answered: ${answers.join('; ') || 'nothing'}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      timings.push((await page.evaluate(READ_TIMINGS)) as Timing);
      await context.close();
    }
    const summarise = async (type: 'script' | 'stylesheet') => {
      const files = [...assets.entries()].filter(([, asset]) => asset.type === type);
      let rawBytes = 0;
      let gzipBytes = 0;
      for (const [assetUrl] of files) {
        const body = Buffer.from(await (await fetch(assetUrl)).arrayBuffer());
        rawBytes += body.length;
        gzipBytes += gzipSync(body, { level: 9 }).length;
      }
      return {
        files: files.length,
        transferredBytes: files.reduce((sum, [, asset]) => sum + asset.transferred, 0),
        rawBytes,
        gzipBytes,
      };
    };
    return {
      path,
      runs,
      javascript: await summarise('script'),
      css: await summarise('stylesheet'),
      firstContentfulPaintMs: median(timings.map((timing) => timing.fcp)),
      firstMeaningfulRenderMs: median(timings.map((timing) => timing.rendered)),
      interactiveMs: median(timings.map((timing) => timing.settled)),
      contentEncoding: [...new Set([...assets.values()].map((asset) => asset.encoding))].join(', '),
    };
  } finally {
    await browser.close();
  }
}
