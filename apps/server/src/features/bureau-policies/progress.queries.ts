import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { bureauPolicies, bureauPolicyVersions, orgUnits } from '../../db/schema/index.ts';

/**
 * The bureau X policies of a fiscal year (optionally of some org units) as their latest version
 * stands on the 決裁 route, in org-unit order: for the progress dashboard and report. The text of
 * a policy is not read here.
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
