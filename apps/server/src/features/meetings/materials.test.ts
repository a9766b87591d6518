import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../../test/test-app.ts';
import { SAMPLE_FILES } from '../attachments/test-files.ts';

type Material = {
  id: string;
  label: string;
  title: string;
  contentType: string;
  fileName: string;
  isPublished: boolean;
  isRedactionRequired: boolean;
  hasRedactedFile: boolean;
  downloadUrl: string | null;
  version: number;
};
type PublicMeeting = {
  agenda:
    | { materials: { label: string; isRedacted: boolean; fileName: string; downloadUrl: string }[] }[]
    | null;
};

let t: TestApp;
let reform: string;
let meetingId: string;
let meetingEtag: string;
let kodomoItemId: string;
let kensetsuItemId: string;

const REDACTED_PDF = new TextEncoder().encode('%PDF-1.7\n% redacted edition\n%%EOF\n');

async function count(table: string): Promise<number> {
  return (await t.database.pool.query(`select count(*)::int as n from ${table}`)).rows[0].n as number;
}

async function upload(
  path: string,
  options: {
    cookie?: string;
    bytes: Uint8Array;
    name: string;
    fields?: Record<string, string>;
    method?: string;
    ifMatch?: string;
  },
) {
  const form = new FormData();
  form.set('file', new File([options.bytes], options.name));
  for (const [key, value] of Object.entries(options.fields ?? {})) form.set(key, value);
  const headers: Record<string, string> = { origin: TEST_ORIGIN };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  const response = await t.app.request(`${TEST_ORIGIN}${path}`, {
    method: options.method ?? 'POST',
    headers,
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

async function download(path: string, cookie?: string) {
  const response = await t.app.request(`${TEST_ORIGIN}${path}`, { headers: cookie ? { cookie } : {} });
  return {
    status: response.status,
    headers: response.headers,
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

function materialsPath(itemId: string) {
  return `/api/v1/meetings/${meetingId}/agenda-items/${itemId}/materials`;
}

beforeAll(async () => {
  t = await createTestApp();
  reform = await t.signIn('reform');
  const created = await t.call('POST', '/api/v1/meetings', {
    cookie: reform,
    body: {
      fiscalYear: 2024,
      sequence: 11,
      planned: { precision: 'day', start: '2025-02-10', end: '2025-02-10' },
      actualDate: '2025-02-10',
    },
  });
  meetingId = (created.body as { id: string }).id;
  meetingEtag = created.headers.get('etag')!;
  const units = (await t.call('GET', '/api/v1/org-units', { cookie: reform })).body as {
    items: { id: string; code: string }[];
  };
  const unit = (code: string) => units.items.find((item) => item.code === code)!.id;
  for (const [code, title] of [
    ['kodomo-hoiku', '保育所の方向性'],
    ['kensetsu', '公園の再編'],
  ] as const) {
    const response = await t.call('POST', `/api/v1/meetings/${meetingId}/agenda-items`, {
      cookie: reform,
      body: { kind: 'analysis_report', title, presenterOrgUnitId: unit(code) },
    });
    expect(response.status).toBe(201);
  }
  const agenda = (await t.call('GET', `/api/v1/meetings/${meetingId}/agenda-items`, { cookie: reform }))
    .body as {
    items: { id: string }[];
  };
  [kodomoItemId, kensetsuItemId] = agenda.items.map((item) => item.id) as [string, string];
});
afterAll(async () => {
  await t.close();
});

describe('uploading materials', () => {
  it('stores a PDF with the type read from its bytes and numbers it', async () => {
    const response = await upload(materialsPath(kodomoItemId), {
      cookie: reform,
      bytes: SAMPLE_FILES.pdf(),
      name: '資料_保育所.pdf',
      fields: { title: '保育所の方向性（案）' },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      label: '資料1',
      title: '保育所の方向性（案）',
      contentType: 'application/pdf',
      fileName: '資料_保育所.pdf',
      isPublished: false,
    });
    const audit = await t.database.pool.query(
      "select action from audit_events where action in ('material.upload', 'attachment.create') order by id",
    );
    expect(audit.rows.map((row) => row.action).slice(-2)).toEqual(['attachment.create', 'material.upload']);
  });

  it('refuses content of the wrong type or a name that does not match it (415), writing nothing', async () => {
    const before = [await count('meeting_materials'), await count('attachments')];
    const html = await upload(materialsPath(kodomoItemId), {
      cookie: reform,
      bytes: new TextEncoder().encode('<html><script>alert(1)</script></html>\u0000'),
      name: 'evil.pdf',
    });
    expect(html.status).toBe(415);
    const renamed = await upload(materialsPath(kodomoItemId), {
      cookie: reform,
      bytes: SAMPLE_FILES.pdf(),
      name: 'slides.pptx',
    });
    expect(renamed.status).toBe(415);
    expect(renamed.body.messages.ja).toContain('拡張子');
    const macro = await upload(materialsPath(kodomoItemId), {
      cookie: reform,
      bytes: SAMPLE_FILES.xlsm(),
      name: 'book.xlsx',
    });
    expect(macro.status).toBe(415);
    expect([await count('meeting_materials'), await count('attachments')]).toEqual(before);
  });

  it('refuses a file over the configured size limit (413), writing nothing', async () => {
    const before = [await count('meeting_materials'), await count('attachments')];
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(SAMPLE_FILES.pdf());
    const response = await upload(materialsPath(kodomoItemId), {
      cookie: reform,
      bytes: big,
      name: 'big.pdf',
    });
    expect(response.status).toBe(413);
    expect([await count('meeting_materials'), await count('attachments')]).toEqual(before);
  });

  it('refuses a form without a file or with unknown fields (400)', async () => {
    const form = new FormData();
    form.set('title', 'no file');
    const noFile = await t.app.request(`${TEST_ORIGIN}${materialsPath(kodomoItemId)}`, {
      method: 'POST',
      headers: { origin: TEST_ORIGIN, cookie: reform },
      body: form,
    });
    expect(noFile.status).toBe(400);
    const extra = await upload(materialsPath(kodomoItemId), {
      cookie: reform,
      bytes: SAMPLE_FILES.pdf(),
      name: 'a.pdf',
      fields: { isPublished: 'true' },
    });
    expect(extra.status).toBe(400);
  });

  it('lets the presenting unit add materials to its own items only, and never publish them', async () => {
    const kodomoStaff = await t.signIn('kodomo-staff');
    const own = await upload(materialsPath(kodomoItemId), {
      cookie: kodomoStaff,
      bytes: SAMPLE_FILES.pptx(),
      name: '補足.pptx',
    });
    expect(own.status).toBe(201);
    expect(own.body.label).toBe('資料2');
    const other = await upload(materialsPath(kensetsuItemId), {
      cookie: kodomoStaff,
      bytes: SAMPLE_FILES.pdf(),
      name: 'x.pdf',
    });
    expect(other.status).toBe(403);
    const plainStaff = await upload(materialsPath(kodomoItemId), {
      cookie: await t.signIn('staff2'),
      bytes: SAMPLE_FILES.pdf(),
      name: 'x.pdf',
    });
    expect(plainStaff.status).toBe(403);
    expect(
      (await upload(materialsPath(kodomoItemId), { bytes: SAMPLE_FILES.pdf(), name: 'x.pdf' })).status,
    ).toBe(401);
    const publish = await t.call('PATCH', `/api/v1/meetings/${meetingId}/materials/${own.body.id}`, {
      cookie: kodomoStaff,
      body: { isPublished: true },
      headers: { 'if-match': `"${own.body.version}"` },
    });
    expect(publish.status).toBe(403);
    const rename = await t.call('PATCH', `/api/v1/meetings/${meetingId}/materials/${own.body.id}`, {
      cookie: kodomoStaff,
      body: { title: '補足資料' },
      headers: { 'if-match': `"${own.body.version}"` },
    });
    expect(rename.status).toBe(200);
  });
});

describe('redaction (黒塗り) and publication', () => {
  let material: Material;

  it('refuses to publish a redaction-flagged material without its redacted file, changing nothing', async () => {
    const uploaded = await upload(materialsPath(kensetsuItemId), {
      cookie: reform,
      bytes: SAMPLE_FILES.pdf(),
      name: '公園_委託契約一覧.pdf',
      fields: { isRedactionRequired: 'true' },
    });
    expect(uploaded.status).toBe(201);
    material = uploaded.body as Material;
    const refused = await t.call('PATCH', `/api/v1/meetings/${meetingId}/materials/${material.id}`, {
      cookie: reform,
      body: { isPublished: true },
      headers: { 'if-match': `"${material.version}"` },
    });
    expect(refused.status).toBe(422);
    expect((refused.body as { code: string }).code).toBe('redacted_file_required');
    const row = await t.database.pool.query(
      'select is_published, version from meeting_materials where id = $1',
      [material.id],
    );
    expect(row.rows[0]).toEqual({ is_published: false, version: material.version });
    const unflagAndPublish = await t.call('PATCH', `/api/v1/meetings/${meetingId}/materials/${material.id}`, {
      cookie: reform,
      body: { isPublished: true, isRedactionRequired: true },
      headers: { 'if-match': `"${material.version}"` },
    });
    expect(unflagAndPublish.status).toBe(422);
  });

  it('publishes once the redacted file is there; the public gets only the redacted file', async () => {
    const redacted = await upload(`/api/v1/meetings/${meetingId}/materials/${material.id}/redacted-file`, {
      cookie: reform,
      bytes: REDACTED_PDF,
      name: '公園_委託契約一覧_黒塗り.pdf',
      method: 'PUT',
      ifMatch: `"${material.version}"`,
    });
    expect(redacted.status).toBe(200);
    expect(redacted.body.hasRedactedFile).toBe(true);
    const published = await t.call('PATCH', `/api/v1/meetings/${meetingId}/materials/${material.id}`, {
      cookie: reform,
      body: { isPublished: true },
      headers: { 'if-match': `"${redacted.body.version}"` },
    });
    expect(published.status).toBe(200);
    material = published.body as Material;

    // Until the agenda is published, the public sees no agenda and can download nothing.
    const hidden = (await t.call('GET', `/api/v1/meetings/${meetingId}`)).body as PublicMeeting;
    expect(hidden.agenda).toBeNull();
    const publicPath = `/api/v1/meetings/${meetingId}/materials/${material.id}/file?variant=public`;
    expect((await download(publicPath)).status).toBe(404);
    const agendaPublished = await t.call('PATCH', `/api/v1/meetings/${meetingId}`, {
      cookie: reform,
      body: { isAgendaPublished: true },
      headers: { 'if-match': meetingEtag },
    });
    expect(agendaPublished.status).toBe(200);
    meetingEtag = agendaPublished.headers.get('etag')!;

    const view = (await t.call('GET', `/api/v1/meetings/${meetingId}`)).body as PublicMeeting;
    // 資料1 and 資料2 of the first item are not published; 資料3 is, as its redacted edition.
    expect(view.agenda?.map((item) => item.materials.map((entry) => entry.label))).toEqual([[], ['資料3']]);
    expect(view.agenda?.[1]?.materials[0]).toMatchObject({
      isRedacted: true,
      fileName: '公園_委託契約一覧_黒塗り.pdf',
    });
    const file = await download(view.agenda![1]!.materials[0]!.downloadUrl);
    expect(file.status).toBe(200);
    expect(new TextDecoder().decode(file.bytes)).toContain('redacted edition');
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="${'_'.repeat('公園_委託契約一覧_黒塗り'.length)}.pdf"; filename*=UTF-8''${encodeURIComponent('公園_委託契約一覧_黒塗り.pdf')}`,
    );
    // Without a session every download is the public one, whatever variant is asked for.
    const sneaky = await download(
      `/api/v1/meetings/${meetingId}/materials/${material.id}/file?variant=original`,
    );
    expect(new TextDecoder().decode(sneaky.bytes)).toContain('redacted edition');
  });

  it('gives the original of a redaction-flagged material only to the office, executives and presenting unit', async () => {
    const original = `/api/v1/meetings/${meetingId}/materials/${material.id}/file`;
    const staff = await t.signIn('staff1');
    expect((await download(original, staff)).status).toBe(403);
    expect((await download(`${original}?variant=redacted`, staff)).status).toBe(200);
    const asOffice = await download(original, reform);
    expect(asOffice.status).toBe(200);
    expect(new TextDecoder().decode(asOffice.bytes)).not.toContain('redacted edition');
    expect((await download(original, await t.signIn('mayor'))).status).toBe(200);
    const detail = (await t.call('GET', `/api/v1/meetings/${meetingId}`, { cookie: staff })).body as {
      agenda: { materials: Material[] }[];
    };
    expect(detail.agenda[1]!.materials[0]!.downloadUrl).toBeNull();
  });

  it('keeps a published material from being removed, or un-flagged by the presenting unit', async () => {
    const path = `/api/v1/meetings/${meetingId}/materials/${material.id}`;
    const removed = await t.call('DELETE', path, {
      cookie: reform,
      headers: { 'if-match': `"${material.version}"` },
    });
    expect(removed.status).toBe(409);
    const kensetsuStaff = await t.signIn('kensetsu-staff');
    const unflag = await t.call('PATCH', path, {
      cookie: kensetsuStaff,
      body: { isRedactionRequired: false },
      headers: { 'if-match': `"${material.version}"` },
    });
    expect(unflag.status).toBe(403);
    const withdrawn = await t.call('PATCH', path, {
      cookie: reform,
      body: { isPublished: false },
      headers: { 'if-match': `"${material.version}"` },
    });
    expect(withdrawn.status).toBe(200);
    const attachmentsBefore = await count('attachments');
    const gone = await t.call('DELETE', path, {
      cookie: reform,
      headers: { 'if-match': `"${(withdrawn.body as Material).version}"` },
    });
    expect(gone.status).toBe(204);
    expect(await count('attachments')).toBe(attachmentsBefore - 2);
  });
});
