import type { ActionActor } from '@totonoe/domain';
import { hasRole, scopedOrgUnits } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';

/** Roles that act for an org unit on the actions it owns. */
const OWNER_ROLES = ['bureau_head', 'department_staff'] as const;

/** The org units whose actions a user counts as theirs: their own unit and the units they act for. */
export function ownUnitRoots(user: CurrentUser): string[] {
  const roots = new Set(scopedOrgUnits(user, OWNER_ROLES));
  if (user.orgUnitId) roots.add(user.orgUnitId);
  return [...roots];
}

/**
 * Who may do what with tracked actions (指示事項): every signed-in employee reads them; the
 * reform office records and edits them; the owning unit (its bureau head or department staff,
 * scoped to the unit or a unit above it) reports progress.
 */
export const actionPolicy = {
  canRead: (user: CurrentUser | null) => user !== null,
  canRecord: (user: CurrentUser | null) => hasRole(user, 'reform_office'),
  canEdit: (user: CurrentUser | null) => hasRole(user, 'reform_office'),
  /** The capacity in which the user moves this action, or null when they may not. */
  actorFor(user: CurrentUser | null, action: { ownerAncestry: string[] }): ActionActor | null {
    if (!user) return null;
    if (hasRole(user, 'reform_office')) return 'reform_office';
    const units = scopedOrgUnits(user, OWNER_ROLES);
    return units.some((unit) => action.ownerAncestry.includes(unit)) ? 'owner' : null;
  },
};
