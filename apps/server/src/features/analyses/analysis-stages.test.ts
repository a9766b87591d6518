import { ANALYSIS_STAGES, type AnalysisStage, nextAnalysisStages } from '@totonoe/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { type AnalysisFixtures, analysisFixtures, countFor } from './analysis-test-support.ts';

let t: TestApp;
let f: AnalysisFixtures;
beforeAll(async () => {
  t = await createTestApp();
  f = await analysisFixtures(t);
});
afterAll(async () => {
  await t.close();
});

const REPORTS = ['progress_reported', 'direction_reported', 'final_reported'];

/** The most helpful body for a move to a stage: a meeting for reports and a kind for directions. */
function bestBody(to: AnalysisStage, meetingSequence: number) {
  return {
    to,
    meetingId: REPORTS.includes(to) ? f.meetingId(meetingSequence) : null,
    directionKind: to === 'direction_reported' ? 'budget' : null,
    note: '',
  };
}

/**
 * Tries every move from the analysis's stage except `except`, each with the submission it would
 * need accepted where that is possible, and checks that each is refused and changes nothing.
 */
async function expectOtherMovesRefused(analysisId: string, except: AnalysisStage | null) {
  const before = await f.detail(analysisId);
  const from = before.stage as AnalysisStage;
  for (const to of ANALYSIS_STAGES) {
    if (to === except) continue;
    const isNext = nextAnalysisStages(from).includes(to);
    if (isNext) continue; // legal moves are exercised by the walk itself
    const transitionsBefore = await countFor(t, 'analysis_transitions', analysisId);
    const response = await f.write(
      'reform',
      'POST',
      `/api/v1/analyses/${analysisId}/transitions`,
      analysisId,
      bestBody(to, 3),
    );
    expect(response.status, `${from} → ${to}: ${response.text}`).toBe(409);
    expect((response.body as { code: string }).code).toBe('invalid_transition');
    const after = await f.detail(analysisId);
    expect(after.stage).toBe(from);
    expect(after.version).toBe(before.version);
    expect(await countFor(t, 'analysis_transitions', analysisId)).toBe(transitionsBefore);
  }
}

describe('every stage move through the API', () => {
  it('walks planned → started → 経過報告 → 方向性報告 ×2 → 最終報告 → follow-up, refusing every illegal move on the way', async () => {
    const id = await f.plan(24);
    await expectOtherMovesRefused(id, null);
    let detail = await f.move(id, { to: 'started', meetingId: f.meetingId(0), note: '着手' });
    expect(detail.stage).toBe('started');

    await expectOtherMovesRefused(id, null);
    await f.acceptReport(id, 'progress_reported');
    detail = await f.move(id, { to: 'progress_reported', meetingId: f.meetingId(1) });
    expect(detail.stage).toBe('progress_reported');
    expect(detail.reviewStatus).toBe('draft');
    expect(detail.transitions.at(-1)).toMatchObject({
      toStage: 'progress_reported',
      meeting: { sequence: 1 },
    });

    await expectOtherMovesRefused(id, null);
    await f.acceptReport(id, 'direction_reported');
    detail = await f.move(id, {
      to: 'direction_reported',
      meetingId: f.meetingId(3),
      directionKind: 'budget',
    });
    expect(detail.stage).toBe('direction_reported');

    await expectOtherMovesRefused(id, null);
    await f.acceptReport(id, 'direction_reported');
    detail = await f.move(id, {
      to: 'direction_reported',
      meetingId: f.meetingId(4),
      directionKind: 'institutional',
    });
    expect(detail.transitions.filter((move) => move.toStage === 'direction_reported')).toHaveLength(2);

    await f.acceptReport(id, 'final_reported');
    detail = await f.move(id, { to: 'final_reported', meetingId: f.meetingId(5) });
    expect(detail.stage).toBe('final_reported');

    await expectOtherMovesRefused(id, null);
    detail = await f.move(id, { to: 'follow_up' });
    expect(detail.stage).toBe('follow_up');
    await expectOtherMovesRefused(id, null);

    // Each report consumed its version, which is now the one reported at that meeting.
    expect(
      detail.transitions.map((move) => [move.toStage, move.meeting?.sequence ?? null, move.versionNumber]),
    ).toEqual([
      ['started', 0, null],
      ['progress_reported', 1, 1],
      ['direction_reported', 3, 2],
      ['direction_reported', 4, 3],
      ['final_reported', 5, 4],
      ['follow_up', null, null],
    ]);
  });

  it('lets an analysis skip the interim progress report: started → 方向性報告', async () => {
    const id = await f.plan(26);
    await f.move(id, { to: 'started' });
    await f.acceptReport(id, 'direction_reported');
    const detail = await f.move(id, {
      to: 'direction_reported',
      meetingId: f.meetingId(3),
      directionKind: 'institutional',
    });
    expect(detail.stage).toBe('direction_reported');
  });

  it('refuses planned → final_reported, and a report without an accepted submission', async () => {
    const id = await f.plan(27);
    const direct = await f.write(
      'reform',
      'POST',
      `/api/v1/analyses/${id}/transitions`,
      id,
      bestBody('final_reported', 5),
    );
    expect(direct.status).toBe(409);
    expect((direct.body as { messages: { ja: string } }).messages.ja).toContain('移行できません');
    await f.move(id, { to: 'started' });
    const early = await f.write(
      'reform',
      'POST',
      `/api/v1/analyses/${id}/transitions`,
      id,
      bestBody('progress_reported', 1),
    );
    expect(early.status).toBe(409);
    expect((early.body as { messages: { ja: string } }).messages.ja).toContain('受理');
  });

  it('explains each other refusal: pending review, wrong report, no meeting, no direction kind, a kind where none belongs', async () => {
    const id = await f.plan(28);
    await f.move(id, { to: 'started' });
    const submit = await f.write('kodomo-staff', 'POST', `/api/v1/analyses/${id}/review`, id, {
      action: 'submit',
      report: 'direction_reported',
    });
    expect(submit.status).toBe(200);
    // An accepted report is needed; a submitted one is not enough.
    const pending = await f.write(
      'reform',
      'POST',
      `/api/v1/analyses/${id}/transitions`,
      id,
      bestBody('direction_reported', 3),
    );
    expect(pending.status).toBe(409);
    await f.write('kodomo-head', 'POST', `/api/v1/analyses/${id}/review`, id, { action: 'approve' });
    await f.write('reform', 'POST', `/api/v1/analyses/${id}/review`, id, { action: 'accept' });
    const cases: [Record<string, unknown>, string][] = [
      [bestBody('progress_reported', 1), '別の報告'],
      [{ to: 'direction_reported', meetingId: null, directionKind: 'budget' }, 'X会議'],
      [{ to: 'direction_reported', meetingId: f.meetingId(3), directionKind: null }, '種別'],
    ];
    for (const [body, fragment] of cases) {
      const response = await f.write('reform', 'POST', `/api/v1/analyses/${id}/transitions`, id, body);
      expect(response.status, JSON.stringify(body)).toBe(409);
      expect((response.body as { messages: { ja: string } }).messages.ja).toContain(fragment);
    }
    const other = await f.plan(29);
    const kind = await f.write('reform', 'POST', `/api/v1/analyses/${other}/transitions`, other, {
      to: 'started',
      directionKind: 'budget',
    });
    expect(kind.status).toBe(409);
    expect(await countFor(t, 'analysis_transitions', id)).toBe(1);
  });

  it('refuses a meeting of another fiscal year or one that does not exist, writing nothing', async () => {
    const id = await f.plan(30);
    await f.move(id, { to: 'started' });
    await f.acceptReport(id, 'progress_reported');
    const missing = await f.write('reform', 'POST', `/api/v1/analyses/${id}/transitions`, id, {
      to: 'progress_reported',
      meetingId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.status).toBe(422);
    const before = await f.detail(id);
    expect(before.stage).toBe('started');
    expect(before.reviewStatus).toBe('accepted');
    expect(await countFor(t, 'analysis_transitions', id)).toBe(1);
  });

  it('records the date: the meeting’s date by default, or the one given', async () => {
    const id = await f.plan(31);
    await f.move(id, { to: 'started', reportedOn: '2024-06-10' });
    await f.acceptReport(id, 'progress_reported');
    await f.move(id, { to: 'progress_reported', meetingId: f.meetingId(2) });
    const transitions = await t.call('GET', `/api/v1/analyses/${id}/transitions`, {
      cookie: await f.cookie('staff1'),
    });
    expect(transitions.status).toBe(200);
    const items = (transitions.body as { items: { reportedOn: string | null; actor: unknown }[] }).items;
    expect(items.map((item) => item.reportedOn)).toEqual(['2024-06-10', '2024-08-21']);
    expect(items[1]!.actor).toEqual({ displayName: '改革 太郎' });
  });

  it('rejects a malformed move with 400 and an unknown stage name', async () => {
    const id = await f.plan(32);
    for (const body of [
      { to: 'done' },
      { to: 'started', extra: 1 },
      { to: 'started', reportedOn: '2024-02-30' },
      {},
    ]) {
      const response = await f.write('reform', 'POST', `/api/v1/analyses/${id}/transitions`, id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect(await countFor(t, 'analysis_transitions', id)).toBe(0);
  });

  it('needs If-Match and refuses a stale one', async () => {
    const id = await f.plan(33);
    const cookie = await f.cookie('reform');
    const without = await t.call('POST', `/api/v1/analyses/${id}/transitions`, {
      cookie,
      body: { to: 'started' },
    });
    expect(without.status).toBe(428);
    const stale = await t.call('POST', `/api/v1/analyses/${id}/transitions`, {
      cookie,
      body: { to: 'started' },
      headers: { 'if-match': '"999"' },
    });
    expect(stale.status).toBe(412);
    expect((await f.detail(id)).stage).toBe('planned');
  });

  it('offers exactly the moves that will work to the person asking', async () => {
    const id = await f.plan(35);
    const asReform = await f.detail(id);
    expect(asReform.permissions.stageMoves).toEqual(['started']);
    const asStaff = await t.call('GET', `/api/v1/analyses/${id}`, { cookie: await f.cookie('kodomo-staff') });
    expect((asStaff.body as { permissions: { stageMoves: string[] } }).permissions.stageMoves).toEqual([
      'started',
    ]);
    await f.move(id, { to: 'started' });
    expect((await f.detail(id)).permissions.stageMoves).toEqual([]);
    await f.acceptReport(id, 'progress_reported');
    expect((await f.detail(id)).permissions.stageMoves).toEqual(['progress_reported']);
  });
});
