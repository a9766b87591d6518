import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../env.ts';
import { CacheStampMemo } from '../../lib/cache-invalidation.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../../test/test-app.ts';
import { IDEA_TOTALS_TOPIC } from './idea-totals.ts';
import { bodyOf, type Cookies, createCampaign, signInAll, submitIdea } from './platinum-test-support.ts';

type IdeaPage = {
  items: { id: string; title: string; author: unknown; supportCount: number; isSupportedByViewer: boolean }[];
  total: number;
};

let t: TestApp;
let cookies: Cookies;
let campaignId: string;

beforeAll(async () => {
  t = await createTestApp();
  cookies = await signInAll(t, ['reform', 'staff1', 'staff2', 'pt1']);
  campaignId = await createCampaign(t, cookies.reform!);
});
afterAll(async () => {
  await t.close();
});

async function page(cookie: string, query = '') {
  const response = await t.call('GET', `/api/v1/ideas?campaign=${campaignId}${query}`, { cookie });
  expect(response.status, response.text).toBe(200);
  return bodyOf<IdeaPage>(response);
}

async function topicVersion(): Promise<number> {
  const result = await t.database.pool.query('select version from cache_versions where key = $1', [
    IDEA_TOTALS_TOPIC,
  ]);
  return Number(result.rows[0]?.version ?? 0);
}

describe('idea list totals (kept per process while no idea changes)', () => {
  it('show a submission, an edit and a status change at once, to peers and to the reform office', async () => {
    const before = await page(cookies.staff2!);
    const beforeOffice = await page(cookies.reform!);
    const beforeWorkstyle = await page(cookies.staff2!, '&theme=workstyle&status=submitted&sort=supports');
    // Asked twice: the second answer may come from the cache, and agrees.
    expect((await page(cookies.staff2!)).total).toBe(before.total);

    const idea = await submitIdea(t, cookies.staff1!, campaignId, { title: '合計の確認をしたい' });
    expect((await page(cookies.staff2!)).total).toBe(before.total + 1);
    expect((await page(cookies.reform!)).total).toBe(beforeOffice.total + 1);
    const workstyle = await page(cookies.staff2!, '&theme=workstyle&status=submitted&sort=supports');
    expect(workstyle.total).toBe(beforeWorkstyle.total + 1);
    expect(workstyle.items.map((item) => item.id)).toContain(idea.id);

    const edited = await t.call('PATCH', `/api/v1/ideas/${idea.id}`, {
      cookie: cookies.staff1,
      headers: { 'if-match': `"${idea.version}"` },
      body: { title: '合計の確認をしたい（修正）', theme: 'office' },
    });
    expect(edited.status, edited.text).toBe(200);
    const afterEdit = await page(cookies.staff2!);
    expect(afterEdit.items.find((item) => item.id === idea.id)?.title).toBe('合計の確認をしたい（修正）');
    expect((await page(cookies.staff2!, '&theme=workstyle&status=submitted&sort=supports')).total).toBe(
      beforeWorkstyle.total,
    );

    const withdrawn = await t.call('POST', `/api/v1/ideas/${idea.id}/withdraw`, { cookie: cookies.staff1 });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    const afterWithdrawal = await page(cookies.staff2!);
    expect(afterWithdrawal.total).toBe(before.total);
    expect(afterWithdrawal.items.map((item) => item.id)).not.toContain(idea.id);
    expect((await page(cookies.reform!)).total).toBe(beforeOffice.total);
  });

  it('are not moved by supports, which never touch the cache topic, while counts on the page are live', async () => {
    const idea = await submitIdea(t, cookies.staff1!, campaignId, { title: '賛同数の確認' });
    const listed = await page(cookies.staff2!, '&sort=supports');
    const version = await topicVersion();
    const support = await t.call('PUT', `/api/v1/ideas/${idea.id}/supports`, { cookie: cookies.staff2 });
    expect(support.status, support.text).toBe(201);
    expect(await topicVersion()).toBe(version);
    const after = await page(cookies.staff2!, '&sort=supports');
    expect(after.total).toBe(listed.total);
    const item = after.items.find((entry) => entry.id === idea.id);
    expect(item).toMatchObject({ supportCount: 1, isSupportedByViewer: true });
    // The same page for another person: their own "supported by me", never the first one's.
    const other = (await page(cookies.pt1!, '&sort=supports')).items.find((entry) => entry.id === idea.id);
    expect(other).toMatchObject({ supportCount: 1, isSupportedByViewer: false });
  });

  it('never name an anonymous author to peers, before or after the total is cached', async () => {
    const idea = await submitIdea(t, cookies.staff1!, campaignId, {
      title: '匿名の提案（一覧）',
      isAnonymous: true,
    });
    for (let round = 0; round < 2; round++) {
      const officeView = await page(cookies.reform!);
      expect(officeView.items.find((item) => item.id === idea.id)?.author).toBeTruthy();
      const peerView = await t.call('GET', `/api/v1/ideas?campaign=${campaignId}`, {
        cookie: cookies.staff2,
      });
      const item = bodyOf<IdeaPage>(peerView).items.find((entry) => entry.id === idea.id);
      expect(item).toBeDefined();
      expect(item?.author ?? null).toBeNull();
      expect(peerView.text).not.toContain('staff1');
    }
  });

  it('suggest an idea by its current title at once after an edit, and supports change nothing there', async () => {
    const similar = async (text: string) => {
      const response = await t.call(
        'GET',
        `/api/v1/ideas/similar?campaign=${campaignId}&text=${encodeURIComponent(text)}`,
        { cookie: cookies.pt1 },
      );
      expect(response.status, response.text).toBe(200);
      return bodyOf<{ items: { id: string }[] }>(response).items.map((item) => item.id);
    };
    const idea = await submitIdea(t, cookies.staff1!, campaignId, { title: '庁舎の自転車置き場を広げる' });
    expect(await similar('庁舎の自転車置き場')).toContain(idea.id);
    const edited = await t.call('PATCH', `/api/v1/ideas/${idea.id}`, {
      cookie: cookies.staff1,
      headers: { 'if-match': `"${idea.version}"` },
      body: { title: '会議室の予約を一覧で見られるようにする' },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(await similar('庁舎の自転車置き場')).not.toContain(idea.id);
    expect(await similar('会議室の予約を一覧で')).toContain(idea.id);
    const keys = async () =>
      (
        await t.database.pool.query(
          'select similarity_key from platinum_idea_similarity_keys where idea_id = $1',
          [idea.id],
        )
      ).rows;
    const before = await keys();
    expect(before).toHaveLength(1);
    expect((await t.call('PUT', `/api/v1/ideas/${idea.id}/supports`, { cookie: cookies.pt1 })).status).toBe(
      201,
    );
    expect(await keys()).toEqual(before);
    expect(await similar('会議室の予約を一覧で')).toContain(idea.id);
  });

  it.runIf(process.env.TOTONOE_TEST_DB === 'postgres')(
    'follow at once what another app process on the same database changed',
    async () => {
      const other = createApp(
        {
          db: t.database.db,
          database: t.database,
          config: { ...loadConfig({ TOTONOE_LOG_LEVEL: 'error' }), databaseUrl: undefined },
          cache: new Map(),
          cacheStamps: new CacheStampMemo(t.database.kind),
        },
        { webRoot: '/nonexistent' },
      );
      const totalThrough = async (app: typeof other) => {
        const response = await app.request(`${TEST_ORIGIN}/api/v1/ideas?campaign=${campaignId}`, {
          headers: { origin: TEST_ORIGIN, cookie: cookies.staff2! },
        });
        return ((await response.json()) as IdeaPage).total;
      };
      const before = await totalThrough(other);
      expect(await totalThrough(t.app)).toBe(before);
      // Written through the first app: the other, with its own cache, sees it at once.
      const idea = await submitIdea(t, cookies.staff1!, campaignId, { title: '別の処理からの確認' });
      expect(await totalThrough(other)).toBe(before + 1);
      // Written in plain SQL (as a third process would): both see it at once.
      await t.database.pool.query(`update platinum_ideas set status = 'hidden' where id = $1`, [idea.id]);
      expect(await totalThrough(other)).toBe(before);
      expect(await totalThrough(t.app)).toBe(before);
    },
  );
});
