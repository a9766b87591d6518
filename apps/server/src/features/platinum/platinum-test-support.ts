import { isoDateOf, preciseDate } from '@totonoe/domain';
import { expect } from 'vitest';
import type { TestApp, TestResponse } from '../../test/test-app.ts';

/** Test factories for the Platinum feature: campaigns open today, ideas, issues. */

const MILLISECONDS_PER_DAY = 86_400_000;

function dayOffset(days: number): { year: number; month: number; day: number } {
  const iso = isoDateOf(new Date(Date.now() + days * MILLISECONDS_PER_DAY));
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

function dayDate(days: number) {
  const { year, month, day } = dayOffset(days);
  return preciseDate('day', year, month, day);
}

/** Phases with submission open from yesterday for thirty days (or closed yesterday). */
export function phasesAroundToday(options: { isSubmissionOpen: boolean }) {
  const submission = options.isSubmissionOpen
    ? { from: dayDate(-1), to: dayDate(30) }
    : { from: dayDate(-60), to: dayDate(-1) };
  return { submission, pt_formation: { from: dayDate(31), to: dayDate(40) } };
}

export type Cookies = Record<string, string>;

/** Signs several demo users in at once. */
export async function signInAll(t: TestApp, logins: string[]): Promise<Cookies> {
  const cookies: Cookies = {};
  for (const login of logins) cookies[login] = await t.signIn(login);
  return cookies;
}

/** Opens a campaign as the reform office and returns its id. */
export async function createCampaign(
  t: TestApp,
  reformCookie: string,
  options: { isSubmissionOpen?: boolean; title?: string } = {},
): Promise<string> {
  const response = await t.call('POST', '/api/v1/campaigns', {
    cookie: reformCookie,
    body: {
      fiscalYear: Number(isoDateOf(new Date()).slice(0, 4)),
      title: options.title ?? 'テスト募集',
      themes: ['workstyle', 'office', 'rules'],
      phases: phasesAroundToday({ isSubmissionOpen: options.isSubmissionOpen ?? true }),
    },
  });
  expect(response.status, response.text).toBe(201);
  return (response.body as { id: string }).id;
}

/** Puts people on a campaign's PT as the reform office, looking them up by login. */
export async function addTeamMembers(
  t: TestApp,
  reformCookie: string,
  campaignId: string,
  userIds: string[],
) {
  for (const userId of userIds) {
    const response = await t.call('PUT', `/api/v1/campaigns/${campaignId}/team/${userId}`, {
      cookie: reformCookie,
    });
    expect(response.status, response.text).toBe(200);
  }
}

/** The id of a demo user, read straight from the database. */
export async function userIdOf(t: TestApp, login: string): Promise<string> {
  const result = await t.database.pool.query('select id from users where login = $1', [login]);
  return result.rows[0].id;
}

/** The id of a demo org unit by code. */
export async function orgUnitIdOf(t: TestApp, code: string): Promise<string> {
  const result = await t.database.pool.query('select id from org_units where code = $1', [code]);
  return result.rows[0].id;
}

export type IdeaInput = {
  theme?: 'workstyle' | 'office' | 'rules';
  title?: string;
  problem?: string;
  proposal?: string;
  expectedEffect?: string;
  isAnonymous?: boolean;
};

/** Submits an idea and returns the response body. */
export async function submitIdea(t: TestApp, cookie: string, campaignId: string, input: IdeaInput = {}) {
  const response = await t.call('POST', '/api/v1/ideas', {
    cookie,
    body: {
      campaignId,
      theme: input.theme ?? 'workstyle',
      title: input.title ?? 'テレワークの申請を簡単にしたい',
      problem: input.problem ?? '申請書が紙で、毎回上司の押印が必要です。',
      proposal: input.proposal ?? '電子申請にして、承認をワンクリックにする。',
      expectedEffect: input.expectedEffect ?? '申請の手間が減ります。',
      isAnonymous: input.isAnonymous ?? false,
    },
  });
  expect(response.status, response.text).toBe(201);
  return response.body as { id: string; number: number; version: number };
}

/** Creates an issue from ideas as a PT member and returns its body. */
export async function createIssue(
  t: TestApp,
  cookie: string,
  campaignId: string,
  ideaIds: string[],
  title = '申請手続の簡素化',
) {
  const response = await t.call('POST', '/api/v1/issues', {
    cookie,
    body: { campaignId, theme: 'workstyle', title, summary: 'まとめ', ideaIds },
  });
  expect(response.status, response.text).toBe(201);
  return response.body as { id: string; version: number };
}

/** The body of a response as an object. */
export function bodyOf<T = Record<string, unknown>>(response: TestResponse): T {
  return response.body as T;
}

/** Counts rows of a table matching a where clause (for "nothing else changed" checks). */
export async function countRows(
  t: TestApp,
  table: string,
  where = 'true',
  values: unknown[] = [],
): Promise<number> {
  const result = await t.database.pool.query(
    `select count(*)::int as n from ${table} where ${where}`,
    values,
  );
  return result.rows[0].n;
}
