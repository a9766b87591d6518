import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../env.ts';
import { CacheStampMemo } from '../../lib/cache-invalidation.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../../test/test-app.ts';

type Programme = {
  figures: Record<string, number>;
  meetings: { id: string; title: string; plannedLabel: { ja: string }; videoUrl: string | null }[];
};
type Index = {
  license: { id: string };
  datasets: {
    id: string;
    rowCount: number;
    distributions: { format: string; encoding: string; url: string }[];
  }[];
};
type Dataset = { dataset: string; rows: Record<string, unknown>[] };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/**
 * A write (or read) with plain SQL on another connection. On PostgreSQL the portal must see such a
 * write at once by itself; the embedded database has no other writer than its app, so there a test
 * write stands for a write through the app, which forgets the remembered cache stamps.
 */
async function sql(query: string, params: unknown[] = []) {
  const rows = (await t.database.pool.query(query, params)).rows;
  if (t.database.kind === 'embedded') t.cacheStamps.clear();
  return rows;
}

async function fetchBytes(path: string) {
  const response = await t.app.request(`${TEST_ORIGIN}${path}`, { headers: { origin: TEST_ORIGIN } });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('the public programme page', () => {
  it('shows the programme without a sign-in, with the meetings at their announced precision', async () => {
    const response = await t.call('GET', '/api/v1/public/programme?fy=2024');
    expect(response.status).toBe(200);
    const body = response.body as Programme;
    expect(body.figures.clusters).toBe(57);
    expect(body.meetings.map((meeting) => meeting.plannedLabel.ja)).toEqual([
      '6月4日',
      '7月22日',
      '8月21日',
      '10月上旬',
      '11月上旬',
      '12月下旬',
    ]);
  });

  it('shows a newly published meeting and never a closed one, nor an unpublished video', async () => {
    const closed = (await sql('select id from meetings where fiscal_year = 2024 and sequence = 4'))[0].id;
    await sql('update meetings set is_public = false where id = $1', [closed]);
    await sql(
      "update meetings set video_url = 'https://video.example.jp/x3', is_video_published = false where sequence = 3",
    );
    let body = (await t.call('GET', '/api/v1/public/programme?fy=2024')).body as Programme;
    expect(body.meetings.map((meeting) => meeting.id)).not.toContain(closed);
    expect(body.meetings.find((meeting) => meeting.title === '第3回X会議')?.videoUrl).toBeNull();
    const openData = (await t.call('GET', '/api/v1/public/open-data/meetings.json?fy=2024')).body as Dataset;
    expect(openData.rows.map((row) => row.title)).not.toContain('第4回X会議');
    expect(JSON.stringify(openData)).not.toContain('video.example.jp/x3');

    await sql('update meetings set is_public = true where id = $1', [closed]);
    await sql('update meetings set is_video_published = true where sequence = 3');
    body = (await t.call('GET', '/api/v1/public/programme?fy=2024')).body as Programme;
    expect(body.meetings.map((meeting) => meeting.id)).toContain(closed);
    expect(body.meetings.find((meeting) => meeting.title === '第3回X会議')?.videoUrl).toBe(
      'https://video.example.jp/x3',
    );
  });
});

describe('open data', () => {
  it('lists every dataset with CSV (UTF-8 and Shift_JIS) and JSON files that answer', async () => {
    const response = await t.call('GET', '/api/v1/public/open-data?fy=2024');
    expect(response.status).toBe(200);
    const index = response.body as Index;
    expect(index.license.id).toBe('CC-BY-4.0');
    expect(index.datasets.map((dataset) => dataset.id)).toEqual(
      expect.arrayContaining(['clusters', 'meetings', 'analyses', 'bureau-policies', 'needs']),
    );
    for (const dataset of index.datasets) {
      expect(dataset.distributions.map((file) => `${file.format}/${file.encoding}`)).toEqual([
        'CSV/UTF-8',
        'CSV/Shift_JIS',
        'JSON/UTF-8',
      ]);
      for (const file of dataset.distributions) {
        const { response: answer, bytes } = await fetchBytes(file.url);
        expect(answer.status, file.url).toBe(200);
        if (file.format === 'JSON') {
          expect((JSON.parse(bytes.toString('utf8')) as Dataset).rows).toHaveLength(dataset.rowCount);
        } else if (file.encoding === 'UTF-8') {
          expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
          expect(bytes.subarray(3).toString('utf8').trimEnd().split('\r\n')).toHaveLength(
            dataset.rowCount + 1,
          );
        }
      }
    }
    const clusters = index.datasets.find((dataset) => dataset.id === 'clusters');
    expect(clusters?.rowCount).toBe(57);
  });

  it('publishes only published analyses, policies and needs', async () => {
    const analyses = (await t.call('GET', '/api/v1/public/open-data/analyses.json?fy=2024')).body as Dataset;
    const published = await sql(
      `select r.name from analyses a join cluster_revisions r on r.cluster_id = a.cluster_id
        where a.fiscal_year = 2024 and a.is_published order by r.number`,
    );
    expect(analyses.rows.map((row) => row.name)).toEqual(published.map((row) => row.name));

    const policies = (await t.call('GET', '/api/v1/public/open-data/bureau-policies.json?fy=2024'))
      .body as Dataset;
    const publishedPolicies = await sql(
      'select count(*)::int as n from bureau_policies where fiscal_year = 2024 and published_version_number is not null',
    );
    expect(policies.rows).toHaveLength(publishedPolicies[0].n);

    const needs = (await t.call('GET', '/api/v1/public/open-data/needs.json?fy=2024')).body as Dataset;
    const publicNeeds = await sql(
      'select count(*)::int as n from needs where fiscal_year = 2024 and is_public',
    );
    expect(needs.rows).toHaveLength(publicNeeds[0].n);
    const names = await sql(
      "select reporter_name from needs where reporter_name is not null and reporter_name <> ''",
    );
    for (const row of names) expect(JSON.stringify(needs)).not.toContain(row.reporter_name);
  });

  it('publishes the announced Platinum responses only, never who proposed the ideas', async () => {
    const responses = async () =>
      ((await t.call('GET', '/api/v1/public/open-data/platinum-responses.json?fy=2024')).body as Dataset)
        .rows;
    const published = await sql(
      `select s.number, s.title from platinum_issues s join platinum_responses r on r.issue_id = s.id
       join platinum_campaigns c on c.id = s.campaign_id
       where c.fiscal_year = 2024 and r.status = 'published' and s.status in ('announced', 'implemented')
       order by s.number`,
    );
    expect(published.length).toBeGreaterThan(0);
    const before = await responses();
    expect(before.map((row) => row.number)).toEqual(published.map((row) => row.number));
    expect(before.every((row) => typeof row.response === 'string' && row.response !== '')).toBe(true);
    const programme = (await t.call('GET', '/api/v1/public/programme?fy=2024')).body as Programme;
    expect(programme.figures.platinumResponses).toBe(published.length);
    const authors = await sql(
      'select distinct u.display_name, u.login from platinum_ideas i join users u on u.id = i.author_id',
    );
    const text = JSON.stringify(before);
    for (const row of authors) {
      expect(text).not.toContain(row.display_name);
      expect(text).not.toContain(row.login);
    }
    const drafts = await sql("select r.body from platinum_responses r where r.status <> 'published'");
    for (const row of drafts) expect(text).not.toContain(row.body);

    // Taking a response back to draft takes it off the portal; publishing it puts it back.
    const number = published[0].number;
    await sql(
      `update platinum_responses set status = 'pending_approval' where issue_id =
         (select s.id from platinum_issues s join platinum_campaigns c on c.id = s.campaign_id
          where c.fiscal_year = 2024 and s.number = $1)`,
      [number],
    );
    expect((await responses()).map((row) => row.number)).not.toContain(number);
    await sql(
      `update platinum_responses set status = 'published' where issue_id =
         (select s.id from platinum_issues s join platinum_campaigns c on c.id = s.campaign_id
          where c.fiscal_year = 2024 and s.number = $1)`,
      [number],
    );
    expect((await responses()).map((row) => row.number)).toContain(number);
  });

  it('names a meeting’s agenda only once the agenda is published', async () => {
    const programme = async () =>
      (
        (await t.call('GET', '/api/v1/public/programme?fy=2024')).body as {
          meetings: { title: string; agenda: string[] }[];
        }
      ).meetings;
    const first = (await programme()).find((meeting) => meeting.title === '第1回X会議')!;
    expect(first.agenda[0]).toBe('経営分析の経過報告（保育所・幼稚園）');
    await sql('update meetings set is_agenda_published = false where fiscal_year = 2024 and sequence = 1');
    expect((await programme()).find((meeting) => meeting.title === '第1回X会議')!.agenda).toEqual([]);
    await sql('update meetings set is_agenda_published = true where fiscal_year = 2024 and sequence = 1');
  });

  it('refuses unknown files, years and encodings', async () => {
    expect((await t.call('GET', '/api/v1/public/open-data/users.csv')).status).toBe(400);
    expect((await t.call('GET', '/api/v1/public/open-data/clusters.xml')).status).toBe(400);
    expect((await t.call('GET', '/api/v1/public/open-data/clusters.csv?fy=1990')).status).toBe(404);
    expect((await t.call('GET', '/api/v1/public/open-data/clusters.csv?encoding=ebcdic')).status).toBe(400);
  });
});

describe('the portal’s cache', () => {
  type NeedView = { id: string };
  const publicNeedIds = async () =>
    ((await t.call('GET', '/api/v1/public/open-data/needs.json?fy=2024')).body as Dataset).rows.length;
  const programmeFigures = async () =>
    ((await t.call('GET', '/api/v1/public/programme?fy=2024')).body as Programme).figures;
  const indexCount = async (id: string) =>
    ((await t.call('GET', '/api/v1/public/open-data?fy=2024')).body as Index).datasets.find(
      (dataset) => dataset.id === id,
    )!.rowCount;

  it('answers a repeated request with 304 and the same ETag while nothing changed', async () => {
    const first = await t.call('GET', '/api/v1/public/programme?fy=2024');
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await t.call('GET', '/api/v1/public/programme?fy=2024', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    const csv = await fetchBytes('/api/v1/public/open-data/clusters.csv?fy=2024&encoding=shift_jis');
    expect(csv.response.headers.get('content-type')).toContain('text/csv');
    expect(csv.response.headers.get('content-disposition')).toContain('2024_clusters_sjis.csv');
    const csvAgain = await fetchBytes('/api/v1/public/open-data/clusters.csv?fy=2024&encoding=shift_jis');
    expect(csvAgain.bytes.equals(csv.bytes)).toBe(true);
    expect(csvAgain.response.headers.get('etag')).toBe(csv.response.headers.get('etag'));
  });

  it('shows a need published through the API at the next request, and not once it is withdrawn; a draft never', async () => {
    const reform = await t.signIn('reform');
    // Fill every cached answer first, so what follows must come through invalidation.
    const before = {
      files: await publicNeedIds(),
      figures: await programmeFigures(),
      index: await indexCount('needs'),
    };
    expect(before.index).toBe(before.files);
    expect(before.figures.publishedNeeds).toBe(before.files);

    const units = await sql("select id from org_units where code = 'kodomo'");
    const created = await t.call('POST', '/api/v1/needs', {
      cookie: reform,
      body: {
        side: 'recipient',
        channel: 'counter',
        body: '公開前の下書きのニーズ（ポータル検査）',
        receivedOn: '2024-07-01',
        orgUnitId: units[0].id,
      },
    });
    expect(created.status, created.text).toBe(201);
    const need = created.body as NeedView;
    const draftText = JSON.stringify(
      (await t.call('GET', '/api/v1/public/open-data/needs.json?fy=2024')).body,
    );
    expect(draftText).not.toContain('ポータル検査');
    expect(await publicNeedIds()).toBe(before.files);

    const etagOf = async () =>
      (await t.call('GET', `/api/v1/needs/${need.id}`, { cookie: reform })).headers.get('etag')!;
    const published = await t.call('PATCH', `/api/v1/needs/${need.id}`, {
      cookie: reform,
      headers: { 'if-match': await etagOf() },
      body: { isPublic: true, publicText: '公表したニーズ（ポータル検査）' },
    });
    expect(published.status, published.text).toBe(200);
    expect(await publicNeedIds()).toBe(before.files + 1);
    expect((await programmeFigures()).publishedNeeds).toBe(before.files + 1);
    expect(await indexCount('needs')).toBe(before.files + 1);
    expect(JSON.stringify((await t.call('GET', '/api/v1/public/needs?fy=2024')).body)).toContain(
      '公表したニーズ（ポータル検査）',
    );

    const withdrawn = await t.call('PATCH', `/api/v1/needs/${need.id}`, {
      cookie: reform,
      headers: { 'if-match': await etagOf() },
      body: { isPublic: false },
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(await publicNeedIds()).toBe(before.files);
    expect((await programmeFigures()).publishedNeeds).toBe(before.files);
    expect(await indexCount('needs')).toBe(before.files);
    expect(JSON.stringify((await t.call('GET', '/api/v1/public/needs?fy=2024')).body)).not.toContain(
      'ポータル検査',
    );
  });

  it('shows a meeting’s agenda at the next request after the office publishes it, and hides it when withdrawn', async () => {
    const reform = await t.signIn('reform');
    const meeting = (await sql('select id from meetings where fiscal_year = 2024 and sequence = 2'))[0];
    const publicAgenda = async () => {
      const response = await t.call('GET', `/api/v1/meetings/${meeting.id}`);
      return response.status === 200
        ? ((response.body as { agenda: { title: string }[] | null }).agenda ?? []).length
        : null;
    };
    const patch = async (changes: Record<string, boolean>) => {
      const etag = (await t.call('GET', `/api/v1/meetings/${meeting.id}`, { cookie: reform })).headers.get(
        'etag',
      )!;
      const response = await t.call('PATCH', `/api/v1/meetings/${meeting.id}`, {
        cookie: reform,
        headers: { 'if-match': etag },
        body: changes,
      });
      expect(response.status, response.text).toBe(200);
    };
    const shown = await publicAgenda();
    expect(shown).toBeGreaterThan(0);
    await patch({ isAgendaPublished: false });
    expect(await publicAgenda()).toBe(0);
    await patch({ isPublic: false });
    expect(await publicAgenda()).toBeNull();
    await patch({ isPublic: true, isAgendaPublished: true });
    expect(await publicAgenda()).toBe(shown);
  });

  it('takes a withdrawn policy off the public list and its page at the next request', async () => {
    const list = async () =>
      (
        (await t.call('GET', '/api/v1/public/bureau-policies?fy=2024')).body as { items: { id: string }[] }
      ).items.map((item) => item.id);
    const before = await list();
    expect(before.length).toBeGreaterThan(0);
    const id = before[0]!;
    expect((await t.call('GET', `/api/v1/public/bureau-policies/${id}`)).status).toBe(200);
    const saved = await sql('select published_version_number as n from bureau_policies where id = $1', [id]);
    await sql('update bureau_policies set published_version_number = null where id = $1', [id]);
    expect(await list()).not.toContain(id);
    expect((await t.call('GET', `/api/v1/public/bureau-policies/${id}`)).status).toBe(404);
    await sql('update bureau_policies set published_version_number = $2 where id = $1', [id, saved[0].n]);
    expect(await list()).toEqual(before);
    expect((await t.call('GET', `/api/v1/public/bureau-policies/${id}`)).status).toBe(200);
  });

  it.runIf(process.env.TOTONOE_TEST_DB === 'postgres')(
    'sees at once what another app process on the same database changed',
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
      const read = async (app: typeof other) =>
        (
          (await (
            await app.request(`${TEST_ORIGIN}/api/v1/public/programme?fy=2024`, {
              headers: { origin: TEST_ORIGIN },
            })
          ).json()) as Programme
        ).meetings.map((meeting) => meeting.title);
      expect(await read(t.app)).toContain('第5回X会議');
      expect(await read(other)).toContain('第5回X会議');
      // A write in another connection (as another process would make it), then a read through both.
      await sql('update meetings set is_public = false where fiscal_year = 2024 and sequence = 5');
      expect(await read(t.app)).not.toContain('第5回X会議');
      expect(await read(other)).not.toContain('第5回X会議');
      await sql('update meetings set is_public = true where fiscal_year = 2024 and sequence = 5');
      expect(await read(other)).toContain('第5回X会議');
      expect(await read(t.app)).toContain('第5回X会議');
    },
  );
});
