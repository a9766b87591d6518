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

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/** The agenda item sections of the meeting page, in order, as their headings read. */
async function agendaHeadings(page: Page): Promise<string[]> {
  return page.locator('section[aria-labelledby^="agenda-item-"] h3').allInnerTexts();
}

async function uploadTo(page: Page, itemIndex: number, name: string) {
  const section = page.locator('section[aria-labelledby^="agenda-item-"]').nth(itemIndex);
  await section.getByLabel(/^ファイル/).setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
  await section.getByRole('button', { name: 'アップロードする' }).click();
  await section.getByText(/として登録しました/).waitFor();
}

describe('X meeting journey', () => {
  it('creates 第6回, builds its agenda from proposals, numbers materials, records, publishes; the public sees only that', async () => {
    const page = await newPage(browser);
    await signIn(page, 'reform');
    await page.getByRole('navigation').getByRole('link', { name: 'X会議' }).click();
    await page.waitForURL(/\/meetings/);
    await page.getByRole('table').getByText('第3回X会議').waitFor();
    expect(await page.getByRole('table').innerText()).toContain('10月上旬');
    await expectAccessible(page);

    // The office adds 第6回 in January, at 中旬 precision.
    await page.getByRole('button', { name: '会議を追加する' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^回数/).fill('6');
    await dialog.getByLabel('予定日の精度').selectOption('mid');
    await dialog.getByLabel(/^予定月/).fill('2025-01');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: '追加する' }).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: '第6回X会議' }).waitFor();
    const meetingUrl = page.url();
    const meetingId = meetingUrl.split('/').pop()!;

    // Due items are proposed: open instructions of earlier meetings among them.
    await page.getByRole('link', { name: '次第を編集する' }).click();
    await page.waitForURL(/\/agenda$/);
    await page.getByRole('heading', { name: '提案された項目' }).waitFor();
    const proposals = page.getByRole('button', { name: /^次第に加える/ });
    await proposals.first().waitFor();
    expect(await page.getByRole('main').innerText()).toContain('指示事項の対応状況');
    await expectAccessible(page);
    const proposedTitles = page
      .getByRole('region', { name: '提案された項目' })
      .locator('li span.text-std-17B-170');
    const proposedItem = (title: string) =>
      page.getByRole('region', { name: '提案された項目' }).getByRole('listitem').filter({ hasText: title });
    const firstTitle = (await proposedTitles.first().innerText()).trim();
    await proposals.first().click();
    // The added proposal leaves the list before the next one is taken.
    await proposedItem(firstTitle).waitFor({ state: 'detached' });
    await page.getByText(`1. ${firstTitle}`).waitFor();
    const secondTitle = (await proposedTitles.first().innerText()).trim();
    await proposals.first().click();
    await proposedItem(secondTitle).waitFor({ state: 'detached' });
    await page.getByText(`2. ${secondTitle}`).waitFor();

    // Materials go to both items: 資料1 and 資料2 in agenda order.
    await page.getByRole('link', { name: '会議のページへ戻る' }).click();
    await page.waitForURL(meetingUrl);
    await uploadTo(page, 0, '資料_一.pdf');
    await uploadTo(page, 1, '資料_二.pdf');
    const first = page.locator('section[aria-labelledby^="agenda-item-"]').nth(0);
    await first.getByText('資料1', { exact: true }).waitFor();

    // Reordered by keyboard in the builder: the numbers follow.
    await page.getByRole('link', { name: '次第を編集する' }).click();
    await page.waitForURL(/\/agenda$/);
    const moveDown = page.getByRole('button', { name: `「${firstTitle}」を下へ移動` });
    await moveDown.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '2番目に移動しました' }).waitFor();
    await page.getByText(`1. ${secondTitle}`).waitFor();
    expect(await page.getByText(`2. ${firstTitle}`).count()).toBe(1);
    await page.getByRole('link', { name: '会議のページへ戻る' }).click();
    await page.waitForURL(meetingUrl);
    await page.getByText(`1. ${secondTitle}`).waitFor();
    expect(await agendaHeadings(page)).toEqual([`1. ${secondTitle}`, `2. ${firstTitle}`]);
    const reordered = page.locator('section[aria-labelledby^="agenda-item-"]');
    expect(await reordered.nth(0).innerText()).toContain('資料1');
    expect(await reordered.nth(0).innerText()).toContain('資料_二');
    expect(await reordered.nth(1).innerText()).toContain('資料2');

    // A decision and an instruction on the first item.
    const item = reordered.nth(0);
    await item.getByLabel('決定事項を記録').fill('方向性を了承する。');
    await item.getByRole('button', { name: '記録する' }).first().click();
    await item.getByText('方向性を了承する。').waitFor();
    await item.getByLabel('指示事項を記録').fill('工程表を次回会議までに示すこと。');
    await item.getByLabel(/^担当組織/).selectOption({ label: '子ども家庭局' });
    await item.getByLabel(/^期限/).fill('2025-02-28');
    await item.getByRole('button', { name: '記録する' }).nth(1).click();
    await item.getByText('工程表を次回会議までに示すこと。').waitFor();

    // Publication: 資料1 only, the agenda, and the minutes.
    await item.getByRole('button', { name: /^公開する/ }).click();
    await item.getByText('公開中').waitFor();
    await page.getByLabel('議事要旨の本文').fill('第6回X会議 議事要旨\n方向性を了承した。');
    await page.getByRole('button', { name: '議事要旨を作成する' }).click();
    await page.getByRole('button', { name: '承認する' }).click();
    await page.getByRole('button', { name: '公開する', exact: true }).last().click();
    await page.getByText('状態：公開中').waitFor();
    await page.getByLabel('次第と公開済みの資料を公開する').check();
    await page.getByRole('button', { name: '保存する' }).last().click();
    await page.getByText('保存しました。').waitFor();
    await expectAccessible(page);

    // Printable 次第.
    await page.getByRole('link', { name: '次第を印刷する' }).click();
    await page.waitForURL(/\/print$/);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: '次 第' }).waitFor();
    expect(await page.getByRole('main').innerText()).toContain('資料1');
    await expectAccessible(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').first().isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.close();

    // The public page, without signing in: exactly the published parts.
    const visitor = await newPage(browser);
    await visitor.goto(`${baseUrl()}/public/meetings/${meetingId}`);
    await visitor.getByRole('heading', { level: 1, name: '第6回X会議' }).waitFor();
    const text = await visitor.getByRole('main').innerText();
    expect(text).toContain(secondTitle);
    expect(text).toContain('資料1');
    expect(text).not.toContain('資料2');
    expect(text).toContain('方向性を了承した。');
    expect(text).not.toContain('工程表を次回会議までに示すこと。');
    expect(text).not.toContain('方向性を了承する。');
    await expectAccessible(visitor);
    const href = await visitor.getByRole('link', { name: /資料1/ }).getAttribute('href');
    const download = await visitor.request.get(`${baseUrl()}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
    await visitor.screenshot({
      path: `${import.meta.dirname}/../.tmp/e2e-public-meeting.png`,
      fullPage: true,
    });
    await visitor.close();
  });

  it("shows my unit's instructions with overdue marks and takes a progress report", async () => {
    const page = await newPage(browser);
    await signIn(page, 'kensetsu-staff');
    await page.goto(`${baseUrl()}/actions`);
    await page.getByRole('heading', { level: 1, name: '指示事項の対応状況' }).waitFor();
    const table = page.getByRole('table');
    await table.getByText('公園の維持管理費').waitFor();
    expect(await table.innerText()).toContain('期限超過');
    await expectAccessible(page);
    await page
      .getByRole('button', { name: /の対応状況を報告$/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^対応状況/).fill('試算を終え、報告の準備中。');
    await dialog.getByLabel('状態の変更').selectOption('reported');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: '報告する' }).click();
    await table.getByText('完了報告済み').waitFor();
    await page.close();

    // The reform office closes it, recording the later meeting that reviewed it.
    const office = await newPage(browser);
    await signIn(office, 'reform');
    await office.goto(`${baseUrl()}/actions?owner=all`);
    const row = office.getByRole('row').filter({ hasText: '公園の維持管理費' });
    await row.waitFor();
    await row.getByRole('button', { name: /の対応状況を報告$/ }).click();
    const closing = office.getByRole('dialog');
    await closing.getByLabel(/^対応状況/).fill('第3回X会議で報告を了承。');
    await closing.getByLabel('状態の変更').selectOption('closed');
    await closing.getByLabel('確認した会議').selectOption({ label: '第3回X会議' });
    await expectAccessible(office);
    await closing.getByRole('button', { name: '報告する' }).click();
    await row.getByText('第3回X会議').waitFor();
    expect(await row.innerText()).toContain('完了');
    await office.close();
  });
});
