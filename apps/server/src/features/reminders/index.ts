export { ReminderJob } from './reminder-job.ts';
export { REMINDER_KINDS, type ReminderKind, type ReminderSummary, sendReminders } from './send-reminders.ts';
