import type { Language } from './i18n/language';

const TIME_ZONE = 'Asia/Tokyo';

function localeOf(language: Language): string {
  return language === 'ja' ? 'ja-JP' : 'en-GB';
}

/** A calendar date `YYYY-MM-DD` (or the date part of a timestamp) as a Date at noon in Tokyo. */
function dateOnly(value: string): Date {
  return new Date(`${value.slice(0, 10)}T12:00:00+09:00`);
}

/**
 * 2024年7月22日(月) / Mon 22 Jul 2024 — for calendar dates, which never shift with the time zone.
 * Without the weekday for dates that are not events (e.g. when an org unit takes effect).
 */
export function formatDate(
  value: string,
  language: Language,
  { weekday = true }: { weekday?: boolean } = {},
): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    year: 'numeric',
    month: language === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: weekday ? 'short' : undefined,
    timeZone: TIME_ZONE,
  }).format(dateOnly(value));
}

/** 2024/07/22 14:03:05 — an instant shown in Tokyo time. */
export function formatDateTime(value: string, language: Language): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(localeOf(language), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: TIME_ZONE,
  }).format(date);
}

/** October 2024 — the month of a calendar date, in English (Japanese labels come from the server). */
export function formatMonth(value: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    year: 'numeric',
    month: 'long',
    timeZone: TIME_ZONE,
  }).format(dateOnly(value));
}

/** Today's date in Tokyo as `YYYY-MM-DD`. */
export function todayInTokyo(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
}

/** `YYYY-MM-DD` (a day in Tokyo) → the ISO instant where that day starts, or where it ends. */
export function tokyoDayBoundary(value: string, edge: 'start' | 'end'): string {
  const start = new Date(`${value}T00:00:00+09:00`);
  if (edge === 'start') return start.toISOString();
  return new Date(start.getTime() + 24 * 60 * 60 * 1000 - 1).toISOString();
}

export function formatCount(value: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}
