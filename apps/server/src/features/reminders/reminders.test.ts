import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { loadConfig } from '../../env.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { ReminderJob } from './reminder-job.ts';
import { sendReminders } from './send-reminders.ts';

let t: TestApp;
const unitIds: Record<string, string> = {};
const userIds: Record<string, string> = {};

/** A moment in Asia/Tokyo. */
function tokyo(isoDateTime: string): Date {
  return new Date(`${isoDateTime}+09:00`);
}

async function query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await t.database.pool.query(sql, params)).rows as T[];
}

/** The reminder notifications about one record, as login → kinds. */
async function remindersAbout(subjectId: string) {
  const rows = await query<{
    login: string;
    kind: string;
    reminded_for: string;
    title_ja: string;
    link: string;
  }>(
    `select u.login, d.kind, d.reminded_for::text, n.title_ja, n.link
       from reminder_deliveries d
       join users u on u.id = d.recipient_id
       join notifications n on n.id = d.notification_id
      where d.subject_id = $1
      order by u.login, d.reminded_for`,
    [subjectId],
  );
  return rows;
}

async function insertInitiative(values: {
  title: string;
  unit: string;
  createdAt: string;
  lastUpdateOn?: string | null;
  status?: string;
}): Promise<string> {
  const rows = await query<{ id: string }>(
    `insert into initiatives (fiscal_year, title, source_kind, owner_org_unit_id, status, update_cadence, last_update_on, created_at)
     values (2024, $1, 'voluntary_reform', $2, $3, 'quarterly', $4, $5) returning id`,
    [
      values.title,
      unitIds[values.unit],
      values.status ?? 'in_progress',
      values.lastUpdateOn ?? null,
      values.createdAt,
    ],
  );
  return rows[0]!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const row of await query<{ id: string; code: string }>('select id, code from org_units'))
    unitIds[row.code] = row.id;
  for (const row of await query<{ id: string; login: string }>('select id, login from users'))
    userIds[row.login] = row.id;
});
afterAll(async () => {
  await t?.close();
});

describe('reminders of initiative progress reports', () => {
  it('reminds the owning unit in the last week of a quarter without a report, once', async () => {
    const id = await insertInitiative({
      title: '窓口予約の試行',
      unit: 'kodomo',
      createdAt: '2024-05-01T09:00:00+09:00',
    });
    const done = await insertInitiative({
      title: '報告済みの取組',
      unit: 'kodomo',
      createdAt: '2024-05-01T09:00:00+09:00',
      lastUpdateOn: '2024-09-10',
    });
    const stopped = await insertInitiative({
      title: '中止した取組',
      unit: 'kodomo',
      createdAt: '2024-05-01T09:00:00+09:00',
      status: 'stopped',
    });

    expect(
      (await sendReminders(t.database.db, { now: tokyo('2024-09-22T09:00:00') })).byKind,
    ).not.toHaveProperty('initiative_update.due_soon');
    const first = await sendReminders(t.database.db, { now: tokyo('2024-09-25T09:00:00') });
    expect(first.sent).toBeGreaterThan(0);
    const sent = await remindersAbout(id);
    const logins = sent.map((row) => row.login);
    expect(logins).toContain('kodomo-head');
    expect(logins).toContain('kodomo-staff');
    expect(logins).not.toContain('staff1');
    expect(logins).not.toContain('reform');
    expect(sent[0]).toMatchObject({
      kind: 'initiative_update.due_soon',
      reminded_for: '2024-09-23',
      title_ja: '取組「窓口予約の試行」の進捗報告の期限（9月30日）が近づいています。',
      link: `/initiatives/${id}`,
    });
    expect(await remindersAbout(done)).toEqual([]);
    expect(await remindersAbout(stopped)).toEqual([]);

    // Later the same week, and the same day again: nothing new about it.
    await sendReminders(t.database.db, { now: tokyo('2024-09-27T18:00:00') });
    await sendReminders(t.database.db, { now: tokyo('2024-09-25T09:00:00') });
    expect(await remindersAbout(id)).toHaveLength(sent.length);
  });

  it('tells the unit a quarter ended without a report, weekly, and stops once reported', async () => {
    const id = await insertInitiative({
      title: '施設予約の電子化',
      unit: 'kodomo',
      createdAt: '2024-05-01T09:00:00+09:00',
    });
    await sendReminders(t.database.db, { now: tokyo('2024-10-01T09:00:00') });
    await sendReminders(t.database.db, { now: tokyo('2024-10-08T09:00:00') });
    const head = (await remindersAbout(id)).filter((row) => row.login === 'kodomo-head');
    expect(head.map((row) => [row.kind, row.reminded_for])).toEqual([
      ['initiative_update.overdue', '2024-10-01'],
      ['initiative_update.overdue', '2024-10-08'],
    ]);
    expect(head[0]!.title_ja).toBe('取組「施設予約の電子化」の進捗報告の期限（9月30日）が過ぎています。');

    await t.database.pool.query("update initiatives set last_update_on = '2024-10-09' where id = $1", [id]);
    await sendReminders(t.database.db, { now: tokyo('2024-10-15T09:00:00') });
    expect((await remindersAbout(id)).filter((row) => row.login === 'kodomo-head')).toHaveLength(2);
  });

  it('gives each reminder once when several processes run the job together', async () => {
    const id = await insertInitiative({
      title: '同時実行の確認',
      unit: 'kodomo',
      createdAt: '2024-05-01T09:00:00+09:00',
    });
    const now = tokyo('2024-12-26T09:00:00');
    const runs = await Promise.all([
      sendReminders(t.database.db, { now }),
      sendReminders(t.database.db, { now }),
      new ReminderJob({ db: t.database.db }).runOnce({ now }),
    ]);
    const rows = await remindersAbout(id);
    const perPerson = new Map<string, number>();
    for (const row of rows) perPerson.set(row.login, (perPerson.get(row.login) ?? 0) + 1);
    expect(rows.length).toBeGreaterThan(0);
    expect([...perPerson.values()].every((count) => count === 1)).toBe(true);
    const notifications = await query<{ n: number }>(
      "select count(*)::int as n from notifications where kind like 'reminder.%' and link = $1",
      [`/initiatives/${id}`],
    );
    expect(notifications[0]!.n).toBe(rows.length);
    expect(runs.reduce((total, run) => total + run.sent, 0)).toBeGreaterThanOrEqual(rows.length);
  });
});

describe('two app processes on one PostgreSQL', () => {
  it('deliver each reminder once when both jobs run at the same moment', async () => {
    const id = await insertInitiative({
      title: '二つのプロセスからの督促',
      unit: 'kodomo',
      createdAt: '2024-05-01T09:00:00+09:00',
    });
    // A second process has its own pool; the embedded database has one connection to share.
    const url = (t.database.pool.options as { connectionString?: string }).connectionString;
    const other =
      t.database.kind === 'postgres' && url ? await openDatabase({ databaseUrl: url, poolSize: 4 }) : null;
    try {
      const now = tokyo('2025-01-02T09:00:00');
      const first = new ReminderJob({ db: t.database.db });
      const second = new ReminderJob({ db: (other ?? t.database).db });
      const [a, b] = await Promise.all([first.runOnce({ now }), second.runOnce({ now })]);
      const rows = await remindersAbout(id);
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((row) => row.login)).size).toBe(rows.length);
      expect(rows.every((row) => row.kind === 'initiative_update.overdue')).toBe(true);
      const notices = await query<{ n: number }>(
        "select count(*)::int as n from notifications where kind like 'reminder.%' and link = $1",
        [`/initiatives/${id}`],
      );
      expect(notices[0]!.n).toBe(rows.length);
      expect(a.sent + b.sent).toBeGreaterThanOrEqual(rows.length);
    } finally {
      await other?.close();
    }
  });
});

describe('reminders of due dates and waiting approvals', () => {
  it('reminds the owner unit of an X-meeting instruction coming due, then overdue', async () => {
    const [action] = await query<{ id: string; owner: string }>(
      `select a.id, o.code as owner from meeting_actions a join org_units o on o.id = a.owner_org_unit_id
        where a.status in ('open', 'in_progress') order by a.created_at limit 1`,
    );
    expect(action).toBeDefined();
    await t.database.pool.query("update meeting_actions set due_date = '2024-11-15' where id = $1", [
      action!.id,
    ]);
    await sendReminders(t.database.db, { now: tokyo('2024-11-10T09:00:00') });
    await sendReminders(t.database.db, { now: tokyo('2024-11-16T09:00:00') });
    // Earlier tests' runs may have reminded of its demo due date; look at the new one only.
    const rows = (await remindersAbout(action!.id)).filter((row) => row.reminded_for >= '2024-11-08');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(new Set(rows.map((row) => row.kind))).toEqual(
      new Set(['meeting_action.due_soon', 'meeting_action.overdue']),
    );
    expect(rows.every((row) => row.link === '/actions')).toBe(true);
    expect(rows.find((row) => row.kind === 'meeting_action.overdue')!.title_ja).toMatch(
      /^X会議の指示事項「.+」の期限（11月15日）が過ぎています。$/u,
    );
    const owners = await query<{ login: string }>(
      `select distinct u.login from user_roles r join users u on u.id = r.user_id
        where r.role in ('bureau_head', 'department_staff') and r.org_unit_id = $1 and u.is_active`,
      [unitIds[action!.owner]],
    );
    for (const owner of owners) expect(rows.map((row) => row.login)).toContain(owner.login);
  });

  it('reminds a bureau of a Platinum issue whose decision is due', async () => {
    const [assignment] = await query<{ issue_id: string; code: string }>(
      `select a.issue_id, o.code from platinum_assignments a
         join platinum_issues i on i.id = a.issue_id join org_units o on o.id = a.org_unit_id
        where a.decision is null limit 1`,
    );
    if (!assignment) {
      // The demo has every assignment decided: send one on by hand.
      const [issue] = await query<{ id: string }>(
        'select id from platinum_issues order by created_at limit 1',
      );
      await t.database.pool.query(
        `insert into platinum_assignments (issue_id, org_unit_id, due_on) values ($1, $2, '2024-09-30')
         on conflict (issue_id) do update set decision = null, due_on = '2024-09-30', org_unit_id = $2`,
        [issue!.id, unitIds.kodomo],
      );
      await t.database.pool.query("update platinum_issues set status = 'sent_on' where id = $1", [issue!.id]);
    }
    const [pending] = await query<{ issue_id: string }>(
      "select a.issue_id from platinum_assignments a join platinum_issues i on i.id = a.issue_id where a.decision is null and i.status = 'sent_on' limit 1",
    );
    await t.database.pool.query("update platinum_assignments set due_on = '2024-09-30' where issue_id = $1", [
      pending!.issue_id,
    ]);
    await sendReminders(t.database.db, { now: tokyo('2024-09-24T09:00:00') });
    const rows = await remindersAbout(pending!.issue_id);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatchObject({
      kind: 'platinum_assignment.due_soon',
      link: `/platinum/issues/${pending!.issue_id}`,
    });
    expect(rows[0]!.title_ja).toContain('の解決案の決定の期限（9月30日）が近づいています。');
  });

  it('tells the units named for 合議 and the approving head that a bureau policy waits for them — never the drafter', async () => {
    const versions = await query<{ id: string; code: string; status: string }>(
      `select v.id, o.code, v.status::text from bureau_policy_versions v
         join bureau_policies p on p.id = v.policy_id join org_units o on o.id = p.org_unit_id
        where o.code in ('hoken', 'kankyo') and v.status in ('consulting', 'awaiting_approval')`,
    );
    const hoken = versions.find((row) => row.code === 'hoken')!;
    const kankyo = versions.find((row) => row.code === 'kankyo')!;
    expect(hoken.status).toBe('consulting');
    expect(kankyo.status).toBe('awaiting_approval');

    await sendReminders(t.database.db, { now: tokyo('2024-09-05T18:00:00') });
    const consult = await remindersAbout(hoken.id);
    // Submitted on 2 September, waiting for 財政局 (the reform office has concurred).
    expect(new Set(consult.map((row) => row.login))).toEqual(new Set(['zaisei-head', 'zaisei-staff']));
    expect(consult[0]).toMatchObject({
      kind: 'bureau_policy.consultation_waiting',
      reminded_for: '2024-09-02',
    });
    expect(consult[0]!.title_ja).toBe('局区X方針「令和6年度 保健福祉局X方針」が合議を待っています。');
    const approve = await remindersAbout(kankyo.id);
    // Waiting for the 環境局長 since 23 August: the second weekly reminder.
    expect(approve.map((row) => [row.login, row.reminded_for])).toEqual([['kankyo-head', '2024-08-30']]);
    expect(approve[0]!.kind).toBe('bureau_policy.approval_waiting');
  });

  it('tells the bureau head an analysis report waits for approval, and goes to e-mail by the person’s setting', async () => {
    const [analysis] = await query<{ id: string }>(
      `select a.id from analyses a join cluster_revisions r on r.cluster_id = a.cluster_id
        where a.fiscal_year = 2024 and r.number = 23 limit 1`,
    );
    const cookie = await t.signIn('kodomo-staff');
    const detail = await t.call('GET', `/api/v1/analyses/${analysis!.id}`, { cookie });
    const version = (detail.body as { version: number }).version;
    const submitted = await t.call('POST', `/api/v1/analyses/${analysis!.id}/review`, {
      cookie,
      body: { action: 'submit' },
      headers: { 'if-match': `"${version}"` },
    });
    expect(submitted.status, submitted.text).toBe(200);

    const summary = await sendReminders(t.database.db);
    expect(summary.byKind['analysis.approval_waiting']).toBeGreaterThan(0);
    const rows = await remindersAbout(analysis!.id);
    expect(rows.map((row) => row.login)).toContain('kodomo-head');
    expect(rows.map((row) => row.login)).not.toContain('kodomo-staff');
    expect(rows[0]!.title_ja).toMatch(
      /^経営分析「23 子育て支援事業」（2024年度）の報告書が局長の承認を待っています。$/u,
    );

    const outbox = await query<{ delivery: string }>(
      `select o.delivery::text from mail_outbox o join notifications n on n.id = o.notification_id
        where n.recipient_id = $1 and n.link = $2`,
      [userIds['kodomo-head'], `/analyses/${analysis!.id}`],
    );
    const [user] = await query<{ email: string | null }>('select email from users where id = $1', [
      userIds['kodomo-head'],
    ]);
    expect(outbox.length).toBe(user!.email ? 1 : 0);
  });

  it('sends nothing to a deactivated person', async () => {
    const id = await insertInitiative({
      title: '退職者への督促なし',
      unit: 'kodomo',
      createdAt: '2024-05-01T09:00:00+09:00',
    });
    await t.database.pool.query('update users set is_active = false where id = $1', [userIds['kodomo-head']]);
    try {
      await sendReminders(t.database.db, { now: tokyo('2025-03-26T09:00:00') });
      const logins = (await remindersAbout(id)).map((row) => row.login);
      expect(logins).toContain('kodomo-staff');
      expect(logins).not.toContain('kodomo-head');
    } finally {
      await t.database.pool.query('update users set is_active = true where id = $1', [
        userIds['kodomo-head'],
      ]);
    }
  });
});

describe('the reminder job', () => {
  it('runs every TOTONOE_REMINDER_INTERVAL_MINUTES (15 by default, 0 = off) and refuses nonsense', () => {
    expect(loadConfig({}).reminderIntervalMinutes).toBe(15);
    expect(loadConfig({ TOTONOE_REMINDER_INTERVAL_MINUTES: '0' }).reminderIntervalMinutes).toBe(0);
    expect(loadConfig({ TOTONOE_REMINDER_INTERVAL_MINUTES: '60' }).reminderIntervalMinutes).toBe(60);
    expect(() => loadConfig({ TOTONOE_REMINDER_INTERVAL_MINUTES: '-1' })).toThrow(
      /TOTONOE_REMINDER_INTERVAL_MINUTES/,
    );
    expect(() => loadConfig({ TOTONOE_REMINDER_INTERVAL_MINUTES: 'often' })).toThrow(
      /TOTONOE_REMINDER_INTERVAL_MINUTES/,
    );
  });

  it('runs once at start and stops cleanly', async () => {
    const job = new ReminderJob({ db: t.database.db });
    job.start(60 * 60 * 1000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await job.stop();
    // A second run the same day finds everything sent already.
    expect((await job.runOnce()).sent).toBe(0);
  });
});
