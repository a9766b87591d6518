import { date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './core.ts';
import { notifications } from './notifications.ts';

/**
 * 督促・期限の通知の送付記録: one row per reminder sent — what it is about (`kind` + `subject_id`),
 * to whom, and the day it is for (the due date seven days ahead, the first day past due, the day an
 * approval started waiting, …). The primary key makes each reminder go out once, however many app
 * processes run the reminder job at the same moment (insert … on conflict do nothing).
 */
export const reminderDeliveries = pgTable(
  'reminder_deliveries',
  {
    kind: text('kind').notNull(),
    // A plain id: the subject lives in another feature's tables (initiatives, actions, assignments, …).
    subjectId: uuid('subject_id').notNull(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    remindedFor: date('reminded_for').notNull(),
    notificationId: uuid('notification_id').references(() => notifications.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.subjectId, t.recipientId, t.remindedFor] }),
    index('reminder_deliveries_subject_idx').on(t.subjectId),
    index('reminder_deliveries_recipient_idx').on(t.recipientId, t.createdAt),
  ],
);
