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

describe('foundation journey', () => {
  it('signs in, shows the streams and the cluster register, and signs out — accessible throughout', async () => {
    const page = await newPage(browser);
    await page.goto(`${baseUrl()}/`);
    await page.waitForURL(/\/login/);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await expectAccessible(page);

    await signIn(page, 'reform');
    for (const stream of [
      'X会議',
      '局区X方針',
      '経営分析',
      '自主的な改革',
      'プラチナ市役所プロジェクト',
      'ニーズ・課題',
    ]) {
      await page.getByRole('main').getByText(stream, { exact: false }).first().waitFor({ state: 'visible' });
    }
    await expectAccessible(page);

    // For signed-in staff the 経営分析 navigation opens the year's analysis plan; the register is its own page.
    await page.getByRole('navigation').getByRole('link', { name: '経営分析' }).click();
    await page.waitForURL((url) => url.pathname !== '/');
    await expectAccessible(page);
    await page.goto(`${baseUrl()}/clusters`);
    await page.getByText('保育所・幼稚園').first().waitFor();
    const text = await page.getByRole('main').innerText();
    for (const name of [
      '公立大学法人北九州市立大学',
      '上下水道事業',
      'スタートアップ×地域課題',
      'BPR推進',
      '公共施設マネジメント基本計画（社会インフラ版）の見直し',
    ]) {
      expect(text).toContain(name);
    }
    for (const group of [
      '施策・事業グループ',
      '横断制度グループ',
      '組織強化グループ',
      'オペレーション系施策',
      '市独自施策',
      '国制度関連施策',
    ]) {
      expect(text).toContain(group);
    }
    await expectAccessible(page);
    await page.screenshot({ path: `${import.meta.dirname}/../.tmp/e2e-clusters.png`, fullPage: true });

    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.waitForURL(/\/login/);
    const me = await page.evaluate(() => fetch('/api/v1/me').then((response) => response.status));
    expect(me).toBe(401);
    await page.close();
  });

  it('shows the register to the public and works by keyboard from the skip link', async () => {
    const page = await newPage(browser);
    await page.goto(`${baseUrl()}/clusters`);
    await page.getByText('文化振興施策').first().waitFor();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focused).toContain('本文');
    await page.keyboard.press('Enter');
    const target = await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    expect(target?.toLowerCase()).toMatch(/main/);
    await expectAccessible(page);
    await page.close();
  });
});
