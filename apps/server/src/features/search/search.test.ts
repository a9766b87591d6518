import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { searchIndexIdle } from './refresh-search-index.ts';

/**
 * A fixed Japanese corpus (fiscal year 2031) is the only thing in the index: the demo records'
 * documents are dropped first and only the corpus (and the demo people) is queued again.
 */
const CORPUS = `
with
  kodomo as (select id from org_units where code = 'kodomo'),
  staff1 as (select id from users where login = 'staff1'),
  staff2 as (select id from users where login = 'staff2'),
  pt1 as (select id from users where login = 'pt1'),
  cluster as (insert into clusters default values returning id),
  revision as (
    insert into cluster_revisions (cluster_id, valid_from_fiscal_year, number, name, group_code, kind_code)
    select id, 2031, 901, '保育所・幼稚園', 'policy_program', 'national_system' from cluster returning cluster_id),
  owner as (insert into cluster_owners (cluster_id, org_unit_id) select cluster.id, kodomo.id from cluster, kodomo returning cluster_id),
  m1 as (
    insert into meetings (fiscal_year, sequence, title, planned_precision, planned_start, planned_end, is_public, is_agenda_published)
    values (2031, 1, '第1回X会議', 'day', '2031-07-22', '2031-07-22', true, true) returning id),
  m2 as (
    insert into meetings (fiscal_year, sequence, title, planned_precision, planned_start, planned_end, is_public)
    values (2031, 2, '非公開の人事検討会議', 'day', '2031-08-21', '2031-08-21', false) returning id),
  item as (
    insert into agenda_items (meeting_id, position, kind, title, note, presenter_org_unit_id)
    select m1.id, 1, 'analysis_report', '保育園の待機児童対策', '内部メモ：人員配置', kodomo.id from m1, kodomo returning id, meeting_id),
  decision as (
    insert into meeting_decisions (meeting_id, agenda_item_id, body)
    select meeting_id, id, 'ｶﾀｶﾅ表記のﾃﾞｰﾀ連携を進める' from item returning id),
  minutes as (
    insert into meeting_minutes (meeting_id, body, status) select id, 'ＤＸ推進について議論した', 'draft' from m1 returning meeting_id),
  campaign as (
    insert into platinum_campaigns (fiscal_year, title, themes, phases)
    values (2031, '令和13年度 募集', '{workstyle}', '{}'::jsonb) returning id),
  i1 as (
    insert into platinum_ideas (campaign_id, number, theme, title, problem, proposal, author_id, author_org_unit_id, is_anonymous, status, search_key, similarity_key)
    select campaign.id, 1, 'workstyle', 'テレワーク申請の電子化', '紙の申請書が多い', '電子申請にする', staff1.id,
      (select org_unit_id from users where login = 'staff1'), false, 'submitted', '', '' from campaign, staff1 returning id),
  i2 as (
    insert into platinum_ideas (campaign_id, number, theme, title, problem, proposal, author_id, author_org_unit_id, is_anonymous, status, search_key, similarity_key)
    select campaign.id, 2, 'workstyle', 'アイデア：保育園の送迎を楽に', 'お迎えが大変', '送迎バスを出す', staff2.id,
      (select org_unit_id from users where login = 'staff2'), true, 'submitted', '', '' from campaign, staff2 returning id),
  i3 as (
    insert into platinum_ideas (campaign_id, number, theme, title, problem, proposal, author_id, is_anonymous, status, search_key, similarity_key)
    select campaign.id, 3, 'workstyle', '不適切な投稿の例', '不適切', '不適切', staff1.id, false, 'hidden', '', '' from campaign, staff1 returning id),
  comments as (
    insert into platinum_comments (idea_id, author_id, body, is_hidden)
    select i1.id, pt1.id, 'ペーパーレスに賛成です', false from i1, pt1
    union all select i1.id, pt1.id, '削除されたコメント', true from i1, pt1 returning id),
  policy as (
    insert into bureau_policies (org_unit_id, fiscal_year, latest_version_number, published_version_number)
    select id, 2031, 2, 1 from kodomo returning id),
  versions as (
    insert into bureau_policy_versions (policy_id, version_number, status, title, vision)
    select id, 1, 'published'::bureau_policy_status, '子ども家庭局X方針（令和13年度）', '子どもの未来を育む' from policy
    union all select id, 2, 'draft'::bureau_policy_status, 'こども食堂の拡充を盛り込む案', '地域で子どもを支える' from policy returning id),
  initiative as (
    insert into initiatives (fiscal_year, title, summary, source_kind, owner_org_unit_id)
    select 2031, '保育士の確保', '処遇改善と採用強化', 'voluntary_reform', id from kodomo returning id),
  analysis as (
    insert into analyses (cluster_id, fiscal_year, stage, lead_org_unit_id, is_published)
    select cluster.id, 2031, 'progress_reported', kodomo.id, true from cluster, kodomo returning id),
  report as (
    insert into analysis_reports (analysis_id, content)
    select id, '{"memo": "内部検討メモ：統廃合案"}'::jsonb from analysis returning analysis_id),
  need as (
    insert into needs (side, channel, body, received_on, fiscal_year, org_unit_id, reporter_name, reporter_contact, is_public, public_text)
    select 'recipient', 'counter', '保育園の空きがなく困っています（連絡先 090-1234-5678）', '2031-05-01', 2031, id, '市民 花子', '090-1234-5678', true,
      '保育園の空きがなく困っています' from kodomo returning id),
  reported as (
    insert into analysis_versions (analysis_id, number, report, status, content)
    select id, 1, 'progress_reported', 'reported', '{"conclusion": "待機児童は減少傾向"}'::jsonb from analysis returning id)
select 1`;

type Segment = { text: string; isMatch: boolean };
type Hit = {
  kind: string;
  id: string;
  title: Segment[];
  snippet: Segment[];
  link: string;
  status: string | null;
};
type Results = { total: number; items: Hit[]; facets: { kind: string; count: number }[]; terms: string[] };

let t: TestApp;
const cookies: Record<string, string | null> = { anonymous: null };
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const login of [
    'staff1',
    'staff2',
    'pt1',
    'reform',
    'mayor',
    'admin',
    'kodomo-staff',
    'kodomo-head',
  ]) {
    cookies[login] = await t.signIn(login);
  }
  await t.database.pool.query('truncate search_documents, search_queue');
  await t.database.pool.query(CORPUS);
  // Only the corpus and the demo people are queued; the demo's other records stay out of the index.
  await t.database.pool.query(
    "delete from search_queue where not (record_id in (select id::text from platinum_ideas where campaign_id in (select id from platinum_campaigns where fiscal_year = 2031)) or kind = 'user' or record_id in (select id::text from meetings where fiscal_year = 2031) or record_id in (select id::text from analyses where fiscal_year = 2031) or record_id in (select id::text from initiatives where fiscal_year = 2031) or record_id in (select id::text from bureau_policies where fiscal_year = 2031) or record_id in (select id::text from needs where fiscal_year = 2031) or record_id in (select cluster_id::text from cluster_revisions where valid_from_fiscal_year = 2031) or kind = 'bureau_policy_version')",
  );
  await t.database.pool.query(
    "insert into search_queue (kind, record_id) select 'user', id::text from users on conflict do nothing",
  );
  const rows = await t.database.pool.query(
    "select 'i2' as key, id::text from platinum_ideas where title like 'アイデア：保育園%' union all select 'kodomo', id::text from org_units where code = 'kodomo'",
  );
  for (const row of rows.rows) ids[row.key] = row.id;
});
afterAll(async () => {
  await searchIndexIdle(t.database.db);
  await t.close();
});

const textOf = (segments: Segment[]) => segments.map((segment) => segment.text).join('');

async function search(who: string, q: string, extra = ''): Promise<Results> {
  const response = await t.call('GET', `/api/v1/search?q=${encodeURIComponent(q)}${extra}`, {
    cookie: cookies[who] ?? null,
  });
  expect(response.status, response.text).toBe(200);
  return response.body as Results;
}

/** The hits as "kind:title", sorted, for exact comparison. */
async function hits(who: string, q: string, extra = ''): Promise<string[]> {
  const result = await search(who, q, extra);
  expect(result.total).toBe(result.items.length);
  // Facets count every kind (the kind filter aside): without it they add up to the total.
  if (!extra.includes('kind='))
    expect(result.facets.reduce((sum, facet) => sum + facet.count, 0)).toBe(result.total);
  return result.items.map((item) => `${item.kind}:${textOf(item.title)}`).sort();
}

const CLUSTER = 'cluster:901. 保育所・幼稚園';
const MEETING = 'meeting:第1回X会議';
const CLOSED_MEETING = 'meeting:非公開の人事検討会議';
const ANALYSIS = 'analysis:経営分析 901. 保育所・幼稚園';
const INITIATIVE = 'initiative:保育士の確保';
const ANONYMOUS_IDEA = 'idea:No.2 アイデア：保育園の送迎を楽に';
const NAMED_IDEA = 'idea:No.1 テレワーク申請の電子化';
const HIDDEN_IDEA = 'idea:No.3 不適切な投稿の例';
const PUBLISHED_POLICY = 'bureau_policy:子ども家庭局X方針（令和13年度）';
const DRAFT_POLICY = 'bureau_policy:こども食堂の拡充を盛り込む案';
const NEED = 'need:受け手のニーズ・課題：保育園の空きがなく困っています（連絡先 090-1234-5678）';
const PUBLIC_NEED = 'need:受け手のニーズ・課題：保育園の空きがなく困っています';

describe('Japanese that works', () => {
  it('finds 保育所 and 保育園 with the two characters 保育, and nothing for 保険', async () => {
    expect(await hits('anonymous', '保育')).toEqual([ANALYSIS, CLUSTER, MEETING, PUBLIC_NEED].sort());
    expect(await hits('staff1', '保育')).toEqual(
      [ANALYSIS, ANONYMOUS_IDEA, CLUSTER, INITIATIVE, MEETING, PUBLIC_NEED].sort(),
    );
    expect(await hits('kodomo-staff', '保育')).toEqual(
      [ANALYSIS, ANONYMOUS_IDEA, CLUSTER, INITIATIVE, MEETING, NEED].sort(),
    );
    expect(await hits('staff1', '保育園')).toEqual([ANONYMOUS_IDEA, MEETING, PUBLIC_NEED].sort());
    expect(await hits('staff1', '保育所')).toEqual([ANALYSIS, CLUSTER].sort());
    expect(await hits('staff1', '保険')).toEqual([]);
    expect(await hits('staff1', '存在しない言葉')).toEqual([]);
  });

  it('folds half-width and full-width, katakana and hiragana, upper and lower case', async () => {
    for (const query of ['ｶﾀｶﾅ', 'カタカナ', 'かたかな', 'ﾃﾞｰﾀ', 'データ', 'でーた']) {
      expect(await hits('staff1', query), query).toEqual([MEETING]);
    }
    for (const query of ['dx', 'DX', 'ＤＸ', 'ｄｘ'])
      expect(await hits('reform', query), query).toEqual([MEETING]);
  });

  it('needs every word of a query and finds one character by scanning', async () => {
    expect(await hits('staff1', '保育 確保')).toEqual([INITIATIVE]);
    expect(await hits('staff1', '保育 廃止')).toEqual([]);
    expect(await hits('anonymous', '育')).toEqual(
      [ANALYSIS, CLUSTER, MEETING, PUBLIC_NEED, PUBLISHED_POLICY].sort(),
    );
  });

  it('highlights what matched in the original text of title and snippet', async () => {
    const meeting = (await search('staff1', 'ｶﾀｶﾅ')).items[0]!;
    expect(meeting.snippet.filter((segment) => segment.isMatch).map((segment) => segment.text)).toEqual([
      'ｶﾀｶﾅ',
    ]);
    const cluster = (await search('anonymous', '保育', '&kind=cluster')).items[0]!;
    expect(cluster.title).toEqual([
      { text: '901. ', isMatch: false },
      { text: '保育', isMatch: true },
      { text: '所・幼稚園', isMatch: false },
    ]);
    expect(cluster.link).toBe('/clusters');
  });

  it('ranks a match in the title above one in the text', async () => {
    const result = await search('staff1', '保育園');
    expect(
      result.items
        .map((item) => item.kind)
        .slice(0, 2)
        .sort(),
    ).toEqual(['idea', 'need']);
    expect(result.items[2]?.kind).toBe('meeting');
  });
});

describe('permissions by construction', () => {
  it('never shows another bureau’s draft, in results, counts or facets', async () => {
    for (const who of ['anonymous', 'staff1', 'staff2', 'pt1', 'admin']) {
      const result = await search(who, 'こども食堂');
      expect(result, who).toMatchObject({ total: 0, items: [], facets: [] });
    }
    for (const who of ['kodomo-staff', 'kodomo-head', 'reform', 'mayor']) {
      expect(await hits(who, 'こども食堂'), who).toEqual([DRAFT_POLICY]);
    }
    // The published version is public; the bureau itself sees its newer draft in its place.
    expect(await hits('anonymous', '子どもの未来')).toEqual([PUBLISHED_POLICY]);
    expect(await hits('staff2', '子どもの未来')).toEqual([PUBLISHED_POLICY]);
    expect(await hits('kodomo-staff', '子どもの未来')).toEqual([DRAFT_POLICY]);
  });

  it('never reveals an anonymous author, not even to system administrators', async () => {
    expect(await hits('reform', '環境 二葉')).toEqual([ANONYMOUS_IDEA]);
    expect(await hits('staff2', '環境 二葉')).toEqual([ANONYMOUS_IDEA]);
    for (const who of ['staff1', 'pt1', 'mayor', 'kodomo-head'])
      expect(await hits(who, '環境 二葉'), who).toEqual([]);
    expect(await hits('admin', '環境 二葉')).toEqual(['user:環境 二葉']);
    expect(await hits('staff1', '環境局')).toEqual([]);
    const peerView = (await search('staff1', '送迎')).items[0]!;
    expect(JSON.stringify(peerView)).not.toContain('環境');
    // A named author is found by name.
    expect(await hits('staff2', '福祉 一郎')).toEqual([NAMED_IDEA]);
  });

  it('shows hidden ideas and hidden comments only to those who may see them', async () => {
    expect(await hits('staff2', '不適切')).toEqual([]);
    expect(await hits('admin', '不適切')).toEqual([]);
    expect(await hits('staff1', '不適切')).toEqual([HIDDEN_IDEA]);
    expect(await hits('reform', '不適切')).toEqual([HIDDEN_IDEA]);
    expect(await hits('staff2', '賛成')).toEqual([NAMED_IDEA]);
    expect(await hits('reform', '削除された')).toEqual([]);
  });

  it('keeps unpublished meeting parts and working papers to their readers', async () => {
    expect(await hits('anonymous', 'ｶﾀｶﾅ')).toEqual([]);
    expect(await hits('anonymous', '人員配置')).toEqual([]);
    expect(await hits('staff1', '人員配置')).toEqual([MEETING]);
    expect(await hits('staff1', 'dx')).toEqual([]);
    expect(await hits('mayor', 'dx')).toEqual([MEETING]);
    expect(await hits('anonymous', '人事検討')).toEqual([]);
    expect(await hits('staff1', '人事検討')).toEqual([CLOSED_MEETING]);
    expect(await hits('anonymous', '待機児童は減少')).toEqual([ANALYSIS]);
    expect(await hits('staff1', '統廃合')).toEqual([]);
    for (const who of ['reform', 'mayor', 'kodomo-staff', 'kodomo-head'])
      expect(await hits(who, '統廃合'), who).toEqual([ANALYSIS]);
  });

  it('never indexes a citizen’s name or contact, and shows the public only the published text', async () => {
    for (const who of ['reform', 'kodomo-staff', 'admin'])
      expect(await hits(who, '市民 花子'), who).toEqual([]);
    expect(await hits('kodomo-staff', '090')).toEqual([NEED]);
    expect(await hits('mayor', '090')).toEqual([NEED]);
    expect(await hits('anonymous', '090')).toEqual([]);
    expect(await hits('staff2', '090')).toEqual([]);
  });

  it('lets only system administrators find people', async () => {
    expect(await hits('admin', '福祉 一郎')).toEqual(['user:福祉 一郎', NAMED_IDEA].sort());
    expect(await hits('admin', 'staff1@demo')).toEqual(['user:福祉 一郎']);
    // The reform office also sees the author's hidden idea.
    expect(await hits('reform', '福祉 一郎')).toEqual([HIDDEN_IDEA, NAMED_IDEA].sort());
    expect(await hits('pt1', '福祉 一郎')).toEqual([NAMED_IDEA]);
    expect(await hits('reform', 'staff1@demo')).toEqual([]);
    expect(await hits('anonymous', '福祉 一郎')).toEqual([]);
  });

  it('searches only what is published on the portal, even when signed in', async () => {
    expect(await hits('staff1', '保育', '&scope=public')).toEqual(
      [ANALYSIS, CLUSTER, MEETING, PUBLIC_NEED].sort(),
    );
    expect(await hits('reform', '人事検討', '&scope=public')).toEqual([]);
  });
});

describe('filters', () => {
  it('narrows by kind (facets still count every kind), fiscal year, bureau and status', async () => {
    const meetings = await search('staff1', '保育', '&kind=meeting');
    expect(meetings.items.map((item) => item.kind)).toEqual(['meeting']);
    expect(meetings.total).toBe(1);
    expect(Object.fromEntries(meetings.facets.map((facet) => [facet.kind, facet.count]))).toEqual({
      cluster: 1,
      meeting: 1,
      analysis: 1,
      initiative: 1,
      idea: 1,
      need: 1,
    });
    expect(await hits('staff1', '保育', '&fy=2031')).toHaveLength(6);
    expect(await hits('staff1', '保育', '&fy=2030')).toEqual([]);
    // The anonymous idea carries no bureau: the filter cannot point at its author.
    expect(await hits('staff1', '保育', `&orgUnit=${ids.kodomo}`)).toEqual(
      [ANALYSIS, CLUSTER, INITIATIVE, MEETING, PUBLIC_NEED].sort(),
    );
    expect(await hits('staff1', '保育', '&kind=idea&status=submitted')).toEqual([ANONYMOUS_IDEA]);
    expect(await hits('staff1', '保育', '&kind=idea&status=hidden')).toEqual([]);
  });

  it('pages through results', async () => {
    const first = await search('staff1', '保育', '&pageSize=2');
    const second = await search('staff1', '保育', '&pageSize=2&page=3');
    expect(first).toMatchObject({ total: 6 });
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(2);
    const beyond = await search('staff1', '保育', '&pageSize=2&page=9');
    expect(beyond).toMatchObject({ total: 6, items: [] });
  });

  it('refuses bad input with 400 and nothing else', async () => {
    for (const query of [
      '',
      '&q=',
      'q=%20%20',
      'q=a&kind=payroll',
      'q=a&status=DROP%20TABLE',
      'q=a&pageSize=1000',
      'q=a&fy=abc',
    ]) {
      const response = await t.call('GET', `/api/v1/search?${query}`, { cookie: cookies.staff1 });
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    }
    const wild = await search('staff1', '%_\\');
    expect(wild.total).toBe(0);
  });
});

describe('an index that follows every write', () => {
  it('finds a change at the next search, and forgets what was deleted or hidden', async () => {
    await t.database.pool.query(
      "update platinum_ideas set title = 'テレワーク申請のオンライン化' where title = 'テレワーク申請の電子化'",
    );
    expect(await hits('staff2', 'オンライン化')).toEqual(['idea:No.1 テレワーク申請のオンライン化']);
    expect(await hits('staff2', '電子化')).toEqual([]);
    await t.database.pool.query('update platinum_ideas set status = $1 where id = $2', ['hidden', ids.i2]);
    expect(await hits('staff1', '送迎')).toEqual([]);
    await t.database.pool.query("update meetings set is_public = false where title = '第1回X会議'");
    expect(await hits('anonymous', '保育')).toEqual([ANALYSIS, CLUSTER, PUBLIC_NEED].sort());
  });
});
