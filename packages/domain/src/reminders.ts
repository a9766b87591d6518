import { parseIsoDate, toIsoDate } from './calendar-date';
import { fiscalYearOf, fiscalYearRange, quarterOfFiscalYear } from './fiscal-year';
import { type InitiativeStatus, isInitiativeOpen, type UpdateCadence } from './initiatives';

/**
 * 督促 (reminders): when a due date or a waiting approval calls for a notification, and for which
 * day. Each reminder is "for" one day, computed from the data alone (seven days before the due
 * date, the first day past it, the day an approval started waiting, then weekly), so the job may
 * run any number of times, in any number of processes, and a person gets each reminder once.
 */

/** A due date is announced this many days ahead. */
export const DUE_SOON_DAYS = 7;
/** Reminders about something past due, or still waiting, repeat this often… */
export const REMINDER_REPEAT_DAYS = 7;
/** …this many times in all (the first included); after that the lists still show it, unannounced. */
export const REMINDER_REPEAT_COUNT = 4;

export type ReminderPhase = 'due_soon' | 'overdue';
export type DueReminder = { phase: ReminderPhase; remindedFor: string; dueOn: string };

const DAY_MS = 86_400_000;

function utcOf(isoDate: string): number {
  const { year, month, day } = parseIsoDate(isoDate);
  return Date.UTC(year, month - 1, day);
}

/** The ISO date `days` days after (or before, when negative) a date. */
export function addDaysToIsoDate(isoDate: string, days: number): string {
  const date = new Date(utcOf(isoDate) + days * DAY_MS);
  return toIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetweenIsoDates(from: string, to: string): number {
  return Math.round((utcOf(to) - utcOf(from)) / DAY_MS);
}

/**
 * The reminder a due date calls for on `today`: from seven days ahead until the day itself one
 * "due soon" reminder; from the day after, "overdue" on that day and weekly, four times in all.
 */
export function dueDateReminder(dueOn: string, today: string): DueReminder | null {
  if (today > dueOn) {
    const repeat = Math.floor((daysBetweenIsoDates(dueOn, today) - 1) / REMINDER_REPEAT_DAYS);
    if (repeat >= REMINDER_REPEAT_COUNT) return null;
    return {
      phase: 'overdue',
      remindedFor: addDaysToIsoDate(dueOn, 1 + repeat * REMINDER_REPEAT_DAYS),
      dueOn,
    };
  }
  const soonFrom = addDaysToIsoDate(dueOn, -DUE_SOON_DAYS);
  return today >= soonFrom ? { phase: 'due_soon', remindedFor: soonFrom, dueOn } : null;
}

/**
 * The reminder something waiting for a person (an approval, a 合議) calls for on `today`: on the
 * day it started waiting and weekly after, four times in all; null before or after.
 */
export function waitingReminder(waitingSince: string, today: string): string | null {
  const days = daysBetweenIsoDates(waitingSince, today);
  if (days < 0) return null;
  const repeat = Math.floor(days / REMINDER_REPEAT_DAYS);
  return repeat < REMINDER_REPEAT_COUNT
    ? addDaysToIsoDate(waitingSince, repeat * REMINDER_REPEAT_DAYS)
    : null;
}

/** The first and last day of the reporting period a date falls in under a cadence. */
export function reportingPeriodRange(
  isoDate: string,
  cadence: UpdateCadence,
): { start: string; end: string } {
  const { year, month } = parseIsoDate(isoDate);
  if (cadence === 'monthly') {
    const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
    return {
      start: toIsoDate(year, month, 1),
      end: addDaysToIsoDate(toIsoDate(next.year, next.month, 1), -1),
    };
  }
  const fiscalYear = fiscalYearOf(isoDate);
  const quarter = quarterOfFiscalYear(isoDate);
  // Fiscal quarters start in April, July, October and January.
  const firstQuarter = cadence === 'quarterly' ? quarter : quarter <= 2 ? 1 : 3;
  const lastQuarter = cadence === 'quarterly' ? quarter : firstQuarter + 1;
  const startOfQuarter = (q: number) => {
    const startMonth = 4 + (q - 1) * 3;
    return startMonth > 12
      ? toIsoDate(fiscalYear + 1, startMonth - 12, 1)
      : toIsoDate(fiscalYear, startMonth, 1);
  };
  const start = startOfQuarter(firstQuarter);
  const end =
    lastQuarter === 4
      ? fiscalYearRange(fiscalYear).end
      : addDaysToIsoDate(startOfQuarter(lastQuarter + 1), -1);
  return { start, end };
}

/**
 * The progress-report reminder an initiative calls for on `today`. An open initiative owes one
 * report in every reporting period of its fiscal year: "due soon" in the last seven days of a period
 * without a report; "overdue" once a period of its year has ended without one (weekly, four times),
 * unless the initiative did not exist yet then. `dueOn` is the last day of the period concerned.
 */
export function initiativeUpdateReminder(initiative: {
  status: InitiativeStatus;
  cadence: UpdateCadence;
  fiscalYear: number;
  /** The latest report's date (on or before today), or null. */
  lastUpdateOn: string | null;
  /** The day the initiative was registered. */
  createdOn: string;
  today: string;
}): DueReminder | null {
  if (!isInitiativeOpen(initiative.status)) return null;
  const year = fiscalYearRange(initiative.fiscalYear);
  const current = reportingPeriodRange(initiative.today, initiative.cadence);
  const isReportedSince = (start: string) =>
    initiative.lastUpdateOn !== null && initiative.lastUpdateOn >= start;
  // The period just ended, when it lies in the initiative's year and the initiative existed in it.
  const previousEnd = addDaysToIsoDate(current.start, -1);
  const previous = reportingPeriodRange(previousEnd, initiative.cadence);
  if (
    previous.start >= year.start &&
    previous.end <= year.end &&
    initiative.createdOn <= previous.end &&
    !isReportedSince(previous.start)
  ) {
    const overdue = dueDateReminder(previous.end, initiative.today);
    if (overdue) return overdue;
  }
  if (current.start < year.start || current.end > year.end || isReportedSince(current.start)) return null;
  const soon = dueDateReminder(current.end, initiative.today);
  return soon?.phase === 'due_soon' ? soon : null;
}

export type InitiativeReportState = {
  /** The last day of the period whose report is owed next; null when nothing more is owed this year. */
  reportDueOn: string | null;
  /** 報告滞留: a period of the initiative's year ended without a report (after it was registered). */
  isOverdue: boolean;
};

/**
 * Where an initiative stands with its progress reports on `asOf`: overdue when the period before
 * asOf's ended without one (as initiativeUpdateReminder counts it, without its four-week limit),
 * and the day the next report is owed by. Finished and stopped initiatives owe nothing.
 */
export function initiativeReportState(initiative: {
  status: InitiativeStatus;
  cadence: UpdateCadence;
  fiscalYear: number;
  lastUpdateOn: string | null;
  createdOn: string;
  asOf: string;
}): InitiativeReportState {
  if (!isInitiativeOpen(initiative.status)) return { reportDueOn: null, isOverdue: false };
  const year = fiscalYearRange(initiative.fiscalYear);
  const current = reportingPeriodRange(initiative.asOf, initiative.cadence);
  const isReportedSince = (start: string) =>
    initiative.lastUpdateOn !== null && initiative.lastUpdateOn >= start;
  const previous = reportingPeriodRange(addDaysToIsoDate(current.start, -1), initiative.cadence);
  const isOverdue =
    previous.start >= year.start &&
    previous.end <= year.end &&
    initiative.createdOn <= previous.end &&
    !isReportedSince(previous.start);
  if (isOverdue) return { reportDueOn: previous.end, isOverdue };
  if (current.start >= year.start && current.end <= year.end && !isReportedSince(current.start)) {
    return { reportDueOn: current.end, isOverdue };
  }
  const next = reportingPeriodRange(addDaysToIsoDate(current.end, 1), initiative.cadence);
  return { reportDueOn: next.end <= year.end ? next.end : null, isOverdue };
}
