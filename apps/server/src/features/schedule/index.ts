/** What other features may use of the year's schedule. */
export { loadSchedule, type Schedule, type ScheduleEntry } from './load-schedule.ts';
export { presentSchedule, scheduleSchema } from './schedule.presenter.ts';
