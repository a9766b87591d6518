import type { Context } from 'hono';
import type { AppEnv, CurrentUser } from '../../lib/context.ts';
import { type CacheTopic, cachedJson } from '../../lib/response-cache.ts';

/**
 * Cached answers of 経営分析 (lib/response-cache.ts). What an analysis answer shows depends on who
 * asks only through the roles its policy reads, so an answer is cached per visibility class, never
 * per person:
 * - 'public': no session (published analyses only, reported versions only);
 * - the reform office and executives (everything), each one class;
 * - department staff and bureau heads: one class per set of org units their scoped roles name (an
 *   analysis's owning department sees its working copy; another bureau's staff read what is reported);
 * - other signed-in staff: read-only what is reported.
 * The class is made of the grants themselves, so a person whose roles change changes class at once.
 * Topics (drizzle/0027 and 0031, bumped by triggers in the writer's transaction):
 * 'analysis:<id>' for everything written about one analysis (row triggers), 'cluster_register'
 * (0005: clusters as they stood, owners, org units, fiscal years, analyses; and due meetings and
 * stage moves) and 'analysis_refs' (meetings, settings, display names). An analysis write takes one
 * shared topic row only, after its own, so concurrent writers never wait on each other in a cycle.
 * Drafts being typed are never cached.
 */
export function analysisVisibilityClass(user: CurrentUser | null): string {
  if (!user) return 'public';
  const grants = new Set<string>();
  for (const grant of user.roles) {
    if (grant.role === 'reform_office' || grant.role === 'executive') grants.add(grant.role);
    else if ((grant.role === 'department_staff' || grant.role === 'bureau_head') && grant.orgUnitId) {
      grants.add(`${grant.role}@${grant.orgUnitId}`);
    }
  }
  return ['signed-in', ...[...grants].sort()].join(',');
}

/** The topics of one analysis's answers. */
export function analysisTopics(analysisId: string): CacheTopic[] {
  return [`analysis:${analysisId}`, 'cluster_register', 'analysis_refs'];
}

/** The topics of the year's analysis plan. */
export const ANALYSIS_PLAN_TOPICS: CacheTopic[] = ['cluster_register', 'analysis_refs'];

/** Serves one analysis's answer (`part` names which) from cache for the asker's visibility class. */
export function cachedAnalysisJson(
  c: Context<AppEnv>,
  options: { analysisId: string; part: string; build: () => Promise<unknown> },
): Promise<Response> {
  // Topics name the id as PostgreSQL prints it; an id asked for in capitals must not miss its bumps.
  const analysisId = options.analysisId.toLowerCase();
  return cachedJson(c, {
    key: `analysis:${analysisId}:${options.part}:${analysisVisibilityClass(c.get('user'))}`,
    topics: analysisTopics(analysisId),
    build: options.build,
  });
}
