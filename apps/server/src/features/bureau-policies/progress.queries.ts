import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  bureauPolicies,
  bureauPolicyConsultations,
  bureauPolicyVersions,
  orgUnits,
} from '../../db/schema/index.ts';

/**
 * The bureau X policies of a fiscal year (optionally of some org units) as their latest version
 * stands on the 決裁 route, in org-unit order: for the progress dashboard and report. The text of
 * a policy is not read here. With each: the title of its published version (what a reader who may
 * not read drafts opens) and the units consulted (合議) in the latest version's current round, who
 * may read that draft.
 */
export async function listPolicyStatesOfYear(
  db: Executor,
  options: { fiscalYear: number; orgUnitIds?: string[] },
) {
  if (options.orgUnitIds && options.orgUnitIds.length === 0) return [];
  const conditions: SQL[] = [eq(bureauPolicies.fiscalYear, options.fiscalYear)];
  if (options.orgUnitIds) conditions.push(inArray(bureauPolicies.orgUnitId, options.orgUnitIds));
  return db
    .select({
      id: bureauPolicies.id,
      orgUnitId: bureauPolicies.orgUnitId,
      orgUnitName: orgUnits.name,
      title: bureauPolicyVersions.title,
      versionNumber: bureauPolicyVersions.versionNumber,
      status: bureauPolicyVersions.status,
      approvedAt: bureauPolicyVersions.approvedAt,
      publishedVersionNumber: bureauPolicies.publishedVersionNumber,
      publishedAt: bureauPolicyVersions.publishedAt,
      publishedTitle: sql<string | null>`(
        select published.title from ${bureauPolicyVersions} published
        where published.policy_id = ${bureauPolicies.id}
          and published.version_number = ${bureauPolicies.publishedVersionNumber})`,
      consultedUnitIds: sql<string[]>`array(
        select consulted.org_unit_id from ${bureauPolicyConsultations} consulted
        where consulted.version_id = ${bureauPolicyVersions.id}
          and consulted.round = ${bureauPolicyVersions.consultationRound})`,
    })
    .from(bureauPolicies)
    .innerJoin(orgUnits, eq(orgUnits.id, bureauPolicies.orgUnitId))
    .innerJoin(
      bureauPolicyVersions,
      and(
        eq(bureauPolicyVersions.policyId, bureauPolicies.id),
        eq(bureauPolicyVersions.versionNumber, bureauPolicies.latestVersionNumber),
      ),
    )
    .where(and(...conditions))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code));
}
