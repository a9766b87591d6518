import { paths } from '@/config/paths';
import type { DashboardMetric, RecordLinkType } from '../types';

type PathEntry = { path: string };

/** Looks a route path up by name; streams add theirs to config/paths.ts as their screens land. */
function pathNamed(name: string): string | null {
  return (paths as unknown as Record<string, PathEntry | undefined>)[name]?.path ?? null;
}

const DETAIL_ROUTES: Record<RecordLinkType, { name: string; param: string } | null> = {
  cluster: null,
  analysis: { name: 'analysis', param: '$analysisId' },
  meeting: { name: 'meeting', param: '$meetingId' },
  bureau_policy: { name: 'policy', param: '$policyId' },
  initiative: { name: 'initiative', param: '$initiativeId' },
  effect: null,
  platinum_issue: { name: 'platinumIssue', param: '$issueId' },
  platinum_idea: { name: 'platinumIdea', param: '$ideaId' },
  need: { name: 'need', param: '$needId' },
};

/**
 * The web page of a record the dashboard lists: its own page when the stream has one, otherwise
 * the stream's list (clusters and effect lines have no page of their own).
 */
export function recordHref(link: { type: RecordLinkType; id: string }, fiscalYear?: number): string {
  const route = DETAIL_ROUTES[link.type];
  const pattern = route ? pathNamed(route.name) : null;
  if (route && pattern) return pattern.replace(route.param, encodeURIComponent(link.id));
  if (link.type === 'effect') return pathNamed('effects') ?? paths.home.path;
  return fiscalYear ? `${paths.clusters.path}?fy=${fiscalYear}` : paths.clusters.path;
}

const METRICS: readonly DashboardMetric[] = [
  'analyses',
  'clusters',
  'meetings',
  'policies',
  'initiatives',
  'effects',
  'platinum',
  'needs',
];

/** Whether a value is a figure the dashboard knows. */
export function isDashboardMetric(value: unknown): value is DashboardMetric {
  return typeof value === 'string' && (METRICS as readonly string[]).includes(value);
}

/** Reads the dashboard pages' search parameters, dropping anything malformed. */
export function validateDashboardSearch(search: Record<string, unknown>): {
  fy?: number | undefined;
  orgUnit?: string | undefined;
  metric?: DashboardMetric | undefined;
  key?: string | undefined;
} {
  const fy = typeof search.fy === 'string' ? Number(search.fy) : search.fy;
  const orgUnit =
    typeof search.orgUnit === 'string' && /^[0-9a-f-]{36}$/i.test(search.orgUnit)
      ? search.orgUnit
      : undefined;
  const key = typeof search.key === 'string' && /^[a-z_:]{1,80}$/.test(search.key) ? search.key : undefined;
  return {
    fy: typeof fy === 'number' && Number.isInteger(fy) && fy >= 1989 && fy <= 2100 ? fy : undefined,
    orgUnit,
    metric: isDashboardMetric(search.metric) ? search.metric : undefined,
    key,
  };
}
