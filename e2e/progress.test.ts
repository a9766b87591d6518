import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  expectAccessible,
  JOURNEY_MEETING_SEQUENCES,
  launchBrowser,
  newPage,
  signIn,
} from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Calls the API with the page's session (and its own Origin, as the app's pages do). */
async function api(page: Page, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown, headers = {}) {
  const response = await page.request.fetch(`${baseUrl()}${path}`, {
    method,
    headers: { origin: baseUrl(), ...headers },
    data: body,
  });
  return {
    status: response.status(),
    etag: response.headers().etag,
    body: await response.json().catch(() => null),
  };
}

describe('進捗状況 journey', () => {
  it('drills down from a dashboard number to the records behind it and on to a record', async () => {
    const page = await newPage(browser);
    await signIn(page, 'reform');
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '進捗状況' })
      .click();
    await page.waitForURL(/\/progress/);
    await page.getByRole('heading', { name: '進捗状況', level: 1 }).waitFor();
    await page.getByRole('heading', { name: '経営分析', exact: true }).waitFor();
    await expectAccessible(page);

    // The number of the year's analysis targets links to them (its name says what it counts).
    const stageLink = page.getByRole('link', { name: /^\s*\d+\s*件（分析対象の記録を表示）$/ }).first();
    const count = Number(/^(\d+)/.exec((await stageLink.textContent()) ?? '')?.[1]);
    await stageLink.click();
    await page.waitForURL(/\/progress\/records\?.*metric=analyses/);
    const rows = page.getByRole('table').getByRole('row');
    await rows.nth(1).waitFor();
    // The list settles once its records are in (a refetch may redraw it in between).
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(count + 1);
    expect(await page.getByRole('main').innerText()).toContain('保育所・幼稚園');
    await expectAccessible(page);

    await page.getByRole('link', { name: /保育所・幼稚園/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/progress'));
    await page.getByRole('main').getByText('保育所・幼稚園').first().waitFor();
    await page.close();
  });

  it('shows a real figure for every stream, none left 「集計準備中」, and lists ideas without their authors', async () => {
    const page = await newPage(browser);
    await signIn(page, 'reform');
    await page.goto(`${baseUrl()}/progress?fy=2024`);
    await page.getByRole('heading', { name: 'プラチナ市役所プロジェクト', level: 2 }).waitFor();
    const main = page.getByRole('main');
    expect(await main.innerText()).not.toContain('集計準備中');
    const figure = async (label: string) => {
      const link = main
        .getByRole('link', { name: new RegExp(`^\\s*[\\d,]+\\s*件（${label}の記録を表示）$`) })
        .first();
      return Number(((await link.textContent()) ?? '').replace(/[^\d]/g, ''));
    };
    // X会議: decisions and instructions; 局区X方針: a published policy; Platinum: ideas submitted.
    expect(await figure('決定事項')).toBeGreaterThan(0);
    expect(await figure('未完了の指示事項')).toBeGreaterThan(0);
    expect(await figure('公開中')).toBeGreaterThan(0);
    const submitted = await figure('投稿');
    expect(submitted).toBeGreaterThan(0);
    expect(
      await main.getByRole('table', { name: '局・区・室ごとの方針' }).getByRole('row').count(),
    ).toBeGreaterThan(1);
    await main.getByText('次回の第3回X会議（10月上旬）で報告予定の経営分析').waitFor();
    await expectAccessible(page);

    // The ideas behind a theme's count, each linking to the idea, never naming who proposed it.
    const office = main.getByRole('link', { name: /件（オフィス 投稿の記録を表示）$/ });
    const officeCount = Number(((await office.textContent()) ?? '').replace(/[^\d]/g, ''));
    await office.click();
    await page.waitForURL(/metric=platinum/);
    const rows = page.getByRole('table').getByRole('row');
    await rows.nth(1).waitFor();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(officeCount + 1);
    expect(await page.getByRole('main').innerText()).not.toMatch(/提案者|投稿者/);
    await page.close();
  });

  it('draws 第3回X会議 over 1–10 October in the year’s schedule, clicks through and prints', async () => {
    const page = await newPage(browser);
    await signIn(page, 'kodomo-staff');
    await page.goto(`${baseUrl()}/schedule?fy=2024`);
    await page.getByRole('heading', { name: '年間日程', level: 1 }).waitFor();
    const entryNamed = (name: string) =>
      page.locator('svg a', { has: page.locator(`title:text-is("${name}")`) });
    const third = entryNamed('第3回X会議（10月上旬）');
    await third.waitFor();
    // The FY2024 view starts at June: ten month columns over the 850 units right of the lane names.
    const rect = third.locator('rect').first();
    const x = Number(await rect.getAttribute('x'));
    const width = Number(await rect.getAttribute('width'));
    const column = 850 / 10;
    expect(x).toBeCloseTo(150 + 4 * column, 3);
    expect(width).toBeCloseTo((10 / 31) * column, 3);
    // From April the same entry moves two columns right and keeps its ten days.
    await page.getByLabel('表示を始める月').selectOption('4');
    await page.waitForURL(/from=4/);
    const fromApril = entryNamed('第3回X会議（10月上旬）').locator('rect').first();
    expect(Number(await fromApril.getAttribute('x'))).toBeCloseTo(150 + 6 * (850 / 12), 3);
    expect(Number(await fromApril.getAttribute('width'))).toBeCloseTo((10 / 31) * (850 / 12), 3);

    const row = page.getByRole('row', { name: /第3回X会議/ });
    expect(await row.innerText()).toContain('10月上旬');
    await expectAccessible(page);
    await page.emulateMedia({ media: 'print' });
    await page.pdf({
      format: 'A4',
      landscape: true,
      path: `${import.meta.dirname}/../.tmp/e2e-schedule.pdf`,
    });
    await page.emulateMedia({ media: 'screen' });

    await row.getByRole('link', { name: '第3回X会議' }).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}/);
    await page.close();
  });

  it('shows the whole picture as a diagram and as a structured list', async () => {
    const page = await newPage(browser);
    await signIn(page, 'mayor');
    await page.goto(`${baseUrl()}/overview?fy=2024`);
    await page.getByRole('heading', { name: '全体像（文章による説明）' }).waitFor();
    const text = await page.getByRole('main').innerText();
    for (const part of [
      '変革の担い手',
      'X会議',
      '局区X方針',
      '経営分析',
      '各局区の自主的な改革',
      'プラチナ市役所プロジェクト',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toContain('事業クラスター：57');
    await expectAccessible(page);
    await page.close();
  });
});

describe('公開ポータル journey', () => {
  it('shows a newly published meeting, never a closed one, and no draft policy', async () => {
    const office = await newPage(browser);
    await signIn(office, 'reform');
    const created = await api(office, 'POST', '/api/v1/meetings', {
      fiscalYear: 2024,
      sequence: JOURNEY_MEETING_SEQUENCES.progress,
      title: '臨時X会議',
      planned: { precision: 'mid', start: '2025-02-11', end: '2025-02-20' },
      isPublic: false,
    });
    expect(created.status).toBe(201);
    const meetingId = (created.body as { id: string }).id;

    const visitor = await newPage(browser);
    await visitor.goto(`${baseUrl()}/public?fy=2024`);
    await visitor.getByRole('heading', { name: '市政変革の公開情報', level: 1 }).waitFor();
    await visitor.getByRole('link', { name: 'キックオフMTG' }).waitFor();
    expect(await visitor.getByRole('main').innerText()).not.toContain('臨時X会議');
    await expectAccessible(visitor);

    const current = await api(office, 'GET', `/api/v1/meetings/${meetingId}`);
    const published = await api(
      office,
      'PATCH',
      `/api/v1/meetings/${meetingId}`,
      { isPublic: true },
      {
        'if-match': current.etag,
      },
    );
    expect(published.status).toBe(200);

    await visitor.reload();
    await visitor.getByRole('link', { name: '臨時X会議' }).waitFor();
    const row = visitor.getByRole('row', { name: /臨時X会議/ });
    expect(await row.innerText()).toContain('2月中旬');

    const policies = await api(office, 'GET', '/api/v1/bureau-policies?fy=2024');
    type Summary = { title: string; publishedVersionNumber: number | null };
    // Policies never published: a revision in progress of a published one keeps its public version.
    const drafts = ((policies.body as { items: Summary[] }).items ?? []).filter(
      (policy) => policy.publishedVersionNumber === null,
    );
    expect(drafts.length).toBeGreaterThan(0);
    await visitor.goto(`${baseUrl()}/public/open-data?fy=2024`);
    await visitor.getByRole('heading', { name: 'オープンデータ', level: 1 }).waitFor();
    await expectAccessible(visitor);
    const openPolicies = await visitor.request.get(
      `${baseUrl()}/api/v1/public/open-data/bureau-policies.json?fy=2024`,
    );
    const openText = await openPolicies.text();
    for (const draft of drafts) expect(openText).not.toContain(draft.title);
    const meetingsCsv = await visitor.request.get(
      `${baseUrl()}/api/v1/public/open-data/meetings.csv?fy=2024`,
    );
    expect(await meetingsCsv.text()).toContain('臨時X会議');
    await office.close();
    await visitor.close();
  });
});
