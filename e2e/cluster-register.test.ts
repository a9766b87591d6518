import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startAppWithEnvironment } from './app-with-environment.ts';
import { DEMO_PASSWORD, expectAccessible, launchBrowser } from './helpers.ts';

// Merges take effect from a year after the clusters began, so this journey opens FY2025. Opening a
// year moves every screen's default year, so it runs on its own copy of the app, not the shared one.
let app: RunningApp;
let browser: Browser;
beforeAll(async () => {
  app = await startAppWithEnvironment({ TOTONOE_REMINDER_INTERVAL_MINUTES: '0' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const FY2024 = '令和6年度（2024年度）';
const FY2025 = '令和7年度（2025年度）';

/** A fresh page on this journey's app that fails the test on a request to any other host. */
async function openPage(): Promise<Page> {
  const context = await browser.newContext({
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(app.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:'))
      outside.push(url);
  });
  page.on('close', () => {
    expect(outside, 'requests to outside hosts').toEqual([]);
  });
  return page;
}

async function signIn(page: Page, login: string) {
  await page.goto(`${app.baseUrl}/login`);
  await page.getByLabel('ログインID').fill(login);
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** The register of a fiscal year: the cluster labels it lists. */
async function registerLabels(page: Page, year: number): Promise<string[]> {
  await page.goto(`${app.baseUrl}/clusters?fy=${year}`);
  await page.getByRole('heading', { level: 1, name: /事業クラスター/ }).waitFor();
  await page.getByRole('link', { name: /^1\. / }).first().waitFor();
  return page.getByRole('link', { name: /^\d+\. / }).allTextContents();
}

/** Adds a cluster from FY2024 through the register's dialog; returns its page's URL. */
async function addCluster(page: Page, number: number, name: string): Promise<string> {
  await page.goto(`${app.baseUrl}/clusters?fy=2024`);
  await page.getByRole('button', { name: '事業クラスターを追加する' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^番号/).fill(String(number));
  await dialog.getByLabel(/^名称/).fill(name);
  await dialog.getByLabel(/^グループ/).selectOption({ label: '組織強化グループ' });
  await dialog.getByRole('checkbox', { name: '子ども家庭局' }).check();
  await dialog.getByLabel('理由・メモ（任意）').fill('窓口業務の見直しのため新設');
  await dialog.getByRole('button', { name: '追加する' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(`「${number}. ${name}」を${FY2024}から一覧に追加しました。`).waitFor();
  await page
    .getByRole('link', { name: `${number}. ${name}` })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${number}\\. `) }).waitFor();
  return page.url();
}

/** Opens one change of the panel (a disclosure) and returns it. */
async function openChange(page: Page, id: string, title: string) {
  const section = page.locator(`#${id}`);
  await section.locator('summary', { hasText: title }).click();
  return section;
}

describe('cluster register journey', () => {
  it('the reform office adds clusters, renames one from FY2025, merges two; each year keeps its register and the history lists every change', async () => {
    const office = await openPage();
    await signIn(office, 'reform');
    // Open FY2025, rolling the FY2024 analyses over, as the plan page's 「次の年度を始める」 does.
    const preview = await office.request.get(`${app.baseUrl}/api/v1/fiscal-years/2025/opening`);
    expect(preview.status()).toBe(200);
    const { unfinished } = (await preview.json()) as {
      unfinished: { analysisId: string; canRollOver: boolean }[];
    };
    const opened = await office.request.post(`${app.baseUrl}/api/v1/fiscal-years/2025/opening`, {
      headers: { origin: app.baseUrl },
      data: {
        decisions: unfinished.map((item) =>
          item.canRollOver
            ? { analysisId: item.analysisId, action: 'roll_over' }
            : { analysisId: item.analysisId, action: 'close', reason: '年度内に完了' },
        ),
      },
    });
    expect(opened.status(), await opened.text()).toBe(200);

    const renamedUrl = await addCluster(office, 91, '窓口受付業務');
    const firstSourceUrl = await addCluster(office, 92, '証明書発行業務');
    await addCluster(office, 93, '届出受理業務');

    // Rename 91 from FY2025: the form first refuses an unchanged name, with the summary focused.
    await office.goto(renamedUrl);
    await office.getByRole('heading', { level: 1, name: '91. 窓口受付業務' }).waitFor();
    const rename = await openChange(office, 'change-rename', '名称・グループ・種類を変える');
    await rename.getByLabel(/^適用年度/).selectOption({ label: FY2025 });
    await rename.getByRole('button', { name: '変更を保存する' }).click();
    const summary = rename.getByRole('alert');
    await summary.getByText('変更がありません。内容を変えてから保存してください。').waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectAccessible(office);
    await rename.getByLabel(/^名称/).fill('窓口サービス改革');
    await rename.getByLabel('理由・メモ（任意）').fill('書かない窓口への転換');
    await rename.getByRole('button', { name: '変更を保存する' }).click();
    await office.getByText(`${FY2025}からの内容を保存しました。`).waitFor();
    const renameEvents = office.getByRole('region', { name: '変更の記録' });
    await renameEvents.getByText('名称変更（2025年度から）').waitFor();
    await renameEvents.getByText('理由：書かない窓口への転換').waitFor();
    await renameEvents.getByText('名称：窓口受付業務 → 窓口サービス改革').waitFor();
    await renameEvents
      .getByText(/^記録：/)
      .first()
      .waitFor();

    // Merge 92 and 93 into 94 from FY2025; an empty form first shows its errors beside the fields.
    await office.goto(firstSourceUrl);
    await office.getByRole('heading', { level: 1, name: '92. 証明書発行業務' }).waitFor();
    const merge = await openChange(office, 'change-merge', 'ほかの事業クラスターと統合する');
    await merge.getByLabel(/^適用年度/).selectOption({ label: FY2025 });
    await merge.getByRole('button', { name: '統合する' }).click();
    const mergeSummary = merge.getByRole('alert');
    await mergeSummary.getByRole('link', { name: '統合する相手を1つ以上選んでください。' }).waitFor();
    expect(await mergeSummary.evaluate((element) => element === document.activeElement)).toBe(true);
    await merge
      .getByRole('group', { name: '統合する相手（複数可）' })
      .getByText('統合する相手を1つ以上選んでください。')
      .waitFor();
    // The summary's link takes focus to the field.
    await mergeSummary.getByRole('link', { name: '名称を入力してください。' }).click();
    expect(await merge.getByLabel(/^名称/).evaluate((element) => element === document.activeElement)).toBe(
      true,
    );
    await merge.getByRole('checkbox', { name: '93. 届出受理業務' }).check();
    await merge.getByLabel(/^番号/).fill('94');
    await merge.getByLabel(/^名称/).fill('証明書・届出サービス');
    await merge.getByLabel('理由・メモ（任意）').fill('証明書発行と届出受理を一体で見直す');
    await merge.getByRole('button', { name: '統合する' }).click();
    await office.getByText(`${FY2025}から「94. 証明書・届出サービス」に統合しました。`).waitFor();
    const events = office.getByRole('region', { name: '変更の記録' });
    await events.getByText('統合（2025年度から）').waitFor();
    await events.getByRole('link', { name: '94. 証明書・届出サービス' }).click();
    await office.getByRole('heading', { level: 1, name: '94. 証明書・届出サービス' }).waitFor();
    const mergedEvents = office.getByRole('region', { name: '変更の記録' });
    await mergedEvents.getByText('新設（2025年度から）').waitFor();
    await mergedEvents.getByRole('link', { name: '92. 証明書発行業務' }).waitFor();
    await mergedEvents.getByRole('link', { name: '93. 届出受理業務' }).waitFor();
    await expectAccessible(office);

    // Each year's register as it stood: FY2024 has 91 under its first name and 92; FY2025 has 93 only.
    const earlier = await registerLabels(office, 2024);
    expect(earlier).toEqual(
      expect.arrayContaining(['91. 窓口受付業務', '92. 証明書発行業務', '93. 届出受理業務']),
    );
    expect(earlier.some((label) => label.startsWith('94. '))).toBe(false);
    const later = await registerLabels(office, 2025);
    expect(later).toEqual(expect.arrayContaining(['91. 窓口サービス改革', '94. 証明書・届出サービス']));
    expect(later.some((label) => label.startsWith('92. ') || label.startsWith('93. '))).toBe(false);
    await expectAccessible(office);
    await office.close();
  });

  it('a department sees the register and a cluster’s history but no change buttons', async () => {
    const department = await openPage();
    await signIn(department, 'kodomo-staff');
    const labels = await registerLabels(department, 2024);
    expect(labels).toContain('22. 保育所・幼稚園');
    expect(await department.getByRole('button', { name: '事業クラスターを追加する' }).count()).toBe(0);
    expect(await department.getByRole('button', { name: /を編集/ }).count()).toBe(0);
    await department.getByRole('link', { name: '22. 保育所・幼稚園' }).click();
    await department.getByRole('heading', { level: 1, name: '22. 保育所・幼稚園' }).waitFor();
    await department.getByRole('region', { name: '変更の記録' }).waitFor();
    expect(
      await department.getByRole('heading', { name: '事業クラスター一覧の変更（市政変革室）' }).count(),
    ).toBe(0);
    expect(
      await department.getByRole('button', { name: /変更を保存する|統合する|分割する|廃止する/ }).count(),
    ).toBe(0);
    await department.close();
  });
});
