import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, newPage, signIn } from './helpers.ts';

/**
 * プラチナ市役所プロジェクト from end to end with different people: the reform office opens a
 * campaign and forms the PT; staff1 submits anonymously (after seeing a similar idea while typing);
 * staff2 supports it; the PT groups, scores and sends it on; 子ども家庭局 decides; its bureau head
 * writes the response; the reform office approves; staff1 is notified and reads the response.
 * Nothing a peer receives — API JSON, page HTML or the CSV export — names the anonymous author.
 */

const AUTHOR_NAME = '福祉 一郎';
const ANONYMOUS_TITLE = 'フレックスタイムで子育てと両立したい';
let browser: Browser;
let authorId = '';
const leaks: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Watches every API answer a peer's page receives for the anonymous author's name or id. */
function watchForAuthor(page: Page, who: string) {
  page.on('response', async (response) => {
    if (!response.url().includes('/api/')) return;
    const body = await response.text().catch(() => '');
    if (body.includes(AUTHOR_NAME) || (authorId && body.includes(authorId))) {
      leaks.push(`${who}: ${response.url()}`);
    }
  });
}

async function expectHtmlWithoutAuthor(page: Page) {
  const html = await page.content();
  expect(html.includes(AUTHOR_NAME), `the page ${page.url()} names the author`).toBe(false);
}

function isoDay(offsetDays: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
}

describe('Platinum City Hall Project journey', () => {
  it('runs from an anonymous idea to the announced response, and the author is never shown to peers', async () => {
    // The reform office opens a campaign and puts pt1 on its project team.
    const reform = await newPage(browser);
    await signIn(reform, 'reform');
    await reform.getByRole('navigation').getByRole('link', { name: 'プラチナ市役所プロジェクト' }).click();
    await reform.waitForURL(/\/platinum$/);
    await reform.getByRole('heading', { name: '募集を開始する' }).waitFor();
    await expectAccessible(reform);
    await reform.getByLabel(/^募集の名称/).fill('職員アイデア募集（試験）');
    await reform.getByLabel(/^アイデア募集の締切日/).fill(isoDay(30));
    await reform.getByRole('button', { name: '開始する' }).click();
    await reform.waitForURL(/\/platinum\/campaigns\/[0-9a-f-]{36}$/);
    const campaignUrl = reform.url();
    const campaignId = campaignUrl.split('/').pop()!;
    // The reform office edits the campaign: a new title and the month the bureau heads announce (上旬).
    await reform.getByRole('link', { name: '募集の内容を編集' }).click();
    await reform.waitForURL(/\/edit$/);
    await reform.getByRole('heading', { name: '受付の状況' }).waitFor();
    await reform.getByText(/^受付中です（/).waitFor();
    await expectAccessible(reform);
    await reform.getByLabel(/^募集の名称/).fill('職員アイデア募集（試験・編集後）');
    const announcement = reform.getByRole('group', { name: '関係局長による対応方針の表明' });
    await announcement.getByLabel('この段階の時期を決めない').uncheck();
    await announcement.getByLabel('開始の単位').selectOption('early');
    await announcement.getByLabel('開始の月').fill('2026-10');
    await announcement.getByLabel('終了の単位').selectOption('early');
    await announcement.getByLabel('終了の月').fill('2026-10');
    await reform.getByRole('button', { name: '保存する' }).click();
    await reform.getByText('保存しました。').waitFor();
    await reform.goto(campaignUrl);
    await reform.getByRole('heading', { level: 1, name: '職員アイデア募集（試験・編集後）' }).waitFor();
    await reform.getByText('10月上旬').waitFor();
    await reform.getByLabel(/^PTに加える職員を探す/).fill('pt1');
    await reform.getByRole('button', { name: '探す' }).click();
    await reform.getByRole('button', { name: '白金 ぴー子をPTに加える' }).click();
    await reform.getByRole('button', { name: '白金 ぴー子をPTから外す' }).waitFor();
    await expectAccessible(reform);

    // staff2 submits a named idea first.
    const staff2 = await newPage(browser);
    watchForAuthor(staff2, 'staff2');
    await signIn(staff2, 'staff2');
    await staff2.goto(`${baseUrl()}/platinum/campaigns/${campaignId}/ideas/new`);
    await staff2.getByLabel(/^タイトル/).fill('フレックスタイム制度を導入してほしい');
    await staff2.getByLabel(/^現状の課題/).fill('介護のため始業時刻を柔軟にしたい。');
    await staff2.getByLabel(/^提案内容/).fill('コアタイム付きのフレックスタイム制度を試行する。');
    await staff2.getByRole('button', { name: '投稿する', exact: true }).click();
    await staff2.waitForURL(/\/platinum\/ideas\/[0-9a-f-]{36}$/);

    // staff1 types a title, sees the similar idea live, and still submits an anonymous one.
    const staff1 = await newPage(browser);
    await signIn(staff1, 'staff1');
    authorId = await staff1.evaluate(
      async () => ((await (await fetch('/api/v1/me')).json()) as { id: string }).id,
    );
    await staff1.goto(`${baseUrl()}/platinum/campaigns/${campaignId}/ideas/new`);
    await staff1.getByLabel(/^タイトル/).fill(ANONYMOUS_TITLE);
    const similar = staff1.getByRole('region', { name: '似ているアイデア' });
    await similar.getByRole('link', { name: 'フレックスタイム制度を導入してほしい' }).waitFor();
    await expectAccessible(staff1);
    await staff1
      .getByLabel(/^現状の課題/)
      .fill('<script>alert(1)</script>保育園の送迎で毎朝休暇を取っています。');
    await staff1.getByLabel(/^提案内容/).fill('フレックスタイムで始業時刻を選べるようにする。');
    await staff1.getByLabel('匿名で投稿する').check();
    await staff1.getByRole('button', { name: '投稿する', exact: true }).click();
    await staff1.waitForURL(/\/platinum\/ideas\/[0-9a-f-]{36}$/);
    await staff1.getByRole('heading', { level: 1, name: ANONYMOUS_TITLE }).waitFor();
    // Markup typed into the idea is shown as text, never run.
    await staff1.getByText('<script>alert(1)</script>保育園の送迎で毎朝休暇を取っています。').waitFor();

    // staff2 supports it from the idea list; the author is shown as 匿名の職員.
    await staff2.goto(`${baseUrl()}/platinum/campaigns/${campaignId}/ideas`);
    await staff2.getByRole('button', { name: new RegExp(`^賛同する.*${ANONYMOUS_TITLE}`) }).click();
    await staff2
      .getByRole('button', { name: new RegExp(`^賛同済み.*${ANONYMOUS_TITLE}`), pressed: true })
      .waitFor();
    expect(await staff2.getByRole('main').innerText()).toContain('匿名の職員');
    await expectHtmlWithoutAuthor(staff2);
    await expectAccessible(staff2);
    const csv = await staff2.request.get(`${baseUrl()}/api/v1/campaigns/${campaignId}/ideas.csv`);
    expect(csv.status()).toBe(200);
    const csvText = await csv.text();
    expect(csvText).toContain(ANONYMOUS_TITLE);
    expect(csvText).not.toContain(AUTHOR_NAME);

    // The PT groups both ideas into an issue, scores it and sends it to 子ども家庭局.
    const pt = await newPage(browser);
    watchForAuthor(pt, 'pt1');
    await signIn(pt, 'pt1');
    await pt.goto(`${baseUrl()}/platinum/campaigns/${campaignId}/triage`);
    await pt.getByLabel(new RegExp(`「${ANONYMOUS_TITLE}」を選択`)).check();
    await pt.getByLabel(/「フレックスタイム制度を導入してほしい」を選択/).check();
    await expectAccessible(pt);
    await pt.getByLabel(/^課題名/).fill('フレックスタイム制度の試行');
    await pt.getByRole('button', { name: '選択したアイデアで課題を作る' }).click();
    await pt.waitForURL(/\/platinum\/issues\/[0-9a-f-]{36}$/);
    const issueUrl = pt.url();
    await pt.getByRole('group', { name: '効果の大きさ' }).getByLabel('5').check();
    await pt.getByRole('group', { name: '実現可能性' }).getByLabel('4').check();
    await pt.getByRole('group', { name: '波及範囲' }).getByLabel('5').check();
    await pt.getByRole('button', { name: '評価を保存する' }).click();
    await pt.getByRole('heading', { name: /PTの評価（評価 1\/1）/ }).waitFor();
    await pt.getByLabel(/^送付先/).selectOption({ label: '子ども家庭局' });
    await pt.getByLabel(/^回答期限/).fill(isoDay(20));
    await pt.getByRole('button', { name: '所管局へ送付する' }).click();
    await pt.getByText('送付先：子ども家庭局').waitFor();
    await expectHtmlWithoutAuthor(pt);
    await expectAccessible(pt);

    // 子ども家庭局 records its options and decision.
    const bureau = await newPage(browser);
    watchForAuthor(bureau, 'kodomo-staff');
    await signIn(bureau, 'kodomo-staff');
    await bureau.goto(`${baseUrl()}/platinum/assigned`);
    await bureau.getByRole('link', { name: 'フレックスタイム制度の試行' }).click();
    await bureau.waitForURL(issueUrl);
    await bureau.getByLabel(/^解決案の名称/).fill('コアタイム付きフレックスタイム制度');
    await bureau.getByLabel('採用', { exact: true }).check();
    await bureau.getByLabel(/^決定の理由/).fill('子育て中の職員の負担軽減に効果が見込まれるため。');
    await bureau.getByLabel(/^時期の精度/).selectOption('month');
    await bureau.getByLabel(/^年月/).fill('2027-01');
    await expectAccessible(bureau);
    await bureau.getByRole('button', { name: '決定を記録する' }).click();
    await bureau.getByText('実施（試行）時期：2027年1月').waitFor();
    await expectHtmlWithoutAuthor(bureau);

    // Its bureau head writes the response and asks the reform office to approve it.
    const head = await newPage(browser);
    watchForAuthor(head, 'kodomo-head');
    await signIn(head, 'kodomo-head');
    await head.goto(issueUrl);
    await head
      .getByLabel(/^対応方針の本文/)
      .fill('令和9年1月から、子育て中の職員を対象にフレックスタイム制度を試行します。');
    await head.getByRole('button', { name: '承認を依頼する' }).click();
    await head.getByText('承認待ち').waitFor();
    await expectHtmlWithoutAuthor(head);

    // The reform office approves: the response is published.
    await reform.goto(issueUrl);
    await reform.getByRole('button', { name: '承認して公表する' }).click();
    await reform.getByText('公表済み').waitFor();

    // The author was notified: the header says so in words, and the link is reached by keyboard.
    await staff1.goto(`${baseUrl()}/platinum`);
    const inboxLink = staff1.getByRole('link', { name: /^お知らせ（未読\d+件）$/ });
    await inboxLink.waitFor();
    let isFocused = false;
    for (let step = 0; step < 20 && !isFocused; step++) {
      await staff1.keyboard.press('Tab');
      isFocused = await inboxLink.evaluate((element) => element === document.activeElement);
    }
    expect(isFocused, 'the notification link is reached with Tab').toBe(true);
    await staff1.keyboard.press('Enter');
    await staff1.waitForURL(/\/notifications$/);
    const notice = staff1.getByRole('listitem').filter({ hasText: '対応方針が公表されました' }).first();
    await notice.waitFor();
    await expectAccessible(staff1);
    await notice.getByRole('link', { name: '開く' }).click();
    await staff1.waitForURL(issueUrl);
    await staff1
      .getByText('令和9年1月から、子育て中の職員を対象にフレックスタイム制度を試行します。')
      .waitFor();
    await staff1.getByText('公表済み').waitFor();

    // The board shows it to everyone, without the author.
    await staff2.goto(`${baseUrl()}/platinum/campaigns/${campaignId}/board`);
    await staff2.getByRole('link', { name: 'フレックスタイム制度の試行' }).waitFor();
    expect(await staff2.getByRole('main').innerText()).toContain('令和9年1月から');
    await expectHtmlWithoutAuthor(staff2);
    await expectAccessible(staff2);
    await staff2.goto(`${baseUrl()}/platinum/campaigns/${campaignId}/funnel`);
    await staff2.getByRole('table', { name: 'テーマ別' }).waitFor();
    await expectAccessible(staff2);

    // The public reads the announced responses without signing in, and never an author.
    const citizen = await newPage(browser);
    watchForAuthor(citizen, 'public');
    await citizen.goto(`${baseUrl()}/public/platinum?fy=2024`);
    await citizen.getByRole('heading', { level: 1, name: 'プラチナ市役所プロジェクト 対応方針' }).waitFor();
    await citizen.getByRole('heading', { level: 2, name: 'フレックスタイム制度の試行' }).waitFor();
    await expectHtmlWithoutAuthor(citizen);
    await expectAccessible(citizen);
    await citizen.close();

    expect(leaks).toEqual([]);
    for (const page of [reform, staff1, staff2, pt, bureau, head]) await page.close();
  });
});
