import type { OrgUnitLevel, Role } from '@totonoe/domain';
import { asc } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/index.ts';
import { hasRole } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';

export type OrgUnitNode = {
  id: string;
  code: string;
  name: string;
  level: OrgUnitLevel;
  parentId: string | null;
};

/** The org-unit tree as the policies of these features read it: who sits under whom. */
export type OrgUnitTree = { byId: Map<string, OrgUnitNode>; byCode: Map<string, OrgUnitNode> };

/** The roles that act for an org unit in its own business: its head and its department staff. */
export const UNIT_ROLES: readonly Role[] = ['bureau_head', 'department_staff'];

/** Levels that own a bureau policy and that the ledger totals by (局・区・室). */
export const TOP_LEVELS: readonly OrgUnitLevel[] = ['bureau', 'ward', 'office'];

/** Loads every org unit once (a city has hundreds, not millions). */
export async function loadOrgUnitTree(db: Executor): Promise<OrgUnitTree> {
  const rows = await db
    .select({
      id: orgUnits.id,
      code: orgUnits.code,
      name: orgUnits.name,
      level: orgUnits.level,
      parentId: orgUnits.parentId,
    })
    .from(orgUnits)
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code));
  return {
    byId: new Map(rows.map((row) => [row.id, row])),
    byCode: new Map(rows.map((row) => [row.code, row])),
  };
}

/** The unit and every unit above it, nearest first. */
export function ancestorsOf(tree: OrgUnitTree, orgUnitId: string): string[] {
  const chain: string[] = [];
  let current = tree.byId.get(orgUnitId);
  while (current && !chain.includes(current.id)) {
    chain.push(current.id);
    current = current.parentId ? tree.byId.get(current.parentId) : undefined;
  }
  return chain;
}

/** The nearest 局・区・室 at or above a unit (the unit itself when none is found). */
export function topUnitOf(tree: OrgUnitTree, orgUnitId: string): string {
  for (const id of ancestorsOf(tree, orgUnitId)) {
    const node = tree.byId.get(id);
    if (node && TOP_LEVELS.includes(node.level)) return id;
  }
  return orgUnitId;
}

/** True when the user holds one of the roles scoped to the unit or to a unit above it. */
export function actsFor(
  user: CurrentUser | null,
  tree: OrgUnitTree,
  orgUnitId: string,
  roles: readonly Role[] = UNIT_ROLES,
): boolean {
  if (!user) return false;
  const chain = ancestorsOf(tree, orgUnitId);
  return user.roles.some(
    (grant) => roles.includes(grant.role) && grant.orgUnitId !== null && chain.includes(grant.orgUnitId),
  );
}

/** Units whose business the user acts in, with every unit below them. */
export function unitsActedFor(
  user: CurrentUser | null,
  tree: OrgUnitTree,
  roles: readonly Role[] = UNIT_ROLES,
): string[] {
  if (!user) return [];
  return [...tree.byId.keys()].filter((id) => actsFor(user, tree, id, roles));
}

/** True for the reform office and the executive, who see every unit's business. */
export function seesEveryUnit(user: CurrentUser | null): boolean {
  return hasRole(user, 'reform_office') || hasRole(user, 'executive');
}

/** A unit and every unit below it. */
export function unitAndBelow(tree: OrgUnitTree, orgUnitId: string): string[] {
  return [...tree.byId.keys()].filter((id) => ancestorsOf(tree, id).includes(orgUnitId));
}
