import type { Database } from '../../db/client.ts';
import type { AppConfig } from '../../env.ts';
import { logger } from '../../lib/logger.ts';
import {
  claimDueMessages,
  closeDigestLines,
  expireStaleMail,
  findRecipient,
  finishMessage,
  insertDigestMessage,
  loadMessages,
  lockDigestLines,
  recipientsWithDueDigests,
} from './mail.queries.ts';
import { composeDigestMail, composeImmediateMail, latestDigestTime } from './mail-text.ts';
import { createSmtpTransport, type MailTransport } from './smtp-transport.ts';

const BATCH_SIZE = 20;
const LEASE_MS = 5 * 60 * 1000;
const FIRST_RETRY_MS = 30 * 1000;
const LONGEST_RETRY_MS = 60 * 60 * 1000;
export const MAX_ATTEMPTS = 12;
/** Mail that could not go out within three days is no longer worth sending. */
export const MAX_AGE_MS = 3 * 24 * 60 * 60 * 1000;

/** Back-off before attempt n+1: 30 s, 1 min, 2 min, … up to an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function describe(error: unknown): string {
  return String((error as Error)?.message ?? error).slice(0, 500);
}

export type MailRunSummary = { sent: number; retried: number; failed: number; digests: number };

/**
 * Sends the outbox: composes due daily digests, claims due messages, sends them by SMTP and
 * records the outcome (retry with back-off, give up after MAX_ATTEMPTS or MAX_AGE_MS, permanent
 * SMTP errors at once). It runs beside HTTP, never inside a request: a dead mail server only
 * delays mail. Several app processes may run it together (rows are claimed with SKIP LOCKED).
 */
export class MailSender {
  private readonly db: Database;
  private readonly config: AppConfig;
  private readonly transport: MailTransport | null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<MailRunSummary> | null = null;
  private isStopped = false;

  constructor(options: { db: Database; config: AppConfig; transport?: MailTransport }) {
    this.db = options.db;
    this.config = options.config;
    this.transport =
      options.transport ?? (options.config.smtp ? createSmtpTransport(options.config.smtp) : null);
  }

  /** Runs every `intervalMs` until stopped; errors are logged, never thrown. */
  start(intervalMs = 5_000): void {
    const tick = () => {
      this.timer = null;
      void this.runOnce()
        .catch((error) => logger.warn('mail: run failed', { error: describe(error) }))
        .finally(() => {
          if (!this.isStopped) this.timer = setTimeout(tick, intervalMs).unref();
        });
    };
    // unref: the loop alone never keeps the process alive (HTTP does).
    this.timer = setTimeout(tick, Math.min(intervalMs, 1_000)).unref();
  }

  /** Stops the loop and waits for a run in progress. */
  async stop(): Promise<void> {
    this.isStopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    this.transport?.close();
  }

  /** One pass over the outbox (one at a time per process). */
  runOnce(options: { now?: Date } = {}): Promise<MailRunSummary> {
    this.running ??= this.run(options.now ?? new Date()).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(now: Date): Promise<MailRunSummary> {
    const summary: MailRunSummary = { sent: 0, retried: 0, failed: 0, digests: 0 };
    summary.failed += await expireStaleMail(this.db, new Date(now.getTime() - MAX_AGE_MS));
    if (!this.transport) return summary;
    summary.digests = await this.composeDigests(now);
    for (;;) {
      const ids = await claimDueMessages(this.db, now, new Date(now.getTime() + LEASE_MS), BATCH_SIZE);
      if (ids.length === 0) break;
      for (const message of await loadMessages(this.db, ids)) {
        const outcome = await this.sendOne(message, now);
        summary[outcome] += 1;
      }
      if (ids.length < BATCH_SIZE || this.isStopped) break;
    }
    return summary;
  }

  private async sendOne(
    message: Awaited<ReturnType<typeof loadMessages>>[number],
    now: Date,
  ): Promise<'sent' | 'retried' | 'failed'> {
    if (!message.isActive || !message.email) {
      await finishMessage(this.db, message.id, {
        status: 'cancelled',
        error: 'recipient inactive or without address',
      });
      return 'failed';
    }
    const isDigest = message.digestId === message.id;
    const mail = isDigest
      ? { subject: message.subject ?? '', text: message.body ?? '' }
      : composeImmediateMail({
          recipientName: message.displayName,
          title: message.notificationTitle ?? message.subject ?? '',
          body: message.notificationTitle ? null : message.body,
          link: message.link,
          publicOrigin: this.config.publicOrigin,
        });
    try {
      await this.transport!.send({ to: message.email, subject: mail.subject, text: mail.text });
      await finishMessage(this.db, message.id, { status: 'sent', at: new Date() });
      return 'sent';
    } catch (error) {
      const isTooOld = now.getTime() - message.createdAt.getTime() > MAX_AGE_MS;
      if (isPermanent(error) || message.attempts >= MAX_ATTEMPTS || isTooOld) {
        logger.warn('mail: giving up', { outboxId: message.id, error: describe(error) });
        await finishMessage(this.db, message.id, { status: 'failed', error: describe(error) });
        return 'failed';
      }
      await finishMessage(this.db, message.id, {
        status: 'pending',
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts)),
        error: describe(error),
      });
      return 'retried';
    }
  }

  /** Turns the digest lines queued before the latest digest time into one message per person. */
  private async composeDigests(now: Date): Promise<number> {
    const cutoff = latestDigestTime(now, this.config.mailDigestHour);
    let composed = 0;
    for (;;) {
      const recipients = await recipientsWithDueDigests(this.db, cutoff, BATCH_SIZE);
      for (const recipientId of recipients) {
        composed += await this.db.transaction(async (tx) => {
          const lines = await lockDigestLines(tx, recipientId, cutoff);
          if (lines.length === 0) return 0;
          const recipient = await findRecipient(tx, recipientId);
          const ids = lines.map((line) => line.id);
          if (!recipient?.isActive || !recipient.email) {
            await closeDigestLines(tx, ids, {
              status: 'cancelled',
              error: 'recipient inactive or without address',
            });
            return 0;
          }
          const mail = composeDigestMail({
            recipientName: recipient.displayName,
            entries: lines.map((line) => ({
              title: line.notificationTitle ?? line.subject ?? '',
              link: line.link,
              createdAt: line.createdAt,
            })),
            sentAt: now,
            publicOrigin: this.config.publicOrigin,
          });
          const digestId = await insertDigestMessage(tx, {
            recipientId,
            subject: mail.subject,
            body: mail.text,
            now,
          });
          await closeDigestLines(tx, ids, { status: 'digested', digestId });
          return 1;
        });
      }
      if (recipients.length < BATCH_SIZE) break;
    }
    return composed;
  }
}
