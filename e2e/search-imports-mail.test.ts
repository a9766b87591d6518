import iconv from 'iconv-lite';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, newPage, signIn } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('search, imports and mail settings', () => {
  it('searches Japanese from the header box, with highlights and kinds to narrow by', async () => {
    const page = await newPage(browser);
    await page.goto(`${baseUrl()}/search?q=${encodeURIComponent('保育')}`);
    await page.getByRole('status').filter({ hasText: '検索結果' }).waitFor();
    const publicText = await page.getByRole('main').innerText();
    expect(publicText).toContain('保育所・幼稚園');
    await expectAccessible(page);

    await signIn(page, 'reform');
    const box = page.getByRole('search', { name: 'サイト内検索' }).getByLabel('検索する言葉');
    await box.fill('ﾎｲｸ');
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await box.fill('保育');
    await page.getByRole('search', { name: 'サイト内検索' }).getByRole('button', { name: '検索' }).click();
    await page.getByRole('status').filter({ hasText: '「保育」の検索結果' }).waitFor();
    expect(await page.locator('main mark').first().innerText()).toBe('保育');
    await page.getByRole('button', { name: /事業クラスター（\d+）/ }).click();
    await page.waitForURL(/kind=cluster/);
    await page.getByRole('button', { name: /事業クラスター（\d+）/, pressed: true }).waitFor();
    await expectAccessible(page);
    await page.close();
  });

  it('imports org units from a Shift_JIS CSV through the preview', async () => {
    const page = await newPage(browser);
    await signIn(page, 'admin');
    await page.goto(`${baseUrl()}/imports`);
    await page.getByRole('heading', { name: 'Excel・CSV の取込' }).waitFor();
    await expectAccessible(page);
    const csv =
      '組織コード,組織名,区分,上位組織コード,設置日\r\ne2e-unit,画面取込課,課,kodomo,令和6年4月1日\r\ne2e-bad,誤り課,班,,2024-04-01\r\n';
    await page.getByLabel('取り込むデータ').selectOption({ label: '組織' });
    await page.getByLabel('ファイル（.xlsx または .csv）').setInputFiles({
      name: '組織.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(iconv.encode(csv, 'cp932')),
    });
    await page.getByRole('button', { name: 'ファイルを読み込む' }).click();
    await page.getByText('文字コード：Shift_JIS').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'すべての行を確認する' }).click();
    await page.getByText('新規 1件・更新 0件・変更なし 0件・誤り 1件').first().waitFor();
    await page.getByText('区分「班」は使えません', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: '取り込む', exact: true }).isDisabled()).toBe(true);
    await expectAccessible(page);
    await page.close();
  });

  it('lets a person choose a daily digest for their mail', async () => {
    const page = await newPage(browser);
    await signIn(page, 'staff1');
    await page.getByRole('link', { name: 'メール通知の設定' }).click();
    await page.getByRole('heading', { name: 'メール通知の設定' }).waitFor();
    await page.getByLabel('1日1回まとめて受け取る').check();
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByRole('status').filter({ hasText: '設定を保存しました。' }).waitFor();
    await expectAccessible(page);
    await page.reload();
    expect(await page.getByLabel('1日1回まとめて受け取る').isChecked()).toBe(true);
    await page.close();
  });
});
