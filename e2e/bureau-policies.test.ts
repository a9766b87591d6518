import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, newPage, signIn } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Opens 子ども家庭局's policy from the list. */
async function openKodomoPolicy(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: '局区X方針' }).click();
  await page.waitForURL(/\/policies/);
  const table = page.getByRole('table', { name: /局区X方針/ });
  await table.getByRole('link', { name: /子ども家庭局X方針/ }).click();
  await page.waitForURL(/\/policies\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** The counts of the initiatives table, by column heading. */
async function initiativeCounts(page: Page): Promise<Map<string, number>> {
  const table = page.getByRole('table', { name: /取組の件数/ });
  await table.waitFor();
  const headings = await table.getByRole('columnheader').allInnerTexts();
  const cells = await table.getByRole('cell').allInnerTexts();
  return new Map(headings.map((heading, index) => [heading.trim(), Number(cells[index])]));
}

describe('bureau X policy journey', () => {
  it('staff drafts a revision and names 財政局; 財政局 concurs; the head approves and publishes; the public sees it', async () => {
    const title = `令和6年度 子ども家庭局X方針（改訂 ${Date.now()}）`;

    // The department staff starts a new version of the published policy and names a unit to consult.
    const staff = await newPage(browser);
    await signIn(staff, 'kodomo-staff');
    await openKodomoPolicy(staff);
    await expectAccessible(staff);
    const policyUrl = staff.url();
    const policyId = policyUrl.split('/').pop()!;
    await staff.getByLabel('改訂の理由').fill('第3回X会議の指示を反映する。');
    await staff.getByRole('button', { name: '改訂版を起案する' }).click();
    await staff.getByRole('status').filter({ hasText: '改訂版を作成しました' }).waitFor();
    await staff.getByRole('button', { name: '内容を編集する' }).click();
    await staff.getByLabel(/^表題/).fill(title);
    await staff.getByRole('button', { name: '保存する' }).click();
    await staff.getByRole('heading', { level: 1, name: title }).waitFor();
    await staff.getByRole('checkbox', { name: '財政局' }).check();
    await staff.getByRole('button', { name: '起案する（決裁に回す）' }).click();
    await staff.getByRole('status').filter({ hasText: '起案しました。' }).waitFor();
    expect(await staff.getByRole('main').innerText()).toContain('合議中');
    expect(await staff.getByRole('main').innerText()).toContain('回答待ち');
    await expectAccessible(staff);
    await staff.close();

    // 財政局 finds it in the approval inbox and concurs.
    const finance = await newPage(browser);
    await signIn(finance, 'zaisei-staff');
    await finance.goto(`${baseUrl()}/policies/inbox`);
    const inbox = finance.getByRole('table', { name: '決裁箱' });
    await inbox.getByRole('link', { name: title }).waitFor();
    expect(await inbox.innerText()).toContain('合議（財政局として）');
    await expectAccessible(finance);
    await inbox.getByRole('link', { name: title }).click();
    await finance.waitForURL(policyUrl);
    await finance.getByRole('button', { name: '同意する（財政局）' }).click();
    await finance.getByRole('status').filter({ hasText: '合議に同意しました。' }).waitFor();
    expect(await finance.getByRole('main').innerText()).toContain('決裁待ち');
    await finance.close();

    // The bureau head approves (決裁) and publishes.
    const head = await newPage(browser);
    await signIn(head, 'kodomo-head');
    await head.goto(policyUrl);
    await head.getByRole('button', { name: '決裁する' }).click();
    await head.getByRole('status').filter({ hasText: '決裁しました。' }).waitFor();
    await head.getByRole('button', { name: '公開する' }).click();
    await head.getByRole('status').filter({ hasText: '公開しました。' }).waitFor();
    const trail = await head.getByRole('table', { name: /決裁の経過/ }).innerText();
    for (const step of ['改訂の開始', '起案', '合議（同意）', '決裁', '公開']) expect(trail).toContain(step);
    await head.close();

    // The public side, without signing in: the new version is what it reads.
    const visitor = await newPage(browser);
    await visitor.goto(`${baseUrl()}/public/policies`);
    await visitor.getByRole('link', { name: title }).click();
    await visitor.waitForURL(`${baseUrl()}/public/policies/${policyId}`);
    await visitor.getByRole('heading', { level: 1, name: title }).waitFor();
    const text = await visitor.getByRole('main').innerText();
    expect(text).toContain('保育所・幼稚園');
    expect(text).not.toContain('合議');
    await expectAccessible(visitor);
    await visitor.close();
  });

  it('an initiative progress report changes the counts; the roadmap, ledger, needs and import screens are accessible', async () => {
    const page = await newPage(browser);
    await signIn(page, 'kodomo-staff');
    await page.goto(`${baseUrl()}/initiatives`);
    const before = await initiativeCounts(page);
    await expectAccessible(page);

    await page.getByRole('link', { name: '子育て支援手続のオンライン化' }).click();
    await page.waitForURL(/\/initiatives\/[0-9a-f-]{36}$/);
    const report = page
      .locator('form')
      .filter({ has: page.getByRole('heading', { name: '進捗を報告する' }) });
    await report.getByLabel('進み具合').selectOption({ label: '遅延' });
    await report.getByLabel('内容').fill('国の様式改正が遅れ、電子申請の公開を延期した。');
    await report.getByRole('button', { name: '進捗を報告する' }).click();
    await page.getByText('進捗を報告しました。').waitFor();
    await expectAccessible(page);

    await page.goto(`${baseUrl()}/initiatives`);
    const after = await initiativeCounts(page);
    expect(after.get('遅延')! - before.get('遅延')!).toBe(1);
    expect(before.get('要注意')! - after.get('要注意')!).toBe(1);
    expect(after.get('全体')).toBe(before.get('全体'));

    await page.goto(`${baseUrl()}/initiatives/roadmap`);
    await page.getByRole('table', { name: /工程表/ }).waitFor();
    await expectAccessible(page);

    await page.goto(`${baseUrl()}/effects`);
    await page.getByRole('img', { name: /年度別の効果額と累計/ }).waitFor();
    expect(await page.getByRole('main').innerText()).toContain('330億円');
    await expectAccessible(page);

    await page.goto(`${baseUrl()}/needs`);
    await page.getByRole('table', { name: /ニーズ・課題/ }).waitFor();
    await expectAccessible(page);

    await page.goto(`${baseUrl()}/needs/import`);
    await page.getByLabel('CSV ファイル').setInputFiles({
      name: 'needs.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '受付日,区分,経路,組織コード,内容\n2024-10-01,受け手,窓口,kodomo,保育の申込みをオンラインでしたい\n2024-02-30,受け手,窓口,kodomo,存在しない日付\n',
        'utf8',
      ),
    });
    await page.getByRole('button', { name: '内容を確認する' }).click();
    await page.getByText('存在しない日付です').waitFor();
    expect(await page.getByRole('button', { name: /件を登録する/ }).count()).toBe(0);
    await expectAccessible(page);
    await page.close();
  });

  it('the public reads the published needs from the portal; the office sees overdue reports; the ledger shows the analyses’ effects', async () => {
    const visitor = await newPage(browser);
    await visitor.goto(`${baseUrl()}/public`);
    await visitor
      .getByRole('navigation', { name: /公開情報/ })
      .getByRole('link', { name: 'ニーズ・課題' })
      .click();
    await visitor.waitForURL(/\/public\/needs/);
    await visitor.getByRole('heading', { level: 1, name: '公表されたニーズ・課題' }).waitFor();
    // The heading comes before the list: wait for the records themselves.
    await visitor.getByRole('main').getByText('保育所の空き状況を', { exact: false }).first().waitFor();
    const needs = await visitor.getByRole('main').innerText();
    expect(needs).toContain('保育所の空き状況を、窓口に行かなくてもネットで確認できるようにしてほしい。');
    // A contact in the text is masked; nothing unpublished is there.
    expect(needs).toContain('〔メールアドレス〕');
    expect(needs).not.toMatch(/@[a-z0-9-]+\./i);
    await expectAccessible(visitor);
    await visitor.getByLabel('受け手・担い手').selectOption({ label: '担い手' });
    await visitor.getByText(/公表されたニーズ・課題（0件）/).waitFor();
    await visitor.close();

    const office = await newPage(browser);
    await signIn(office, 'reform');
    await office.goto(`${baseUrl()}/initiatives?fy=2024`);
    const overdueCount = (await initiativeCounts(office)).get('報告滞留')!;
    expect(overdueCount).toBeGreaterThan(0);
    await office.getByRole('checkbox', { name: /報告が滞っているもの/ }).check();
    const list = office.getByRole('table', { name: new RegExp(`取組（${overdueCount}件）`) });
    await list.waitFor();
    expect(await list.getByText('滞留').count()).toBe(overdueCount);
    await expectAccessible(office);

    await office.goto(`${baseUrl()}/effects`);
    const analyses = office.getByRole('table', { name: /経営分析の効果額/ });
    await analyses.waitFor();
    expect(await analyses.innerText()).toContain('含まない（台帳で計上済み）');
    expect(await office.getByRole('main').innerText()).toMatch(/うち台帳に計上 .+・経営分析の効果額 .+/);
    await expectAccessible(office);
    await office.close();
  });
});
