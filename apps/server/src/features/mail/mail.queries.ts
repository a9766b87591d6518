import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { mailOutbox, mailSettings, notifications, users } from '../../db/schema/index.ts';

export type MailDelivery = (typeof mailSettings.$inferSelect)['delivery'];

/** A person's mail settings (the default when they never changed them) with their address. */
export async function findMailSettings(db: Executor, userId: string) {
  const rows = await db
    .select({
      email: users.email,
      isActive: users.isActive,
      delivery: mailSettings.delivery,
      version: mailSettings.version,
      updatedAt: mailSettings.updatedAt,
    })
    .from(users)
    .leftJoin(mailSettings, eq(mailSettings.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return {
    email: row.email,
    isActive: row.isActive,
    delivery: row.delivery ?? ('immediate' as const),
    version: row.version ?? 0,
    updatedAt: row.updatedAt,
  };
}

/** Saves a person's delivery setting, bumping its version. */
export async function saveMailSettings(
  db: Executor,
  userId: string,
  delivery: MailDelivery,
  version: number,
) {
  await db
    .insert(mailSettings)
    .values({ userId, delivery, version: version + 1 })
    .onConflictDoUpdate({
      target: mailSettings.userId,
      set: { delivery, version: version + 1, updatedAt: new Date() },
    });
}

/**
 * Locks the person's row, so two saves cannot both pass the version check — also before the first
 * save, when there is no settings row yet to lock.
 */
export async function lockMailSettings(db: Executor, userId: string) {
  await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
}

/** Adds one message or digest line to the outbox. */
export async function insertOutboxRow(db: Executor, values: typeof mailOutbox.$inferInsert) {
  await db.insert(mailOutbox).values(values);
}

/**
 * Claims up to `limit` messages that are due (or whose sender stopped mid-way) for this sender:
 * they become `sending` under a lease, and other senders skip them.
 */
export async function claimDueMessages(
  db: Executor,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<string[]> {
  // `now` has milliseconds, the database's timestamps microseconds: a message queued in the same
  // millisecond (next_attempt_at defaults to the database's now()) is due too.
  const dueBefore = new Date(now.getTime() + 1);
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.delivery, 'immediate'),
        or(
          and(eq(mailOutbox.status, 'pending'), lt(mailOutbox.nextAttemptAt, dueBefore)),
          and(eq(mailOutbox.status, 'sending'), lt(mailOutbox.leaseUntil, now)),
        ),
      ),
    )
    .orderBy(asc(mailOutbox.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(mailOutbox)
    .set({ status: 'sending', leaseUntil, attempts: sql`${mailOutbox.attempts} + 1` })
    .where(inArray(mailOutbox.id, due))
    .returning({ id: mailOutbox.id });
  return rows.map((row) => row.id);
}

/** What the sender needs to write and address claimed messages. */
export async function loadMessages(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: mailOutbox.id,
      attempts: mailOutbox.attempts,
      createdAt: mailOutbox.createdAt,
      subject: mailOutbox.subject,
      body: mailOutbox.body,
      link: mailOutbox.link,
      digestId: mailOutbox.digestId,
      notificationTitle: notifications.titleJa,
      email: users.email,
      displayName: users.displayName,
      isActive: users.isActive,
    })
    .from(mailOutbox)
    .innerJoin(users, eq(users.id, mailOutbox.recipientId))
    .leftJoin(notifications, eq(notifications.id, mailOutbox.notificationId))
    .where(inArray(mailOutbox.id, ids));
}

/** Records the outcome of one send. */
export async function finishMessage(
  db: Executor,
  id: string,
  outcome:
    | { status: 'sent'; at: Date }
    | { status: 'pending'; nextAttemptAt: Date; error: string }
    | { status: 'failed' | 'cancelled'; error: string },
) {
  if (outcome.status === 'sent') {
    await db
      .update(mailOutbox)
      .set({ status: 'sent', sentAt: outcome.at, leaseUntil: null, lastError: null })
      .where(eq(mailOutbox.id, id));
  } else if (outcome.status === 'pending') {
    await db
      .update(mailOutbox)
      .set({
        status: 'pending',
        nextAttemptAt: outcome.nextAttemptAt,
        leaseUntil: null,
        lastError: outcome.error,
      })
      .where(eq(mailOutbox.id, id));
  } else {
    await db
      .update(mailOutbox)
      .set({ status: outcome.status, leaseUntil: null, lastError: outcome.error })
      .where(eq(mailOutbox.id, id));
  }
}

/** People with digest lines queued before the cutoff. */
export async function recipientsWithDueDigests(db: Executor, cutoff: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ recipientId: mailOutbox.recipientId })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.delivery, 'daily_digest'),
        eq(mailOutbox.status, 'pending'),
        lt(mailOutbox.createdAt, cutoff),
      ),
    )
    .limit(limit);
  return rows.map((row) => row.recipientId);
}

/** One person's digest lines queued before the cutoff, locked, oldest first. */
export async function lockDigestLines(db: Executor, recipientId: string, cutoff: Date) {
  return db
    .select({
      id: mailOutbox.id,
      subject: mailOutbox.subject,
      link: mailOutbox.link,
      createdAt: mailOutbox.createdAt,
      notificationTitle: notifications.titleJa,
    })
    .from(mailOutbox)
    .leftJoin(notifications, eq(notifications.id, mailOutbox.notificationId))
    .where(
      and(
        eq(mailOutbox.recipientId, recipientId),
        eq(mailOutbox.delivery, 'daily_digest'),
        eq(mailOutbox.status, 'pending'),
        lt(mailOutbox.createdAt, cutoff),
      ),
    )
    .orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.id))
    .for('update', { of: mailOutbox, skipLocked: true });
}

/** The recipient as a digest needs them. */
export async function findRecipient(db: Executor, userId: string) {
  const rows = await db
    .select({ email: users.email, displayName: users.displayName, isActive: users.isActive })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return rows[0] ?? null;
}

/** Inserts a digest message, written in full, and returns its id (a digest's digest_id is its own id). */
export async function insertDigestMessage(
  db: Executor,
  values: { recipientId: string; subject: string; body: string; now: Date },
): Promise<string> {
  const id = randomUUID();
  const rows = await db
    .insert(mailOutbox)
    .values({
      id,
      digestId: id,
      recipientId: values.recipientId,
      delivery: 'immediate',
      subject: values.subject,
      body: values.body,
      nextAttemptAt: values.now,
    })
    .returning({ id: mailOutbox.id });
  return rows[0]!.id;
}

/** Marks digest lines as gone out in a digest message (or cancelled, for a deactivated person). */
export async function closeDigestLines(
  db: Executor,
  ids: string[],
  outcome: { status: 'digested'; digestId: string } | { status: 'cancelled'; error: string },
) {
  if (ids.length === 0) return;
  await db
    .update(mailOutbox)
    .set(
      outcome.status === 'digested'
        ? { status: 'digested', digestId: outcome.digestId }
        : { status: 'cancelled', lastError: outcome.error },
    )
    .where(inArray(mailOutbox.id, ids));
}

/** Gives up on mail that waited longer than it is worth (e.g. while no SMTP server was configured). */
export async function expireStaleMail(db: Executor, olderThan: Date): Promise<number> {
  const rows = await db
    .update(mailOutbox)
    .set({ status: 'failed', lastError: 'expired', leaseUntil: null })
    .where(and(eq(mailOutbox.status, 'pending'), lt(mailOutbox.createdAt, olderThan)))
    .returning({ id: mailOutbox.id });
  return rows.length;
}

/** The outbox of one person, newest first (for administrators and tests). */
export async function listOutboxOf(db: Executor, recipientId: string) {
  return db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.recipientId, recipientId))
    .orderBy(sql`${mailOutbox.createdAt} desc`);
}
