import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { AppError } from '../../lib/errors.ts';
import { logger } from '../../lib/logger.ts';

/*
 * PDF by printing our own HTML in Debian's Chromium (never a downloaded browser). One browser per
 * process is started on first use and closed after a minute without work; each print gets its own
 * context with JavaScript off and every network request refused, so a document can load nothing.
 */

/** Where Chromium lives (the same convention as scripts/lib/ensure-chromium.mjs). */
export const CHROMIUM_PATH = process.env.TOTONOE_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const IDLE_CLOSE_MS = 60_000;
const MAX_PARALLEL_PRINTS = 2;

let browserPromise: Promise<Browser> | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let running = 0;
const waiting: (() => void)[] = [];

function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new AppError('report_renderer_unavailable');
  browserPromise ??= chromium
    .launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
    .then((browser) => {
      browser.on('disconnected', () => {
        browserPromise = null;
      });
      return browser;
    })
    .catch((error: unknown) => {
      browserPromise = null;
      logger.error('chromium could not start', { error: String(error) });
      throw new AppError('report_renderer_unavailable');
    });
  return browserPromise;
}

async function acquire(): Promise<void> {
  if (idleTimer) {
    clearTimeout(idleTimer);
    idleTimer = null;
  }
  if (running < MAX_PARALLEL_PRINTS) {
    running += 1;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) {
    next();
    return;
  }
  running -= 1;
  if (running === 0) {
    idleTimer = setTimeout(() => void closePrinter(), IDLE_CLOSE_MS);
    idleTimer.unref();
  }
}

/** Closes the print browser (at shutdown, and after a minute without work). */
export async function closePrinter(): Promise<void> {
  const pending = browserPromise;
  browserPromise = null;
  if (pending) await (await pending.catch(() => null))?.close().catch(() => undefined);
}

/** Prints an HTML document to an A4 PDF (landscape unless told otherwise). */
export async function printPdf(
  html: string,
  options: { isLandscape?: boolean; footer?: string } = {},
): Promise<Buffer> {
  await acquire();
  try {
    const browser = await launch();
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
      const footer = options.footer ?? '';
      const pdf = await page.pdf({
        format: 'A4',
        landscape: options.isLandscape ?? true,
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-size:7pt;width:100%;text-align:right;padding:0 12mm;color:#595959">${footer} <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
      });
      return Buffer.from(pdf);
    } finally {
      await context.close().catch(() => undefined);
    }
  } finally {
    release();
  }
}
