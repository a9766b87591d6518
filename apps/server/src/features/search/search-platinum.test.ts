import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { refreshSearchIndex, searchIndexIdle } from './refresh-search-index.ts';

/**
 * Platinum issues and responses (fiscal year 2032): one issue announced with its published
 * response, one decided with a response waiting for approval, both assigned to 子ども家庭局; an
 * anonymous idea grouped into the first.
 */
const CORPUS = `
with
  kodomo as (select id from org_units where code = 'kodomo'),
  staff2 as (select id, org_unit_id from users where login = 'staff2'),
  campaign as (
    insert into platinum_campaigns (fiscal_year, title, themes, phases)
    values (2032, '令和14年度 募集', '{workstyle,rules}', '{}'::jsonb) returning id),
  announced as (
    insert into platinum_issues (campaign_id, number, theme, title, summary, status)
    select id, 1, 'rules', '通勤時間の混雑を避けたい', '始業時刻を選べるようにする', 'announced' from campaign returning id),
  decided as (
    insert into platinum_issues (campaign_id, number, theme, title, summary, status)
    select id, 2, 'workstyle', '在宅で働ける日を増やしたい', '週2日まで', 'decided' from campaign returning id),
  assignments as (
    insert into platinum_assignments (issue_id, org_unit_id, decision, decision_reason)
    select announced.id, kodomo.id, 'adopted'::platinum_decision, '試行の結果が良好' from announced, kodomo
    union all select decided.id, kodomo.id, 'partly_adopted', '内部検討中の理由：予算の制約' from decided, kodomo
    returning issue_id),
  responses as (
    insert into platinum_responses (issue_id, body, status, announced_by_org_unit_id, published_at)
    select announced.id, '令和15年度から時差出勤を全庁で導入します。', 'published'::platinum_response_status, kodomo.id, now() from announced, kodomo
    union all select decided.id, '在宅勤務手当の新設を検討します。', 'pending_approval', kodomo.id, null from decided, kodomo
    returning issue_id),
  idea as (
    insert into platinum_ideas (campaign_id, number, theme, title, problem, proposal, author_id, author_org_unit_id, is_anonymous, status, issue_id, search_key, similarity_key)
    select campaign.id, 1, 'rules', '朝の満員電車がつらい', '混雑', '始業を遅らせる', staff2.id, staff2.org_unit_id, true, 'grouped', announced.id, '', ''
    from campaign, staff2, announced returning id)
select 1`;

type Hit = { kind: string; id: string; link: string; status: string | null };
type Results = { total: number; items: Hit[] };

let t: TestApp;
const cookies: Record<string, string | null> = { public: null };

beforeAll(async () => {
  t = await createTestApp();
  for (const login of ['staff1', 'staff2', 'pt1', 'reform', 'kodomo-head', 'kankyo-head', 'admin']) {
    cookies[login] = await t.signIn(login);
  }
  await t.database.pool.query(CORPUS);
  await refreshSearchIndex(t.database.db, { limit: 1_000_000 });
});
afterAll(async () => {
  await searchIndexIdle(t.database.db);
  await t.close();
});

async function search(who: string, q: string, extra = ''): Promise<Hit[]> {
  const response = await t.call('GET', `/api/v1/search?q=${encodeURIComponent(q)}${extra}`, {
    cookie: cookies[who] ?? null,
  });
  expect(response.status, response.text).toBe(200);
  return (response.body as Results).items;
}

const kindsOf = (items: Hit[]) => items.map((item) => item.kind).sort();

describe('Platinum issues and responses', () => {
  it('a staff member and the public find a published response', async () => {
    const staff = await search('staff1', '時差出勤', '&fy=2032');
    expect(kindsOf(staff)).toEqual(['response']);
    expect(staff[0]!.link).toMatch(/^\/platinum\/issues\//u);
    const everyone = await search('public', '時差出勤', '&fy=2032');
    expect(kindsOf(everyone)).toEqual(['response']);
    expect(everyone[0]!.link).toBe('/public/platinum');
    // Every employee finds the issue itself; the public does not.
    expect(kindsOf(await search('staff1', '通勤時間', '&fy=2032'))).toEqual(['issue', 'response']);
    expect(kindsOf(await search('public', '通勤時間', '&fy=2032'))).toEqual(['response']);
  });

  it('an unpublished response is found only by those who may see it', async () => {
    for (const who of ['public', 'staff1', 'kankyo-head', 'admin']) {
      expect(await search(who, '在宅勤務手当', '&fy=2032'), who).toEqual([]);
      // Nor its unannounced decision through the issue.
      expect(await search(who, '予算の制約', '&fy=2032'), who).toEqual([]);
    }
    for (const who of ['reform', 'kodomo-head']) {
      expect(kindsOf(await search(who, '在宅勤務手当', '&fy=2032')), who).toEqual(['response']);
      expect(kindsOf(await search(who, '予算の制約', '&fy=2032')), who).toEqual(['issue']);
    }
    // A PT member of the campaign may: joining the team re-indexes the campaign's issues.
    expect(await search('pt1', '在宅勤務手当', '&fy=2032')).toEqual([]);
    await t.database.pool.query(
      "insert into platinum_team_members (campaign_id, user_id) select c.id, u.id from platinum_campaigns c, users u where c.fiscal_year = 2032 and u.login = 'pt1'",
    );
    expect(kindsOf(await search('pt1', '在宅勤務手当', '&fy=2032'))).toEqual(['response']);
    // Published, it is everyone's.
    await t.database.pool.query(
      "update platinum_responses set status = 'published', published_at = now() where body like '在宅勤務手当%'",
    );
    await t.database.pool.query(
      "update platinum_issues set status = 'announced' where title like '在宅で働ける%'",
    );
    expect(kindsOf(await search('public', '在宅勤務手当', '&fy=2032'))).toEqual(['response']);
    expect(kindsOf(await search('staff1', '予算の制約', '&fy=2032'))).toEqual(['issue']);
  });

  it('never reveals the author of an idea grouped into an issue', async () => {
    const { rows } = await t.database.pool.query("select display_name from users where login = 'staff2'");
    const name = rows[0].display_name as string;
    for (const who of ['staff1', 'pt1', 'kodomo-head', 'public']) {
      const found = await search(who, name, '&fy=2032');
      expect(
        found.filter((item) => item.kind !== 'user'),
        who,
      ).toEqual([]);
    }
  });
});

describe('renamed org units', () => {
  it('re-indexes the records that show the unit’s name, so the new name finds them and the old one not', async () => {
    const before = await search('admin', '子ども家庭局', '&kind=user');
    expect(before.length).toBeGreaterThan(0);
    const { rows } = await t.database.pool.query("select id, version from org_units where code = 'kodomo'");
    const renamed = await t.call('PATCH', `/api/v1/org-units/${rows[0].id}`, {
      cookie: cookies.admin ?? null,
      headers: { 'if-match': `"${rows[0].version}"` },
      body: { name: '子ども未来局' },
    });
    expect(renamed.status, renamed.text).toBe(200);
    await refreshSearchIndex(t.database.db, { limit: 1_000_000 });
    const people = await search('admin', '子ども未来局', '&kind=user');
    expect(people.map((item) => item.id).sort()).toEqual(before.map((item) => item.id).sort());
    expect(await search('admin', '子ども家庭局', '&kind=user')).toEqual([]);
    // Policies, initiatives, issues and responses that name the unit follow too.
    const found = new Set(kindsOf(await search('reform', '子ども未来局')));
    for (const kind of ['bureau_policy', 'initiative', 'issue', 'response', 'analysis', 'cluster']) {
      expect(found.has(kind), kind).toBe(true);
    }
  });
});
