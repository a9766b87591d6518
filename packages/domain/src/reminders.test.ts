import { describe, expect, it } from 'vitest';
import { INITIATIVE_STATUSES } from './initiatives';
import {
  addDaysToIsoDate,
  DUE_SOON_DAYS,
  daysBetweenIsoDates,
  dueDateReminder,
  initiativeReportState,
  initiativeUpdateReminder,
  REMINDER_REPEAT_COUNT,
  REMINDER_REPEAT_DAYS,
  reportingPeriodRange,
  waitingReminder,
} from './reminders';

describe('calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDaysToIsoDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysToIsoDate('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDaysToIsoDate('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDaysToIsoDate('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDaysToIsoDate('2024-04-01', -1)).toBe('2024-03-31');
  });
  it('counts whole days between dates', () => {
    expect(daysBetweenIsoDates('2024-03-31', '2024-04-01')).toBe(1);
    expect(daysBetweenIsoDates('2024-04-01', '2024-03-31')).toBe(-1);
    expect(daysBetweenIsoDates('2024-01-01', '2025-01-01')).toBe(366);
  });
});

describe('dueDateReminder', () => {
  const due = '2024-09-30';
  it('is silent until seven days ahead', () => {
    expect(dueDateReminder(due, '2024-09-22')).toBeNull();
    expect(DUE_SOON_DAYS).toBe(7);
  });
  it('gives one "due soon" reminder from seven days ahead to the day itself', () => {
    for (const today of ['2024-09-23', '2024-09-27', '2024-09-30']) {
      expect(dueDateReminder(due, today)).toEqual({
        phase: 'due_soon',
        remindedFor: '2024-09-23',
        dueOn: due,
      });
    }
  });
  it('gives "overdue" on the day after and weekly, four times, then stops', () => {
    expect(dueDateReminder(due, '2024-10-01')).toEqual({
      phase: 'overdue',
      remindedFor: '2024-10-01',
      dueOn: due,
    });
    expect(dueDateReminder(due, '2024-10-07')?.remindedFor).toBe('2024-10-01');
    expect(dueDateReminder(due, '2024-10-08')?.remindedFor).toBe('2024-10-08');
    expect(dueDateReminder(due, '2024-10-22')?.remindedFor).toBe('2024-10-22');
    expect(dueDateReminder(due, '2024-10-28')?.remindedFor).toBe('2024-10-22');
    expect(dueDateReminder(due, '2024-10-29')).toBeNull();
    const days = new Set<string>();
    for (let offset = -30; offset <= 60; offset++) {
      const reminder = dueDateReminder(due, addDaysToIsoDate(due, offset));
      if (reminder?.phase === 'overdue') days.add(reminder.remindedFor);
    }
    expect(days.size).toBe(REMINDER_REPEAT_COUNT);
  });
});

describe('waitingReminder', () => {
  it('reminds on the first day and weekly, four times in all', () => {
    expect(waitingReminder('2024-07-10', '2024-07-09')).toBeNull();
    expect(waitingReminder('2024-07-10', '2024-07-10')).toBe('2024-07-10');
    expect(waitingReminder('2024-07-10', '2024-07-16')).toBe('2024-07-10');
    expect(waitingReminder('2024-07-10', '2024-07-17')).toBe('2024-07-17');
    expect(waitingReminder('2024-07-10', '2024-07-31')).toBe('2024-07-31');
    expect(
      waitingReminder('2024-07-10', addDaysToIsoDate('2024-07-10', REMINDER_REPEAT_DAYS * 4)),
    ).toBeNull();
  });
});

describe('reportingPeriodRange', () => {
  it('gives calendar months', () => {
    expect(reportingPeriodRange('2024-02-10', 'monthly')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(reportingPeriodRange('2024-12-31', 'monthly')).toEqual({ start: '2024-12-01', end: '2024-12-31' });
  });
  it('gives fiscal quarters (April to June is the first)', () => {
    expect(reportingPeriodRange('2024-04-01', 'quarterly')).toEqual({
      start: '2024-04-01',
      end: '2024-06-30',
    });
    expect(reportingPeriodRange('2024-09-30', 'quarterly')).toEqual({
      start: '2024-07-01',
      end: '2024-09-30',
    });
    expect(reportingPeriodRange('2024-12-01', 'quarterly')).toEqual({
      start: '2024-10-01',
      end: '2024-12-31',
    });
    expect(reportingPeriodRange('2025-03-31', 'quarterly')).toEqual({
      start: '2025-01-01',
      end: '2025-03-31',
    });
  });
  it('gives fiscal halves', () => {
    expect(reportingPeriodRange('2024-08-15', 'half_yearly')).toEqual({
      start: '2024-04-01',
      end: '2024-09-30',
    });
    expect(reportingPeriodRange('2025-02-15', 'half_yearly')).toEqual({
      start: '2024-10-01',
      end: '2025-03-31',
    });
  });
});

describe('initiativeUpdateReminder', () => {
  const base = {
    status: 'in_progress' as const,
    cadence: 'quarterly' as const,
    fiscalYear: 2024,
    lastUpdateOn: null,
    createdOn: '2024-05-01',
  };
  it('says "due soon" in the last seven days of a quarter without a report', () => {
    expect(initiativeUpdateReminder({ ...base, today: '2024-06-22' })).toBeNull();
    expect(initiativeUpdateReminder({ ...base, today: '2024-06-24' })).toEqual({
      phase: 'due_soon',
      remindedFor: '2024-06-23',
      dueOn: '2024-06-30',
    });
  });
  it('says nothing when the quarter has its report', () => {
    expect(initiativeUpdateReminder({ ...base, lastUpdateOn: '2024-06-10', today: '2024-06-25' })).toBeNull();
    expect(initiativeUpdateReminder({ ...base, lastUpdateOn: '2024-06-10', today: '2024-07-02' })).toBeNull();
  });
  it('says "overdue" after a quarter ended without a report, for the quarter that ended', () => {
    expect(initiativeUpdateReminder({ ...base, lastUpdateOn: '2024-05-10', today: '2024-10-03' })).toEqual({
      phase: 'overdue',
      remindedFor: '2024-10-01',
      dueOn: '2024-09-30',
    });
  });
  it('does not hold a quarter against an initiative registered after it ended', () => {
    expect(initiativeUpdateReminder({ ...base, createdOn: '2024-07-05', today: '2024-07-06' })).toBeNull();
  });
  it('looks only at the periods of the initiative’s fiscal year', () => {
    // First quarter: the quarter before belongs to the year before.
    expect(initiativeUpdateReminder({ ...base, createdOn: '2024-03-01', today: '2024-04-02' })).toBeNull();
    // After the year: the last quarter is still owed, the next year's are not.
    expect(initiativeUpdateReminder({ ...base, lastUpdateOn: '2024-12-01', today: '2025-04-01' })).toEqual({
      phase: 'overdue',
      remindedFor: '2025-04-01',
      dueOn: '2025-03-31',
    });
    expect(initiativeUpdateReminder({ ...base, lastUpdateOn: '2025-03-01', today: '2025-06-25' })).toBeNull();
  });
  it('follows the cadence', () => {
    expect(
      initiativeUpdateReminder({
        ...base,
        cadence: 'monthly',
        lastUpdateOn: '2024-05-03',
        today: '2024-06-01',
      }),
    ).toBeNull();
    expect(
      initiativeUpdateReminder({
        ...base,
        cadence: 'monthly',
        lastUpdateOn: '2024-04-30',
        today: '2024-06-01',
      }),
    ).toEqual({ phase: 'overdue', remindedFor: '2024-06-01', dueOn: '2024-05-31' });
    expect(
      initiativeUpdateReminder({ ...base, cadence: 'half_yearly', lastUpdateOn: null, today: '2024-06-30' }),
    ).toBeNull();
    expect(
      initiativeUpdateReminder({ ...base, cadence: 'half_yearly', lastUpdateOn: null, today: '2024-09-25' }),
    ).toEqual({ phase: 'due_soon', remindedFor: '2024-09-23', dueOn: '2024-09-30' });
  });
  it('never reminds a finished or stopped initiative', () => {
    for (const status of INITIATIVE_STATUSES) {
      const reminder = initiativeUpdateReminder({ ...base, status, today: '2024-06-25' });
      expect(reminder === null).toBe(status === 'done' || status === 'stopped');
    }
  });
});

describe('initiativeReportState', () => {
  const base = {
    status: 'in_progress' as const,
    cadence: 'quarterly' as const,
    fiscalYear: 2024,
    lastUpdateOn: null,
    createdOn: '2024-05-01',
  };
  it('owes the current quarter’s report by its last day', () => {
    expect(initiativeReportState({ ...base, asOf: '2024-06-10' })).toEqual({
      reportDueOn: '2024-06-30',
      isOverdue: false,
    });
  });
  it('owes the next quarter’s once this one is reported, and nothing after the year', () => {
    expect(initiativeReportState({ ...base, lastUpdateOn: '2024-06-01', asOf: '2024-06-10' })).toEqual({
      reportDueOn: '2024-09-30',
      isOverdue: false,
    });
    expect(initiativeReportState({ ...base, lastUpdateOn: '2025-03-01', asOf: '2025-03-31' })).toEqual({
      reportDueOn: null,
      isOverdue: false,
    });
  });
  it('is overdue, for as long as it lasts, once a quarter ended without a report', () => {
    expect(initiativeReportState({ ...base, lastUpdateOn: '2024-05-20', asOf: '2025-01-20' })).toEqual({
      reportDueOn: '2024-12-31',
      isOverdue: true,
    });
    expect(initiativeReportState({ ...base, lastUpdateOn: '2024-10-20', asOf: '2025-01-20' }).isOverdue).toBe(
      false,
    );
  });
  it('does not count a quarter that ended before the initiative was registered', () => {
    expect(initiativeReportState({ ...base, createdOn: '2024-07-02', asOf: '2024-07-10' }).isOverdue).toBe(
      false,
    );
  });
  it('asks nothing of a finished or stopped initiative', () => {
    expect(initiativeReportState({ ...base, status: 'done', asOf: '2025-01-20' })).toEqual({
      reportDueOn: null,
      isOverdue: false,
    });
  });
});
