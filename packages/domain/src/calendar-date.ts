/**
 * Plain calendar dates (no time, no time zone) as ISO 8601 strings `YYYY-MM-DD`.
 * Years are limited to 0001–9999 so every date has exactly one four-digit spelling
 * and string order equals chronological order.
 */

export type CalendarDate = { year: number; month: number; day: number };

export const MIN_CALENDAR_YEAR = 1;
export const MAX_CALENDAR_YEAR = 9999;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

// Japan has kept UTC+9 all year since 1951 (no daylight saving), so a fixed offset is
// exact for every date the system handles and needs no time-zone database.
const TOKYO_OFFSET_MILLISECONDS = 9 * 60 * 60 * 1000;

// Tells whether a Gregorian year has a 29 February.
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

// Returns the number of days in a month (1–12) of a Gregorian year.
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Month must be an integer from 1 to 12, got ${month}`);
  }
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Tells whether year, month and day form a real calendar date within 0001–9999.
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_CALENDAR_YEAR &&
    year <= MAX_CALENDAR_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

// Tells whether a value is a string `YYYY-MM-DD` naming a real date (rejects 2024-02-30, 2023-02-29).
export function isValidIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') {
    return false;
  }
  const match = ISO_DATE_PATTERN.exec(value);
  if (match === null) {
    return false;
  }
  return isValidCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

// Builds the ISO string `YYYY-MM-DD` of a date, throwing a RangeError when the date does not exist.
export function toIsoDate(year: number, month: number, day: number): string {
  if (!isValidCalendarDate(year, month, day)) {
    throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Splits an ISO date string into year, month and day, throwing a RangeError when it is not a real date.
export function parseIsoDate(isoDate: string): CalendarDate {
  if (!isValidIsoDate(isoDate)) {
    throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(isoDate)}`);
  }
  return {
    year: Number(isoDate.slice(0, 4)),
    month: Number(isoDate.slice(5, 7)),
    day: Number(isoDate.slice(8, 10)),
  };
}

// Returns the calendar date an instant falls on in Japan (Asia/Tokyo).
export function tokyoCalendarDate(instant: Date): CalendarDate {
  const time = instant.getTime();
  if (Number.isNaN(time)) {
    throw new RangeError('Invalid Date');
  }
  const shifted = new Date(time + TOKYO_OFFSET_MILLISECONDS);
  const date = {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
  if (date.year < MIN_CALENDAR_YEAR || date.year > MAX_CALENDAR_YEAR) {
    throw new RangeError(`Year out of range 1–9999: ${date.year}`);
  }
  return date;
}

// Returns the calendar date of a Date (read in Asia/Tokyo) or of an ISO date string.
export function calendarDateOf(date: Date | string): CalendarDate {
  if (date instanceof Date) {
    return tokyoCalendarDate(date);
  }
  return parseIsoDate(date);
}

// Returns the ISO date string of a Date (read in Asia/Tokyo) or validates and returns an ISO date string.
export function isoDateOf(date: Date | string): string {
  const { year, month, day } = calendarDateOf(date);
  return toIsoDate(year, month, day);
}
