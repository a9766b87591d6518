import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { escapeText, foldLine } from './icalendar.ts';

let t: TestApp;
let reform: string;

type ParsedEvent = {
  summary: string;
  start: string;
  end: string;
  isDate: boolean;
  uid: string;
  status: string;
};

function parseEvents(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      isDate: event.startDate.isDate,
      uid: event.uid,
      status: String(component.getFirstPropertyValue('status')),
    };
  });
}

beforeAll(async () => {
  t = await createTestApp();
  reform = await t.signIn('reform');
});
afterAll(async () => {
  await t.close();
});

describe('the public iCalendar feed', () => {
  it('parses with ical.js and holds the six FY2024 meetings; 10月上旬 is an all-day span of 1–10 October', async () => {
    const response = await t.call('GET', '/api/v1/meetings.ics?fy=2024');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const events = parseEvents(response.text);
    expect(events).toHaveLength(6);
    const third = events.find((event) => event.summary.startsWith('第3回X会議'))!;
    expect(third).toMatchObject({
      summary: '第3回X会議（10月上旬）',
      start: '2024-10-01',
      end: '2024-10-11',
      isDate: true,
    });
    expect(third.status).toBe('TENTATIVE');
    expect(events.find((event) => event.summary.startsWith('第5回'))).toMatchObject({
      summary: '第5回X会議（12月下旬）',
      start: '2024-12-21',
      end: '2025-01-01',
    });
    expect(events.find((event) => event.summary === 'キックオフMTG')).toMatchObject({
      start: '2024-06-04',
      end: '2024-06-05',
    });
    // 第1回 was held with a start and end time: a timed event in UTC (10:00 JST = 01:00Z).
    expect(events.find((event) => event.summary === '第1回X会議')).toMatchObject({
      start: '2024-07-22T01:00:00Z',
      end: '2024-07-22T02:30:00Z',
      isDate: false,
      status: 'CONFIRMED',
    });
    expect(new Set(events.map((event) => event.uid)).size).toBe(6);
  });

  it('is RFC 5545 text: CRLF line ends, lines of at most 75 octets, nothing signed-in only', async () => {
    const text = (await t.call('GET', '/api/v1/meetings.ics?fy=2024')).text;
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).toContain('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:');
    expect(text).toContain('URL:http://totonoe.test/public/meetings/');
  });

  it('leaves out closed meetings, even for a signed-in employee', async () => {
    await t.call('POST', '/api/v1/meetings', {
      cookie: reform,
      body: {
        fiscalYear: 2024,
        sequence: 12,
        title: '非公開の検討会',
        planned: { precision: 'day', start: '2025-03-03', end: '2025-03-03' },
        isPublic: false,
      },
    });
    const anonymous = (await t.call('GET', '/api/v1/meetings.ics?fy=2024')).text;
    const signedIn = (await t.call('GET', '/api/v1/meetings.ics?fy=2024', { cookie: reform })).text;
    expect(anonymous).not.toContain('非公開の検討会');
    expect(signedIn).not.toContain('非公開の検討会');
    expect((await t.call('GET', '/api/v1/meetings.ics?fy=1999')).status).toBe(404);
  });
});

describe('the private feed', () => {
  it('issues a URL shown once, serves every meeting the user may see, and stops at once when revoked', async () => {
    const staff = await t.signIn('staff1');
    expect((await t.call('GET', '/api/v1/calendar-feed', { cookie: staff })).body).toMatchObject({
      isActive: false,
    });
    const issued = await t.call('POST', '/api/v1/calendar-feed', { cookie: staff });
    expect(issued.status).toBe(201);
    const url = new URL((issued.body as { url: string }).url);
    expect(url.pathname).toMatch(/^\/api\/v1\/calendar-feed\/[A-Za-z0-9_-]{43}\.ics$/);
    // Only a hash of the token is stored.
    const token = url.pathname.split('/').pop()!.replace('.ics', '');
    const stored = await t.database.pool.query('select token_hash from calendar_feed_tokens');
    expect(stored.rows.some((row) => row.token_hash === token)).toBe(false);

    const feed = await t.call('GET', url.pathname);
    expect(feed.status).toBe(200);
    const events = parseEvents(feed.text);
    expect(events.some((event) => event.summary === '非公開の検討会')).toBe(true);
    expect(feed.text).toContain('URL:http://totonoe.test/meetings/');
    expect((await t.call('GET', '/api/v1/calendar-feed', { cookie: staff })).body).toMatchObject({
      isActive: true,
    });

    // A new URL replaces the old one.
    const again = await t.call('POST', '/api/v1/calendar-feed', { cookie: staff });
    expect((await t.call('GET', url.pathname)).status).toBe(404);
    const second = new URL((again.body as { url: string }).url).pathname;
    expect((await t.call('GET', second)).status).toBe(200);
    expect((await t.call('DELETE', '/api/v1/calendar-feed', { cookie: staff })).status).toBe(204);
    expect((await t.call('GET', second)).status).toBe(404);
  });

  it('refuses malformed tokens and works for no deactivated user', async () => {
    expect((await t.call('GET', '/api/v1/calendar-feed/short.ics')).status).toBe(400);
    expect((await t.call('GET', `/api/v1/calendar-feed/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await t.call('POST', '/api/v1/calendar-feed')).status).toBe(401);
    const staff2 = await t.signIn('staff2');
    const issued = new URL(
      ((await t.call('POST', '/api/v1/calendar-feed', { cookie: staff2 })).body as { url: string }).url,
    );
    await t.database.pool.query("update users set is_active = false where login = 'staff2'");
    expect((await t.call('GET', issued.pathname)).status).toBe(404);
  });
});

describe('writing iCalendar by hand', () => {
  it('escapes TEXT values', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'議'.repeat(40)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(parts.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });
});
