import type { Executor } from '../../db/client.ts';
import { hasRole } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';
import type { AnalysisAccess } from './analyses.policy.ts';
import { orgUnitsWithDescendants } from './analyses.queries.ts';

/** The org units a user acts for as department staff and as bureau head, each with all units below. */
export type CoveredOrgUnits = { asDepartment: Set<string>; asBureauHead: Set<string> };

/** Works out which org units the user's scoped roles cover (one query, none for unscoped users). */
export async function coveredOrgUnits(db: Executor, user: CurrentUser | null): Promise<CoveredOrgUnits> {
  const scoped = (role: 'department_staff' | 'bureau_head') =>
    (user?.roles ?? [])
      .filter((grant) => grant.role === role && grant.orgUnitId)
      .map((grant) => grant.orgUnitId!);
  const departmentRoots = scoped('department_staff');
  const bureauRoots = scoped('bureau_head');
  if (departmentRoots.length === 0 && bureauRoots.length === 0) {
    return { asDepartment: new Set(), asBureauHead: new Set() };
  }
  const [asDepartment, asBureauHead] = await Promise.all([
    orgUnitsWithDescendants(db, departmentRoots),
    orgUnitsWithDescendants(db, bureauRoots),
  ]);
  return { asDepartment: new Set(asDepartment), asBureauHead: new Set(asBureauHead) };
}

/** What the user is to an analysis owned by the given org units (lead unit and cluster owners). */
export function accessFor(
  user: CurrentUser | null,
  covered: CoveredOrgUnits,
  owningOrgUnitIds: readonly string[],
): AnalysisAccess {
  return {
    user,
    isReformOffice: hasRole(user, 'reform_office'),
    isExecutive: hasRole(user, 'executive'),
    isOwningDepartment: owningOrgUnitIds.some((id) => covered.asDepartment.has(id)),
    isOwningBureauHead: owningOrgUnitIds.some((id) => covered.asBureauHead.has(id)),
  };
}
