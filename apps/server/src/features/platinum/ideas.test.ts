import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import {
  bodyOf,
  type Cookies,
  countRows,
  createCampaign,
  phasesAroundToday,
  signInAll,
  submitIdea,
} from './platinum-test-support.ts';

let t: TestApp;
let cookies: Cookies;
let campaignId: string;

beforeAll(async () => {
  t = await createTestApp();
  cookies = await signInAll(t, ['reform', 'staff1', 'staff2', 'pt1', 'mayor', 'admin', 'kodomo-staff']);
  campaignId = await createCampaign(t, cookies.reform!);
});
afterAll(async () => {
  await t.close();
});

describe('campaigns', () => {
  it('are opened by the reform office only, with valid phases and themes', async () => {
    const body = {
      fiscalYear: 2026,
      title: '別の募集',
      themes: ['workstyle'],
      phases: phasesAroundToday({ isSubmissionOpen: true }),
    };
    expect((await t.call('POST', '/api/v1/campaigns', { cookie: cookies.staff1, body })).status).toBe(403);
    expect((await t.call('POST', '/api/v1/campaigns', { body })).status).toBe(401);
    const badPhase = {
      ...body,
      phases: { submission: { from: body.phases.submission.to, to: body.phases.submission.from } },
    };
    expect(
      (await t.call('POST', '/api/v1/campaigns', { cookie: cookies.reform, body: badPhase })).status,
    ).toBe(400);
    const duplicateTheme = { ...body, themes: ['workstyle', 'workstyle'] };
    expect(
      (await t.call('POST', '/api/v1/campaigns', { cookie: cookies.reform, body: duplicateTheme })).status,
    ).toBe(400);
    const unknownField = { ...body, status: 'open' };
    expect(
      (await t.call('POST', '/api/v1/campaigns', { cookie: cookies.reform, body: unknownField })).status,
    ).toBe(400);
  });

  it('show their phases in order with labels, and whether submission is open', async () => {
    const response = await t.call('GET', `/api/v1/campaigns/${campaignId}`, { cookie: cookies.staff1 });
    expect(response.status).toBe(200);
    const campaign = bodyOf<{
      phases: { phase: string; timing: string }[];
      isSubmissionOpen: boolean;
      viewer: { canSubmit: boolean };
    }>(response);
    expect(campaign.phases.map((phase) => phase.phase)).toEqual(['submission', 'pt_formation']);
    expect(campaign.phases[0]!.timing).toBe('current');
    expect(campaign.isSubmissionOpen).toBe(true);
    expect(campaign.viewer.canSubmit).toBe(true);
    const mayor = await t.call('GET', `/api/v1/campaigns/${campaignId}`, { cookie: cookies.mayor });
    expect(bodyOf<{ viewer: { canSubmit: boolean } }>(mayor).viewer.canSubmit).toBe(false);
  });

  it('change with If-Match only', async () => {
    const current = await t.call('GET', `/api/v1/campaigns/${campaignId}`, { cookie: cookies.reform });
    const etag = current.headers.get('etag')!;
    const body = { description: '職員のみなさんのアイデアを募集します。' };
    expect(
      (await t.call('PATCH', `/api/v1/campaigns/${campaignId}`, { cookie: cookies.reform, body })).status,
    ).toBe(428);
    const ok = await t.call('PATCH', `/api/v1/campaigns/${campaignId}`, {
      cookie: cookies.reform,
      body,
      headers: { 'if-match': etag },
    });
    expect(ok.status).toBe(200);
    const stale = await t.call('PATCH', `/api/v1/campaigns/${campaignId}`, {
      cookie: cookies.reform,
      body,
      headers: { 'if-match': etag },
    });
    expect(stale.status).toBe(412);
  });
});

describe('submitting ideas', () => {
  it('stores HTML and script as plain text and shows the author to peers when not anonymous', async () => {
    const idea = await submitIdea(t, cookies.staff1!, campaignId, {
      title: '<script>alert(1)</script>会議室の予約',
      problem: '<img src=x onerror=alert(1)>',
    });
    const response = await t.call('GET', `/api/v1/ideas/${idea.id}`, { cookie: cookies.staff2 });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = bodyOf<{
      title: string;
      problem: string;
      author: { displayName: string } | null;
      isMine: boolean;
    }>(response);
    expect(body.title).toBe('<script>alert(1)</script>会議室の予約');
    expect(body.problem).toBe('<img src=x onerror=alert(1)>');
    expect(body.author?.displayName).toBe('福祉 一郎');
    expect(body.isMine).toBe(false);
  });

  it('refuses empty, huge and unknown input with field errors, and writes nothing', async () => {
    const before = await countRows(t, 'platinum_ideas');
    const base = { campaignId, theme: 'office', title: 'タイトル', problem: '課題', proposal: '提案' };
    const cases = [
      { ...base, title: '   ' },
      { ...base, proposal: 'あ'.repeat(100_000) },
      { ...base, theme: 'budget' },
      { ...base, authorId: '00000000-0000-0000-0000-000000000000' },
      { ...base, campaignId: 'not-a-uuid' },
    ];
    for (const body of cases) {
      const response = await t.call('POST', '/api/v1/ideas', { cookie: cookies.staff1, body });
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(bodyOf<{ code: string; messages: { ja: string } }>(response).code).toBe('validation_failed');
    }
    const empty = await t.call('POST', '/api/v1/ideas', {
      cookie: cookies.staff1,
      body: { ...base, title: '' },
    });
    expect(bodyOf<{ errors: { path: string; messages: { ja: string } }[] }>(empty).errors[0]).toMatchObject({
      path: 'title',
    });
    expect(await countRows(t, 'platinum_ideas')).toBe(before);
  });

  it('refuses a theme the campaign does not take, an unknown campaign, and people without the staff role', async () => {
    const narrow = await t.call('POST', '/api/v1/campaigns', {
      cookie: cookies.reform,
      body: {
        fiscalYear: 2026,
        title: 'オフィスのみ',
        themes: ['office'],
        phases: phasesAroundToday({ isSubmissionOpen: true }),
      },
    });
    const narrowId = bodyOf<{ id: string }>(narrow).id;
    const body = { campaignId: narrowId, theme: 'rules', title: 'a', problem: 'b', proposal: 'c' };
    expect((await t.call('POST', '/api/v1/ideas', { cookie: cookies.staff1, body })).status).toBe(400);
    const unknown = { ...body, campaignId: '00000000-0000-4000-8000-000000000000', theme: 'office' };
    expect((await t.call('POST', '/api/v1/ideas', { cookie: cookies.staff1, body: unknown })).status).toBe(
      404,
    );
    expect(
      (await t.call('POST', '/api/v1/ideas', { cookie: cookies.mayor, body: { ...body, theme: 'office' } }))
        .status,
    ).toBe(403);
    expect(
      (await t.call('POST', '/api/v1/ideas', { cookie: cookies.admin, body: { ...body, theme: 'office' } }))
        .status,
    ).toBe(403);
  });

  it('refuses submitting and editing after the submission phase closed', async () => {
    const openIdea = await submitIdea(t, cookies.staff1!, campaignId, { title: '締切後に編集する' });
    const closedId = await createCampaign(t, cookies.reform!, { isSubmissionOpen: false });
    const before = await countRows(t, 'platinum_ideas');
    const response = await t.call('POST', '/api/v1/ideas', {
      cookie: cookies.staff1,
      body: { campaignId: closedId, theme: 'office', title: '遅れた提案', problem: '課題', proposal: '提案' },
    });
    expect(response.status).toBe(409);
    expect(bodyOf<{ code: string }>(response).code).toBe('submission_closed');
    expect(await countRows(t, 'platinum_ideas')).toBe(before);
    // Close the open campaign's submission and try to edit.
    await t.database.pool.query(
      `update platinum_campaigns set phases = jsonb_set(phases, '{submission}', $2::jsonb) where id = $1`,
      [campaignId, JSON.stringify(phasesAroundToday({ isSubmissionOpen: false }).submission)],
    );
    try {
      const edit = await t.call('PATCH', `/api/v1/ideas/${openIdea.id}`, {
        cookie: cookies.staff1,
        body: { title: '変更' },
        headers: { 'if-match': `"${openIdea.version}"` },
      });
      expect(edit.status).toBe(409);
      expect(bodyOf<{ code: string }>(edit).code).toBe('submission_closed');
    } finally {
      await t.database.pool.query(
        `update platinum_campaigns set phases = jsonb_set(phases, '{submission}', $2::jsonb) where id = $1`,
        [campaignId, JSON.stringify(phasesAroundToday({ isSubmissionOpen: true }).submission)],
      );
    }
  });

  it('lets the author edit with If-Match, and no one else', async () => {
    const idea = await submitIdea(t, cookies.staff1!, campaignId, { title: '編集前' });
    const path = `/api/v1/ideas/${idea.id}`;
    expect((await t.call('PATCH', path, { cookie: cookies.staff1, body: { title: '編集後' } })).status).toBe(
      428,
    );
    const other = await t.call('PATCH', path, {
      cookie: cookies.staff2,
      body: { title: '乗っ取り' },
      headers: { 'if-match': '"1"' },
    });
    expect(other.status).toBe(403);
    const reform = await t.call('PATCH', path, {
      cookie: cookies.reform,
      body: { title: '乗っ取り' },
      headers: { 'if-match': '"1"' },
    });
    expect(reform.status).toBe(403);
    const ok = await t.call('PATCH', path, {
      cookie: cookies.staff1,
      body: { title: '編集後' },
      headers: { 'if-match': '"1"' },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(bodyOf<{ title: string }>(ok).title).toBe('編集後');
    const stale = await t.call('PATCH', path, {
      cookie: cookies.staff1,
      body: { title: '古い' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    const anonymity = await t.call('PATCH', path, {
      cookie: cookies.staff1,
      body: { isAnonymous: true },
      headers: { 'if-match': '"2"' },
    });
    expect(anonymity.status).toBe(400);
  });

  it('withdraws an idea: peers no longer see it, the author still does', async () => {
    const idea = await submitIdea(t, cookies.staff1!, campaignId, { title: '取り下げる案' });
    expect(
      (await t.call('POST', `/api/v1/ideas/${idea.id}/withdraw`, { cookie: cookies.staff2 })).status,
    ).toBe(403);
    const response = await t.call('POST', `/api/v1/ideas/${idea.id}/withdraw`, { cookie: cookies.staff1 });
    expect(response.status).toBe(200);
    expect(bodyOf<{ progress: string }>(response).progress).toBe('withdrawn');
    expect((await t.call('GET', `/api/v1/ideas/${idea.id}`, { cookie: cookies.staff2 })).status).toBe(404);
    expect((await t.call('GET', `/api/v1/ideas/${idea.id}`, { cookie: cookies.staff1 })).status).toBe(200);
    const again = await t.call('POST', `/api/v1/ideas/${idea.id}/withdraw`, { cookie: cookies.staff1 });
    expect(again.status).toBe(409);
  });
});

describe('supports', () => {
  it('counts one per person, refuses one’s own idea, and is idempotent', async () => {
    const idea = await submitIdea(t, cookies.staff1!, campaignId, { title: '賛同テスト' });
    const path = `/api/v1/ideas/${idea.id}/supports`;
    const own = await t.call('PUT', path, { cookie: cookies.staff1 });
    expect(own.status).toBe(422);
    expect(bodyOf<{ code: string }>(own).code).toBe('own_idea_support');
    const first = await t.call('PUT', path, { cookie: cookies.staff2 });
    expect(first.status).toBe(201);
    expect(bodyOf(first)).toMatchObject({ supportCount: 1, isAlreadySupported: false });
    const second = await t.call('PUT', path, { cookie: cookies.staff2 });
    expect(second.status).toBe(200);
    expect(bodyOf(second)).toMatchObject({ supportCount: 1, isAlreadySupported: true });
    expect((await t.call('PUT', path, { cookie: cookies.mayor })).status).toBe(403);
    const detail = await t.call('GET', `/api/v1/ideas/${idea.id}`, { cookie: cookies.staff2 });
    expect(bodyOf(detail)).toMatchObject({ supportCount: 1, isSupportedByViewer: true });
    const withdrawn = await t.call('DELETE', path, { cookie: cookies.staff2 });
    expect(bodyOf(withdrawn)).toMatchObject({ supportCount: 0, isSupportedByViewer: false });
    expect(bodyOf(await t.call('DELETE', path, { cookie: cookies.staff2 }))).toMatchObject({
      supportCount: 0,
    });
  });

  it('counts exactly one of 50 parallel supports by one person, and the cached count matches the rows', async () => {
    const idea = await submitIdea(t, cookies.staff1!, campaignId, { title: '連打テスト' });
    const path = `/api/v1/ideas/${idea.id}/supports`;
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => t.call('PUT', path, { cookie: cookies.pt1 })),
    );
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    expect(responses.filter((response) => response.status === 200)).toHaveLength(49);
    expect(await countRows(t, 'platinum_supports', 'idea_id = $1', [idea.id])).toBe(1);
    const row = await t.database.pool.query('select support_count from platinum_ideas where id = $1', [
      idea.id,
    ]);
    expect(row.rows[0].support_count).toBe(1);
    expect(
      await countRows(t, 'audit_events', "action = 'platinum_idea.support' and entity_id = $1", [idea.id]),
    ).toBe(1);
  });
});

describe('comments', () => {
  it('are added by staff, shown as text, and hidden by the reform office', async () => {
    const idea = await submitIdea(t, cookies.staff1!, campaignId, { title: 'コメントテスト' });
    const path = `/api/v1/ideas/${idea.id}/comments`;
    const added = await t.call('POST', path, { cookie: cookies.staff2, body: { body: '<b>賛成</b>です' } });
    expect(added.status).toBe(201);
    expect(bodyOf(added)).toMatchObject({
      body: '<b>賛成</b>です',
      isMine: true,
      authorLabel: { ja: '環境 二葉' },
    });
    expect((await t.call('POST', path, { cookie: cookies.staff2, body: { body: '' } })).status).toBe(400);
    expect((await t.call('POST', path, { cookie: cookies.mayor, body: { body: '読むだけ' } })).status).toBe(
      403,
    );
    const list = await t.call('GET', path, { cookie: cookies.staff1 });
    expect(bodyOf<{ items: unknown[] }>(list).items).toHaveLength(1);
    const commentId = bodyOf<{ id: string }>(added).id;
    const hidePath = `${path}/${commentId}/hide`;
    expect(
      (await t.call('POST', hidePath, { cookie: cookies.staff1, body: { reason: '不適切' } })).status,
    ).toBe(403);
    expect(
      (await t.call('POST', hidePath, { cookie: cookies.reform, body: { reason: '不適切' } })).status,
    ).toBe(204);
    expect(
      bodyOf<{ items: unknown[] }>(await t.call('GET', path, { cookie: cookies.staff1 })).items,
    ).toHaveLength(0);
    const detail = await t.call('GET', `/api/v1/ideas/${idea.id}`, { cookie: cookies.staff1 });
    expect(bodyOf(detail)).toMatchObject({ commentCount: 0 });
  });
});

describe('finding ideas', () => {
  it('filters by theme, progress and search words (width- and kana-insensitive)', async () => {
    const office = await submitIdea(t, cookies.staff2!, campaignId, {
      theme: 'office',
      title: 'フリーアドレスのオフィスにしたい',
      proposal: 'ＡＢＷを導入する',
    });
    const byTheme = await t.call('GET', `/api/v1/ideas?campaign=${campaignId}&theme=office`, {
      cookie: cookies.staff1,
    });
    const themeIds = bodyOf<{ items: { id: string; theme: string }[] }>(byTheme).items;
    expect(themeIds.map((item) => item.id)).toContain(office.id);
    expect(themeIds.every((item) => item.theme === 'office')).toBe(true);
    for (const q of ['ふりーあどれす', 'ﾌﾘｰｱﾄﾞﾚｽ', 'abw', 'フリー　オフィス']) {
      const response = await t.call(
        'GET',
        `/api/v1/ideas?campaign=${campaignId}&q=${encodeURIComponent(q)}`,
        {
          cookie: cookies.staff1,
        },
      );
      expect(response.status).toBe(200);
      expect(
        bodyOf<{ items: { id: string }[] }>(response).items.map((item) => item.id),
        q,
      ).toEqual([office.id]);
    }
    const percent = await t.call('GET', `/api/v1/ideas?campaign=${campaignId}&q=${encodeURIComponent('%')}`, {
      cookie: cookies.staff1,
    });
    expect(bodyOf<{ total: number }>(percent).total).toBe(0);
    const submitted = await t.call('GET', `/api/v1/ideas?campaign=${campaignId}&status=submitted`, {
      cookie: cookies.staff1,
    });
    expect(
      bodyOf<{ items: { progress: string }[] }>(submitted).items.every(
        (item) => item.progress === 'submitted',
      ),
    ).toBe(true);
    expect((await t.call('GET', `/api/v1/ideas?status=lost`, { cookie: cookies.staff1 })).status).toBe(400);
    expect((await t.call('GET', `/api/v1/ideas?sort=author`, { cookie: cookies.staff1 })).status).toBe(400);
    expect((await t.call('GET', `/api/v1/ideas`)).status).toBe(401);
  });

  it('suggests similar ideas while typing, across katakana, hiragana and widths', async () => {
    const target = await submitIdea(t, cookies.staff2!, campaignId, {
      theme: 'workstyle',
      title: 'フレックスタイム制度を導入してほしい',
    });
    for (const text of ['フレックスタイム制度の試行', 'ふれっくすたいむ制度', 'ﾌﾚｯｸｽﾀｲﾑ制度を導入']) {
      const response = await t.call(
        'GET',
        `/api/v1/ideas/similar?campaign=${campaignId}&text=${encodeURIComponent(text)}`,
        { cookie: cookies.staff1 },
      );
      expect(response.status, response.text).toBe(200);
      const items = bodyOf<{ items: { id: string; similarity: number; isMine: boolean }[] }>(response).items;
      expect(items[0]?.id, text).toBe(target.id);
      expect(items[0]!.similarity).toBeGreaterThan(0.2);
      expect(JSON.stringify(items)).not.toContain('author');
    }
    const unrelated = await t.call(
      'GET',
      `/api/v1/ideas/similar?campaign=${campaignId}&text=${encodeURIComponent('駐輪場の屋根')}`,
      {
        cookie: cookies.staff1,
      },
    );
    expect(bodyOf<{ items: { id: string }[] }>(unrelated).items.map((item) => item.id)).not.toContain(
      target.id,
    );
    const short = await t.call(
      'GET',
      `/api/v1/ideas/similar?campaign=${campaignId}&text=${encodeURIComponent('フ')}`,
      {
        cookie: cookies.staff1,
      },
    );
    expect(bodyOf<{ items: unknown[] }>(short).items).toEqual([]);
    expect((await t.call('GET', `/api/v1/ideas/similar?text=x`, { cookie: cookies.staff1 })).status).toBe(
      400,
    );
  });
});

describe('moderation', () => {
  it('hides an idea from peers with a reason the author sees, and restores it', async () => {
    const idea = await submitIdea(t, cookies.staff1!, campaignId, { title: '不適切な投稿' });
    const path = `/api/v1/ideas/${idea.id}/moderation`;
    expect(
      (await t.call('POST', path, { cookie: cookies.pt1, body: { action: 'hide', reason: '個人攻撃' } }))
        .status,
    ).toBe(403);
    const hidden = await t.call('POST', path, {
      cookie: cookies.reform,
      body: { action: 'hide', reason: '個人攻撃' },
    });
    expect(hidden.status).toBe(200);
    expect((await t.call('GET', `/api/v1/ideas/${idea.id}`, { cookie: cookies.staff2 })).status).toBe(404);
    const own = await t.call('GET', `/api/v1/ideas/${idea.id}`, { cookie: cookies.staff1 });
    expect(bodyOf(own)).toMatchObject({ progress: 'hidden', statusReason: '個人攻撃' });
    expect(
      (await t.call('PUT', `/api/v1/ideas/${idea.id}/supports`, { cookie: cookies.staff2 })).status,
    ).toBe(404);
    const restored = await t.call('POST', path, { cookie: cookies.reform, body: { action: 'restore' } });
    expect(bodyOf(restored)).toMatchObject({ progress: 'submitted', statusReason: null });
  });
});
