import type { Executor } from '../../db/client.ts';
import { findMailSettings, insertOutboxRow } from './mail.queries.ts';

export type MailToEnqueue = {
  recipientId: string;
  /** One line, Japanese: the subject of an immediate mail, the line of a digest. */
  subject: string;
  /** Plain text shown under the subject in an immediate mail (a digest shows the subject only). */
  body?: string | null;
  /** A path inside the app. */
  link?: string | null;
};

/**
 * Puts a mail into the outbox inside the caller's transaction, following the recipient's setting
 * (at once, in the daily digest, or not at all); nothing for deactivated people or people without
 * an address. The sender loop sends it after commit. In-app notifications need no call: each one
 * enters the outbox by itself (see the mail_notification_trigger migration).
 */
export async function enqueueMail(tx: Executor, mail: MailToEnqueue): Promise<boolean> {
  if (mail.link && !mail.link.startsWith('/'))
    throw new RangeError('A mail link must be a path inside the app');
  const settings = await findMailSettings(tx, mail.recipientId);
  if (!settings?.isActive || !settings.email || settings.delivery === 'off') return false;
  await insertOutboxRow(tx, {
    recipientId: mail.recipientId,
    delivery: settings.delivery,
    subject: mail.subject.replace(/\s+/gu, ' ').trim().slice(0, 300),
    body: mail.body ?? null,
    link: mail.link ?? null,
  });
  return true;
}
