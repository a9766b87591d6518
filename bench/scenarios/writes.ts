// Write scenarios: staff supporting ideas and submitting them, each connection signed in as its own
// person. The supports are checked afterwards against the database (no lost or doubled support).

import { SESSION_COOKIE } from '../lib/api.ts';
import type { Prepared } from '../lib/prepare.ts';

export type WriteJob = {
  url: string;
  connections: number;
  amount: number;
  /** Requests a second offered across all connections; none: each connection as fast as it can. */
  overallRate?: number;
  /** Stops after this long even if not every request was sent (a slow machine ends the run in time). */
  maxSeconds?: number;
  perConnection: {
    headers: Record<string, string>;
    requests: { method: string; path: string; body?: unknown }[];
  }[];
};

/** Every twentieth request repeats the one before: a double click must still count once. */
const REPEAT_EVERY = 20;

/**
 * Supports, offered at `overallRate` a second by 200 people together (the target: 1,000 a second
 * with p95 ≤ 50 ms; a closed loop of 200 connections would instead measure queueing). Writer i walks the ideas from its own offset, so no two of its requests name the same
 * idea except the deliberate repeats; the answers tell added (201) from already there (200).
 */
export function supportJob(
  url: string,
  prepared: Prepared,
  requested: number,
  overallRate?: number,
): WriteJob {
  const writers = prepared.sessions.writers;
  const ideas = prepared.supportIdeaIds;
  if (ideas.length === 0) throw new Error('no idea left to support');
  const amount = Math.min(requested, writers.length * ideas.length);
  const perWriter = Math.min(ideas.length, Math.ceil((amount / writers.length) * 2) + REPEAT_EVERY);
  return {
    url,
    connections: writers.length,
    amount,
    overallRate,
    perConnection: writers.map((token, writer) => {
      const requests: WriteJob['perConnection'][number]['requests'] = [];
      for (let step = 0; requests.length < perWriter; step++) {
        const idea = ideas[(writer * 7 + step) % ideas.length]!;
        requests.push({ method: 'PUT', path: `/api/v1/ideas/${idea}/supports` });
        if (requests.length % REPEAT_EVERY === REPEAT_EVERY - 1)
          requests.push({ method: 'PUT', path: `/api/v1/ideas/${idea}/supports` });
      }
      return { headers: { cookie: `${SESSION_COOKIE}=${token}` }, requests };
    }),
  };
}

/** Submissions: every writer sends ideas of its own to the open campaign. */
export function submissionJob(url: string, prepared: Prepared, amount: number): WriteJob {
  const writers = prepared.sessions.writers;
  const perWriter = Math.ceil((amount / writers.length) * 2) + 1;
  const themes = ['workstyle', 'office', 'rules'];
  return {
    url,
    connections: writers.length,
    amount,
    perConnection: writers.map((token, writer) => ({
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
      requests: Array.from({ length: perWriter }, (_, index) => ({
        method: 'POST',
        path: '/api/v1/ideas',
        body: {
          campaignId: prepared.openCampaignId,
          theme: themes[(writer + index) % themes.length],
          title: `負荷試験のアイデア ${writer + 1}-${index + 1}: 会議資料を電子化する`,
          problem: '会議のたびに資料を印刷しており、準備に時間がかかっている。',
          proposal: '資料は共有フォルダに置き、会議ではタブレットで見る。まずは一つの局で試行する。',
          expectedEffect: '印刷と製本にかかる時間と用紙代の削減。',
          isAnonymous: index % 5 === 0,
        },
      })),
    })),
  };
}
