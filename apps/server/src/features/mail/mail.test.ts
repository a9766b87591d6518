import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppConfig, loadConfig } from '../../env.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import {
  addTeamMembers,
  createCampaign,
  createIssue,
  signInAll,
  submitIdea,
  userIdOf,
} from '../platinum/platinum-test-support.ts';
import { enqueueMail } from './enqueue-mail.ts';
import { MAX_ATTEMPTS, MailSender, retryDelayMs } from './mail-sender.ts';
import { startTestSmtpServer, type TestSmtpServer } from './test-smtp-server.ts';

const PUBLIC_ORIGIN = 'https://totonoe.city.example.lg.jp';

let t: TestApp;
let smtp: TestSmtpServer;
let config: AppConfig;
let cookies: Record<string, string>;
let campaignId: string;
const userIds: Record<string, string> = {};

function senderConfig(port: number): AppConfig {
  return loadConfig({
    TOTONOE_LOG_LEVEL: 'error',
    TOTONOE_PUBLIC_ORIGIN: PUBLIC_ORIGIN,
    TOTONOE_SMTP_HOST: '127.0.0.1',
    TOTONOE_SMTP_PORT: String(port),
    TOTONOE_SMTP_TLS: 'none',
    TOTONOE_MAIL_FROM: '"Totonoe 市政変革" <totonoe@city.example.lg.jp>',
    TOTONOE_MAIL_DIGEST_HOUR: '7',
  });
}

beforeAll(async () => {
  t = await createTestApp();
  smtp = await startTestSmtpServer();
  config = senderConfig(smtp.port);
  cookies = await signInAll(t, ['reform', 'staff1', 'staff2', 'pt1', 'admin']);
  for (const login of ['pt1', 'staff1', 'staff2', 'admin', 'reform'])
    userIds[login] = await userIdOf(t, login);
  campaignId = await createCampaign(t, cookies.reform!);
  await addTeamMembers(t, cookies.reform!, campaignId, [await userIdOf(t, 'pt1')]);
  // Joining the team sent pt1 a notification; start from an empty outbox.
  await t.database.pool.query('delete from mail_outbox');
});
afterAll(async () => {
  await smtp?.stop();
  await t?.close();
});

async function outboxOf(login: string) {
  const { rows } = await t.database.pool.query(
    `select o.delivery, o.status, o.attempts, o.last_error, o.notification_id, o.digest_id, o.id
       from mail_outbox o join users u on u.id = o.recipient_id where u.login = $1 order by o.created_at`,
    [login],
  );
  return rows as {
    delivery: string;
    status: string;
    attempts: number;
    last_error: string | null;
    notification_id: string | null;
    digest_id: string | null;
    id: string;
  }[];
}

/** Two ideas (staff1's and staff2's) in one issue, declined by the PT: both submitters are told. */
async function declineAnIssue(title: string) {
  const mine = await submitIdea(t, cookies.staff1!, campaignId, { title: `${title}（福祉）` });
  const theirs = await submitIdea(t, cookies.staff2!, campaignId, { title: `${title}（環境）` });
  const issue = await createIssue(t, cookies.pt1!, campaignId, [mine.id, theirs.id], title);
  const declined = await t.call('POST', `/api/v1/issues/${issue.id}/status`, {
    cookie: cookies.pt1,
    headers: { 'if-match': `"${issue.version}"` },
    body: { action: 'decline', reason: '既に同様の制度があるため' },
  });
  return { issue, declined };
}

describe('mail settings', () => {
  it('are each person’s own: immediate by default, changed with If-Match, audited', async () => {
    expect((await t.call('GET', '/api/v1/me/mail-settings')).status).toBe(401);
    const initial = await t.call('GET', '/api/v1/me/mail-settings', { cookie: cookies.staff2 });
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({
      delivery: 'immediate',
      email: 'staff2@demo.totonoe.invalid',
      version: 0,
      digestHour: 7,
    });
    expect(initial.headers.get('etag')).toBe('"0"');

    const withoutIfMatch = await t.call('PUT', '/api/v1/me/mail-settings', {
      cookie: cookies.staff2,
      body: { delivery: 'daily_digest' },
    });
    expect(withoutIfMatch.status).toBe(428);
    for (const body of [{ delivery: 'weekly' }, { delivery: 'off', userId: 'someone-else' }, {}]) {
      const bad = await t.call('PUT', '/api/v1/me/mail-settings', {
        cookie: cookies.staff2,
        headers: { 'if-match': '"0"' },
        body,
      });
      expect(bad.status).toBe(400);
    }
    const saved = await t.call('PUT', '/api/v1/me/mail-settings', {
      cookie: cookies.staff2,
      headers: { 'if-match': '"0"' },
      body: { delivery: 'daily_digest' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ delivery: 'daily_digest', version: 1 });
    const stale = await t.call('PUT', '/api/v1/me/mail-settings', {
      cookie: cookies.staff2,
      headers: { 'if-match': '"0"' },
      body: { delivery: 'off' },
    });
    expect(stale.status).toBe(412);
    const { rows } = await t.database.pool.query(
      "select count(*)::int as n from audit_events where action = 'mail_settings.update'",
    );
    expect(rows[0].n).toBe(1);
    // Another person's setting did not move.
    expect((await t.call('GET', '/api/v1/me/mail-settings', { cookie: cookies.staff1 })).body).toMatchObject({
      delivery: 'immediate',
    });
  });
});

describe('mail from notifications', () => {
  it('sends the submitter’s mail at once and puts the other submitter’s into the next daily digest', async () => {
    const { issue, declined } = await declineAnIssue('押印の廃止');
    expect(declined.status, declined.text).toBe(200);
    expect((await outboxOf('staff1')).map((row) => [row.delivery, row.status])).toEqual([
      ['immediate', 'pending'],
    ]);
    expect((await outboxOf('staff2')).map((row) => [row.delivery, row.status])).toEqual([
      ['daily_digest', 'pending'],
    ]);

    const sender = new MailSender({ db: t.database.db, config });
    const now = new Date();
    const first = await sender.runOnce({ now });
    expect(first).toMatchObject({ sent: 1, digests: 0 });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual(['staff1@demo.totonoe.invalid']);
    expect(mail!.from).toBe('totonoe@city.example.lg.jp');
    expect(mail!.subject).toBe(
      '【Totonoe】あなたのアイデアを含む課題「押印の廃止」は見送りとなりました。理由をご確認ください。',
    );
    expect(mail!.parsed.html).toBe(false);
    expect(mail!.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    const lines = mail!.text.split('\n');
    expect(lines[0]).toBe('福祉 一郎 様');
    expect(mail!.text).toContain('■ あなたのアイデアを含む課題「押印の廃止」は見送りとなりました。');
    expect(mail!.text).toContain(`${PUBLIC_ORIGIN}/`);
    expect(mail!.text).toContain(issue.id);
    expect(mail!.text).toContain(`${PUBLIC_ORIGIN}/settings/mail`);
    expect((await outboxOf('staff1'))[0]).toMatchObject({ status: 'sent', attempts: 1 });

    // Not yet digest time for staff2: nothing more goes out until the next 07:00 (Asia/Tokyo).
    expect(await sender.runOnce({ now })).toMatchObject({ sent: 0, digests: 0 });
    const tomorrowMorning = new Date(now.getTime() + 24 * 3600 * 1000);
    const digestRun = await sender.runOnce({ now: tomorrowMorning });
    expect(digestRun).toMatchObject({ sent: 1, digests: 1 });
    const digest = (await smtp.waitFor(2))[1]!;
    expect(digest.to).toEqual(['staff2@demo.totonoe.invalid']);
    expect(digest.subject).toMatch(/^【Totonoe】お知らせのまとめ（\d{1,2}月\d{1,2}日・1件）$/u);
    expect(digest.text.split('\n')[0]).toBe('環境 二葉 様');
    expect(digest.text).toContain('Totonoe からのお知らせ 1件をまとめてお送りします。');
    expect(digest.text).toContain('■ 1. あなたのアイデアを含む課題「押印の廃止」は見送りとなりました。');
    const [line, message] = await outboxOf('staff2');
    expect(line).toMatchObject({ delivery: 'daily_digest', status: 'digested', digest_id: message!.id });
    expect(message).toMatchObject({ delivery: 'immediate', status: 'sent', digest_id: message!.id });
    expect(await sender.runOnce({ now: tomorrowMorning })).toMatchObject({ sent: 0, digests: 0 });
  });

  it('never lets a stopped mail server fail the request, and delivers once it is back', async () => {
    smtp.received.length = 0;
    await smtp.stop();
    const started = Date.now();
    const { declined } = await declineAnIssue('紙の回覧の廃止');
    expect(declined.status, declined.text).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);

    const sender = new MailSender({ db: t.database.db, config });
    const now = new Date();
    expect(await sender.runOnce({ now })).toMatchObject({ sent: 0, retried: 1 });
    const [waiting] = await outboxOf('staff1').then((rows) => rows.filter((row) => row.status !== 'sent'));
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting!.last_error).toBeTruthy();
    // Not due again before its back-off has passed.
    expect(await sender.runOnce({ now: new Date(now.getTime() + 10_000) })).toMatchObject({ retried: 0 });

    await smtp.restart();
    const later = new Date(now.getTime() + retryDelayMs(1) + 1_000);
    expect(await sender.runOnce({ now: later })).toMatchObject({ sent: 1 });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.subject).toContain('紙の回覧の廃止');
    expect((await outboxOf('staff1')).every((row) => row.status === 'sent')).toBe(true);
  });

  it('sends from its own loop after commit, without being asked', async () => {
    smtp.received.length = 0;
    const sender = new MailSender({ db: t.database.db, config });
    sender.start(50);
    try {
      await t.database.db.transaction((tx) =>
        enqueueMail(tx, {
          recipientId: userIds.pt1!,
          subject: '第3回X会議の資料が公開されました',
          body: '資料1〜資料4をご確認ください。',
          link: '/meetings',
        }),
      );
      const [mail] = await smtp.waitFor(1);
      expect(mail!.to).toEqual(['pt1@demo.totonoe.invalid']);
      expect(mail!.subject).toBe('【Totonoe】第3回X会議の資料が公開されました');
      expect(mail!.text).toContain('資料1〜資料4をご確認ください。');
      expect(mail!.text).toContain(`${PUBLIC_ORIGIN}/meetings`);
    } finally {
      await sender.stop();
    }
  });
});

describe('who gets no mail', () => {
  it('sends nothing to deactivated people, people without an address or who turned mail off', async () => {
    await t.database.pool.query("update users set is_active = false where login = 'reform'");
    await t.database.pool.query("update users set email = null where login = 'admin'");
    await t.database.pool.query(
      "insert into mail_settings (user_id, delivery) select id, 'off' from users where login = 'staff1' on conflict (user_id) do update set delivery = 'off'",
    );
    const queued = await t.database.db.transaction(async (tx) => {
      const results: boolean[] = [];
      for (const login of ['reform', 'admin', 'staff1']) {
        results.push(await enqueueMail(tx, { recipientId: userIds[login]!, subject: '確認のお願い' }));
      }
      return results;
    });
    expect(queued).toEqual([false, false, false]);
    await t.database.pool.query(
      "insert into notifications (recipient_id, kind, title_ja, title_en) select id, 'test', 'テスト', 'Test' from users where login in ('reform', 'admin', 'staff1')",
    );
    for (const login of ['reform', 'admin']) expect(await outboxOf(login)).toEqual([]);
    expect((await outboxOf('staff1')).filter((row) => row.status === 'pending')).toEqual([]);
    await t.database.pool.query(
      "update mail_settings set delivery = 'immediate' where user_id = (select id from users where login = 'staff1')",
    );
  });

  it('cancels mail queued before the person was deactivated', async () => {
    smtp.received.length = 0;
    await t.database.db.transaction((tx) =>
      enqueueMail(tx, { recipientId: userIds.staff1!, subject: '期限が近づいています' }),
    );
    await t.database.pool.query("update users set is_active = false where login = 'staff1'");
    const sender = new MailSender({ db: t.database.db, config });
    expect(await sender.runOnce()).toMatchObject({ sent: 0, failed: 1 });
    const last = (await outboxOf('staff1')).at(-1)!;
    expect(last.status).toBe('cancelled');
    expect(smtp.received).toEqual([]);
    await t.database.pool.query("update users set is_active = true where login = 'staff1'");
  });

  it('gives up at once on a permanent refusal and after the last attempt on temporary ones', async () => {
    smtp.rejectRecipient('pt1@demo.totonoe.invalid');
    await t.database.db.transaction((tx) =>
      enqueueMail(tx, { recipientId: userIds.pt1!, subject: '宛先不明になるメール' }),
    );
    const sender = new MailSender({ db: t.database.db, config });
    expect(await sender.runOnce()).toMatchObject({ failed: 1, retried: 0 });
    expect((await outboxOf('pt1')).at(-1)).toMatchObject({ status: 'failed', attempts: 1 });

    await smtp.stop();
    await t.database.db.transaction((tx) =>
      enqueueMail(tx, { recipientId: userIds.staff1!, subject: '届かないメール' }),
    );
    await t.database.pool.query(
      `update mail_outbox set attempts = ${MAX_ATTEMPTS - 1} where status = 'pending' and delivery = 'immediate'`,
    );
    try {
      expect(await sender.runOnce()).toMatchObject({ failed: 1, retried: 0 });
      expect((await outboxOf('staff1')).at(-1)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    } finally {
      await smtp.restart();
    }
  });

  it('sends a message queued in the same millisecond as the run (the database keeps microseconds)', async () => {
    await t.database.db.transaction((tx) =>
      enqueueMail(tx, { recipientId: userIds.staff1!, subject: '同じミリ秒のメール' }),
    );
    // Due 456 µs into a millisecond; the run's clock reads that millisecond (a Date has no more).
    const { rows } = await t.database.pool.query<{ next_attempt_at: Date }>(
      `update mail_outbox set next_attempt_at = date_trunc('milliseconds', now()) + interval '456 microseconds'
       where status = 'pending' and delivery = 'immediate' and subject = '同じミリ秒のメール'
       returning next_attempt_at`,
    );
    expect(rows).toHaveLength(1);
    const sender = new MailSender({ db: t.database.db, config });
    const summary = await sender.runOnce({ now: rows[0]!.next_attempt_at });
    expect(summary, JSON.stringify(await outboxOf('staff1'))).toMatchObject({ sent: 1 });
  });

  it('refuses links to other hosts', async () => {
    await expect(
      t.database.db.transaction((tx) =>
        enqueueMail(tx, { recipientId: userIds.staff2!, subject: 'x', link: 'https://evil.example/' }),
      ),
    ).rejects.toThrow(RangeError);
  });
});

describe('several senders', () => {
  it('send each message once when they run together', async () => {
    smtp.received.length = 0;
    await t.database.pool.query("update mail_settings set delivery = 'immediate'");
    await t.database.db.transaction(async (tx) => {
      for (let index = 0; index < 30; index++) {
        await enqueueMail(tx, { recipientId: userIds.staff2!, subject: `一斉送信 ${index + 1}` });
      }
    });
    const senders = [0, 1, 2].map(() => new MailSender({ db: t.database.db, config }));
    const summaries = await Promise.all(senders.map((sender) => sender.runOnce()));
    expect(summaries.reduce((total, summary) => total + summary.sent, 0)).toBe(30);
    const received = await smtp.waitFor(30);
    expect(new Set(received.map((mail) => mail.subject)).size).toBe(30);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.received).toHaveLength(30);
  });
});

describe('back-off', () => {
  it('doubles from 30 seconds up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 12].map((attempt) => retryDelayMs(attempt) / 1000)).toEqual([
      30, 60, 120, 240, 480, 960, 1920, 3600, 3600,
    ]);
  });
});
