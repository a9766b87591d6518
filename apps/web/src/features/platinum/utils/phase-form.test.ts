import { describe, expect, it } from 'vitest';
import type { Campaign } from '../types';
import { dayBefore, phaseInputsOf, phasesFromInputs, phasesWith, submissionAfter } from './phase-form';

const month = (iso: string, end: string) => ({ precision: 'month', start: iso, end });
const day = (iso: string) => ({ precision: 'day', start: iso, end: iso });

const campaign: Pick<Campaign, 'phases'> = {
  phases: [
    {
      phase: 'submission',
      span: { from: month('2024-06-01', '2024-06-30'), to: month('2024-07-01', '2024-07-31') },
      label: { ja: '6月〜7月', en: 'Jun – Jul' },
      timing: 'past',
    },
    {
      phase: 'trial',
      span: {
        from: { precision: 'quarter', start: '2025-01-01', end: '2025-03-31' },
        to: { precision: 'early', start: '2025-03-01', end: '2025-03-10' },
      },
      label: { ja: '', en: '' },
      timing: 'upcoming',
    },
  ],
};

describe('phase form', () => {
  it('reads a campaign’s phases into inputs and back without changing them', () => {
    const inputs = phaseInputsOf(campaign, ['submission', 'pt_formation', 'trial']);
    expect(inputs.submission).toEqual({
      isSet: true,
      from: { precision: 'month', month: '2024-06', day: '' },
      to: { precision: 'month', month: '2024-07', day: '' },
    });
    expect(inputs.pt_formation.isSet).toBe(false);
    // A quarter is shown as the month it starts in, so the phase still begins on the same day.
    expect(inputs.trial.from).toEqual({ precision: 'month', month: '2025-01', day: '' });
    const { phases, missing } = phasesFromInputs(inputs);
    expect(missing).toEqual([]);
    expect(phases.submission).toEqual(campaign.phases[0]!.span);
    expect(phases.pt_formation).toBeNull();
    expect(phases.trial?.from.start).toBe('2025-01-01');
    expect(phases.trial?.to).toEqual({ precision: 'early', start: '2025-03-01', end: '2025-03-10' });
  });

  it('lists set phases with an incomplete edge, and submission always counts as set', () => {
    const inputs = phaseInputsOf({ phases: [] }, ['submission', 'pt_formation']);
    inputs.pt_formation = {
      isSet: true,
      from: { precision: 'day', month: '', day: '2024-07-01' },
      to: { precision: 'month', month: '', day: '' },
    };
    expect(phasesFromInputs(inputs).missing).toEqual(['submission', 'pt_formation']);
  });

  it('replaces one phase and keeps the others', () => {
    const result = phasesWith(campaign, 'submission', { from: day('2024-06-01'), to: day('2024-06-02') });
    expect(result.submission?.to.start).toBe('2024-06-02');
    expect(result.trial).toEqual(campaign.phases[1]!.span);
  });

  it('opens today and closes yesterday without inventing a day', () => {
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    const upcoming = { from: day('2024-07-10'), to: month('2024-08-01', '2024-08-31') };
    expect(submissionAfter(upcoming, 'open', '2024-07-05')).toEqual({
      from: day('2024-07-05'),
      to: month('2024-08-01', '2024-08-31'),
    });
    // A month that began before today cannot follow today's date: it becomes its last day.
    const julyUpcoming = { from: month('2024-07-01', '2024-07-31'), to: month('2024-07-01', '2024-07-31') };
    expect(submissionAfter(julyUpcoming, 'open', '2024-06-30')?.to).toEqual(
      month('2024-07-01', '2024-07-31'),
    );
    expect(
      submissionAfter(
        { from: day('2024-07-10'), to: month('2024-07-01', '2024-07-31') },
        'open',
        '2024-07-05',
      )?.to,
    ).toEqual(day('2024-07-31'));
    const running = { from: month('2024-06-01', '2024-06-30'), to: month('2024-07-01', '2024-07-31') };
    expect(submissionAfter(running, 'close', '2024-06-15')).toEqual({
      from: day('2024-06-01'),
      to: day('2024-06-14'),
    });
    expect(submissionAfter(running, 'close', '2024-07-15')).toEqual({
      from: running.from,
      to: day('2024-07-14'),
    });
    expect(submissionAfter({ from: day('2024-07-05'), to: day('2024-07-31') }, 'close', '2024-07-05')).toBe(
      null,
    );
    expect(submissionAfter({ from: day('2024-07-05'), to: day('2024-07-06') }, 'open', '2024-07-20')).toEqual(
      {
        from: day('2024-07-20'),
        to: day('2024-07-20'),
      },
    );
  });
});
