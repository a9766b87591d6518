import type { LocalizedText } from '@/types/api';

export const SCHEDULE_LANES = [
  'x_meeting',
  'bureau_policy',
  'voluntary_reform',
  'analysis',
  'platinum',
] as const;
export type ScheduleLane = (typeof SCHEDULE_LANES)[number];

export const PRECISIONS = ['day', 'early', 'mid', 'late', 'month', 'quarter', 'half', 'year'] as const;
export type Precision = (typeof PRECISIONS)[number];

export type ScheduleSpan = { precision: Precision; start: string; end: string };

export type ScheduleLinkType = 'meeting' | 'analysis' | 'cluster' | 'platinum_campaign';

/** One entry of `GET /api/v1/schedule`. */
export type ScheduleEntry = {
  id: string;
  lane: ScheduleLane;
  label: string;
  span: ScheduleSpan;
  spanLabel: LocalizedText;
  source: 'meeting' | 'analysis_due' | 'platinum_phase' | 'office';
  isMilestone: boolean;
  isDone: boolean;
  isSpanningYear: boolean;
  link: { type: ScheduleLinkType; id: string } | null;
  /** Hand-kept entries carry their version (If-Match); generated ones have none. */
  version: number | null;
};

export type Schedule = {
  fiscalYear: number;
  today: string;
  lanes: { code: ScheduleLane; label: LocalizedText }[];
  entries: ScheduleEntry[];
};

export type ScheduleEntryInput = {
  lane: ScheduleLane;
  label: string;
  span: ScheduleSpan;
  isSpanningYear: boolean;
};

export type ScheduleSearch = { fy?: number | undefined; from?: number | undefined };
