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

const CLUSTER = '24. 児童虐待・いじめ対策等施策';

/** Opens the analysis page as a person, on a tab. */
async function openAnalysis(page: Page, url: string, tab?: string) {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: CLUSTER }).waitFor();
  if (tab) await page.getByRole('tab', { name: tab }).click();
}

/** Takes a review action in the 提出と審査 part and waits for it to be done. */
async function review(page: Page, action: string, comment?: string) {
  const part = page.getByRole('region', { name: '提出と審査' });
  await part.getByRole('button', { name: action, exact: true }).click();
  if (comment !== undefined) await part.getByRole('textbox').fill(comment);
  await part.getByRole('button', { name: `「${action}」を確定する` }).click();
  await part.getByText(`「${action}」を行いました。`).waitFor();
}

async function saveConclusion(page: Page, text: string) {
  const conclusion = page.getByRole('region', { name: '結論', exact: true });
  await conclusion.getByLabel('本文').fill(text);
  // After a pause the section's draft is saved on the server, before the section itself is.
  await conclusion.getByText(/^下書きを保存しました（\d\d:\d\d）$/).waitFor();
  await conclusion.getByRole('button', { name: '結論：保存する' }).click();
  await conclusion.getByText(/^保存しました/).waitFor();
}

describe('management analysis journey', () => {
  it('plans an analysis; the department drafts and submits, the bureau head approves, the office returns it, it is revised, accepted and reported at 第1回; the comparison shows what changed', async () => {
    // The reform office puts cluster 24 on the FY2024 plan, due at 第1回, and marks it started.
    const office = await newPage(browser);
    await signIn(office, 'reform');
    await office.getByRole('navigation').getByRole('link', { name: '経営分析' }).click();
    await office.waitForURL(/\/analyses/);
    await office.getByRole('region', { name: '段階別の一覧' }).getByText('22. 保育所・幼稚園').waitFor();
    // The table by meeting keeps each date at its precision: 第3回 is planned for 10月上旬.
    await office
      .getByRole('region', { name: 'X会議ごとの報告予定' })
      .getByText('第3回X会議（10月上旬）')
      .waitFor();
    await expectAccessible(office);

    await office.getByRole('button', { name: '計画に追加する' }).click();
    const dialog = office.getByRole('dialog');
    await dialog.getByLabel(/^事業クラスター/).selectOption({ label: CLUSTER });
    await dialog.getByLabel('担当部局').selectOption({ label: '子ども家庭局' });
    await dialog.getByLabel('経過報告の予定').selectOption({ label: '第1回X会議（7月22日）' });
    await expectAccessible(office);
    await dialog.getByRole('button', { name: '追加する' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await office.getByRole('link', { name: CLUSTER }).first().click();
    await office.getByRole('heading', { level: 1, name: CLUSTER }).waitFor();
    const analysisUrl = office.url();
    const stageMove = office.getByRole('region', { name: '段階を進める' });
    await stageMove.getByLabel('進める段階').selectOption({ label: '着手' });
    await stageMove.getByRole('button', { name: '段階を進める' }).click();
    await office.getByText('段階を「着手」に進めました。').waitFor();
    await expectAccessible(office);

    // The department drafts its conclusion and submits.
    const department = await newPage(browser);
    await signIn(department, 'kodomo-staff');
    await openAnalysis(department, analysisUrl, '報告書');
    await saveConclusion(department, '相談体制を一元化する。');
    await expectAccessible(department);
    await review(department, '提出する');

    // The bureau head approves.
    const head = await newPage(browser);
    await signIn(head, 'kodomo-head');
    await openAnalysis(head, analysisUrl);
    await review(head, '局長として承認する');

    // The reform office returns it with a comment.
    await openAnalysis(office, analysisUrl);
    await review(office, '差し戻す', '比較対象の政令市の状況を追記してください。');

    // The department sees the comment, revises and resubmits.
    await openAnalysis(department, analysisUrl, 'コメント');
    await department.getByText('比較対象の政令市の状況を追記してください。').waitFor();
    await department.getByRole('tab', { name: '報告書' }).click();
    await saveConclusion(
      department,
      '相談体制を一元化する。比較した政令市の多くは既に窓口を一本化している。',
    );
    await review(department, '提出する');

    await openAnalysis(head, analysisUrl);
    await review(head, '局長として承認する');

    // The office accepts and records the progress report at 第1回 X会議.
    await openAnalysis(office, analysisUrl);
    await review(office, '受理する');
    await stageMove.getByLabel('進める段階').selectOption({ label: '経過報告' });
    expect(await stageMove.getByLabel(/^報告したX会議/).inputValue()).not.toBe('');
    await stageMove.getByRole('button', { name: '段階を進める' }).click();
    await office.getByText('段階を「経過報告」に進めました。').waitFor();
    const current = office.getByRole('navigation', { name: '分析の段階' }).locator('[aria-current="step"]');
    expect(await current.innerText()).toContain('経過報告');

    // The comparison of the two versions shows the added sentence.
    await office.getByRole('tab', { name: '提出版と比較' }).click();
    const versions = office.getByRole('region', { name: '提出版' });
    await versions.getByText('第2版').first().waitFor();
    expect(await versions.innerText()).toContain('X会議で報告');
    await versions.getByRole('button', { name: '比較する' }).click();
    await office
      .locator('ins')
      .filter({ hasText: '比較した政令市の多くは既に窓口を一本化している。' })
      .waitFor();
    expect(await versions.innerText()).toContain('変更のない章');
    await expectAccessible(office);

    // Staff outside the bureau see the reported version but not the working copy or the comments.
    const outsider = await newPage(browser);
    await signIn(outsider, 'staff2');
    await openAnalysis(outsider, analysisUrl);
    expect(await outsider.getByRole('tab', { name: 'コメント' }).count()).toBe(0);
    await outsider.getByText(/作業中の報告書は/).waitFor();
    await outsider.getByRole('tab', { name: '提出版と比較' }).click();
    await outsider.getByText('第2版').first().waitFor();
    expect(await outsider.getByRole('region', { name: '提出版' }).innerText()).not.toContain('第1版');

    for (const page of [office, department, head, outsider]) await page.close();
    expect(baseUrl()).toMatch(/^http/);
  });

  it('shows a comparison as a chart with a table and this city’s rank', async () => {
    const page = await newPage(browser);
    await signIn(page, 'mayor');
    await page.goto(`${baseUrl()}/analyses`);
    await page.getByRole('link', { name: '22. 保育所・幼稚園' }).first().click();
    await page.getByRole('tab', { name: '比較分析' }).click();
    const chart = page.getByRole('img', { name: /児童1人当たり運営費/ });
    await chart.waitFor();
    expect(await page.getByRole('table', { name: /児童1人当たり運営費/ }).innerText()).toContain('政令市A');
    expect(await page.getByRole('main').innerText()).toMatch(/2023年度：6団体中\d位/);
    await expectAccessible(page);
    await page.close();
  });

  it('shows anyone a cluster’s history', async () => {
    const register = (await (await fetch(`${baseUrl()}/api/v1/clusters?fy=2024`)).json()) as {
      items: { id: string; number: number }[];
    };
    const nursery = register.items.find((item) => item.number === 22)!;
    const page = await newPage(browser);
    await page.goto(`${baseUrl()}/clusters/${nursery.id}`);
    await page.getByRole('heading', { level: 1, name: /22\. 保育所・幼稚園/ }).waitFor();
    expect(await page.getByRole('region', { name: '年度ごとの内容' }).innerText()).toContain('2024年度〜');
    expect(await page.getByRole('region', { name: '年度ごとの経営分析' }).innerText()).toContain('経過報告');
    // The register's change forms are the reform office's only.
    expect(await page.getByRole('heading', { name: '事業クラスター一覧の変更（市政変革室）' }).count()).toBe(
      0,
    );
    await expectAccessible(page);
    await page.close();
  });

  it('filters the register by owning bureau and analysis stage, in a link; the office changes clusters by keyboard on their page', async () => {
    const page = await newPage(browser);
    await signIn(page, 'reform');
    await page.goto(`${baseUrl()}/clusters?fy=2024`);
    await page.getByLabel('所管組織').selectOption({ label: '子ども家庭局' });
    await page.getByLabel('経営分析の段階').selectOption({ label: '経過報告' });
    await page.getByRole('button', { name: '表示する' }).click();
    await page.waitForURL(/orgUnit=.*stage=progress_reported|stage=progress_reported.*orgUnit=/);
    const main = page.getByRole('main');
    await main.getByRole('link', { name: '22. 保育所・幼稚園' }).waitFor();
    expect(await main.getByRole('link', { name: '1. 戦略的広報' }).count()).toBe(0);
    await expectAccessible(page);

    // The same link opened afresh shows the same clusters.
    await page.goto(page.url());
    await main.getByRole('link', { name: '22. 保育所・幼稚園' }).click();
    await page.getByRole('heading', { name: '事業クラスター一覧の変更（市政変革室）' }).waitFor();
    // Open 「名称・グループ・種類を変える」 by keyboard and send it unchanged: the refusal is said in words.
    await page.locator('#change-rename summary').focus();
    await page.keyboard.press('Enter');
    const rename = page.locator('#change-rename');
    await rename.getByRole('button', { name: '変更を保存する' }).focus();
    await page.keyboard.press('Enter');
    await rename
      .getByRole('alert')
      .getByText('変更がありません。内容を変えてから保存してください。')
      .waitFor();
    await expectAccessible(page);
    await page.close();
  });
});
