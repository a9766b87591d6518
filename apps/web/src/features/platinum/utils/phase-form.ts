import type { Campaign, Phase, PreciseDate } from '../types';
import { INPUT_PRECISIONS, type InputPrecision, preciseDateFromInput } from './precise-date-input';

/** One edge (start or end) of a phase as the form holds it: the unit, a month (YYYY-MM) and a day (YYYY-MM-DD). */
export type EdgeInput = { precision: InputPrecision; month: string; day: string };

/** A phase as the form holds it; `isSet` false leaves the step without dates. */
export type PhaseInput = { isSet: boolean; from: EdgeInput; to: EdgeInput };

export type PhaseSpan = { from: PreciseDate; to: PreciseDate };

const emptyEdge: EdgeInput = { precision: 'month', month: '', day: '' };

// A stored date the form cannot show as it is (quarter, half, year) is shown as the month it starts (from) or ends (to) in,
// so the days the phase covers stay the same.
function edgeInputOf(date: PreciseDate, edge: 'from' | 'to'): EdgeInput {
  if ((INPUT_PRECISIONS as readonly string[]).includes(date.precision)) {
    const precision = date.precision as InputPrecision;
    return {
      precision,
      month: date.start.slice(0, 7),
      day: precision === 'day' ? date.start : '',
    };
  }
  const iso = edge === 'from' ? date.start : date.end;
  return { precision: 'month', month: iso.slice(0, 7), day: '' };
}

/** The form's starting values for each phase of a campaign (unset phases empty). */
export function phaseInputsOf(campaign: Pick<Campaign, 'phases'>, phases: readonly Phase[]) {
  const result = {} as Record<Phase, PhaseInput>;
  for (const phase of phases) {
    const found = campaign.phases.find((item) => item.phase === phase);
    result[phase] = found
      ? { isSet: true, from: edgeInputOf(found.span.from, 'from'), to: edgeInputOf(found.span.to, 'to') }
      : { isSet: false, from: { ...emptyEdge }, to: { ...emptyEdge } };
  }
  return result;
}

/** The precise date an edge describes, or null when incomplete. */
export function edgeDate(edge: EdgeInput): PreciseDate | null {
  return preciseDateFromInput(edge.precision, edge.month, edge.day);
}

/**
 * The phases to send: every set phase with both edges complete; `missing` lists the set phases
 * whose start or end is incomplete (submission always counts as set).
 */
export function phasesFromInputs(inputs: Record<Phase, PhaseInput>): {
  phases: Partial<Record<Phase, PhaseSpan | null>>;
  missing: Phase[];
} {
  const phases: Partial<Record<Phase, PhaseSpan | null>> = {};
  const missing: Phase[] = [];
  for (const [phase, input] of Object.entries(inputs) as [Phase, PhaseInput][]) {
    if (!input.isSet && phase !== 'submission') {
      phases[phase] = null;
      continue;
    }
    const from = edgeDate(input.from);
    const to = edgeDate(input.to);
    if (from && to) phases[phase] = { from, to };
    else missing.push(phase);
  }
  return { phases, missing };
}

/** The campaign's phases as the API takes them, with one phase replaced. */
export function phasesWith(
  campaign: Pick<Campaign, 'phases'>,
  phase: Phase,
  span: PhaseSpan,
): Partial<Record<Phase, PhaseSpan>> {
  const result: Partial<Record<Phase, PhaseSpan>> = {};
  for (const item of campaign.phases) result[item.phase] = item.span;
  result[phase] = span;
  return result;
}

/** The ISO day before another (YYYY-MM-DD). */
export function dayBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

const dayDate = (iso: string): PreciseDate => ({ precision: 'day', start: iso, end: iso });

/**
 * The submission span after "open today" or "close now", or null when that cannot be done without
 * inventing a day: opening makes today the first day (the end stays when it is still ahead);
 * closing makes yesterday the last day, which needs the span to have begun before today.
 */
export function submissionAfter(span: PhaseSpan, action: 'open' | 'close', today: string): PhaseSpan | null {
  // A span's second date may not begin or end before its first, so a coarse edge becomes the day it begins or ends.
  if (action === 'open') {
    const to =
      span.to.start >= today ? span.to : span.to.end >= today ? dayDate(span.to.end) : dayDate(today);
    return { from: dayDate(today), to };
  }
  const yesterday = dayBefore(today);
  if (span.from.start > yesterday) return null;
  const from = span.from.end > yesterday ? dayDate(span.from.start) : span.from;
  return { from, to: dayDate(yesterday) };
}
