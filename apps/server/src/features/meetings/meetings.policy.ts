import { hasAnyRole, hasRole, scopedOrgUnits } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';

/** Roles that act for the org unit presenting an agenda item. */
const PRESENTER_ROLES = ['bureau_head', 'department_staff'] as const;

function actsForPresenter(user: CurrentUser | null, presenterAncestry: string[]): boolean {
  return scopedOrgUnits(user, PRESENTER_ROLES).some((unit) => presenterAncestry.includes(unit));
}

/**
 * Who may do what with X meetings. The public reads public meetings and only what is published;
 * every signed-in employee reads every meeting record; the reform office keeps the series, the
 * agendas, decisions, minutes and publication; the presenting unit may add materials to its own
 * items. Deny by default.
 */
export const meetingPolicy = {
  canRead: (user: CurrentUser | null, meeting: { isPublic: boolean }) => user !== null || meeting.isPublic,
  canManage: (user: CurrentUser | null) => hasRole(user, 'reform_office'),
  /** Minutes not yet approved are working papers of the office and the executives. */
  canReadDraftMinutes: (user: CurrentUser | null) => hasAnyRole(user, ['reform_office', 'executive']),
  canAddMaterial: (user: CurrentUser | null, item: { presenterAncestry: string[] }) =>
    hasRole(user, 'reform_office') || actsForPresenter(user, item.presenterAncestry),
  /** Title and redaction flag: the office or the presenting unit; publication stays with the office. */
  canEditMaterial: (user: CurrentUser | null, item: { presenterAncestry: string[] }) =>
    hasRole(user, 'reform_office') || actsForPresenter(user, item.presenterAncestry),
  canPublishMaterial: (user: CurrentUser | null) => hasRole(user, 'reform_office'),
  /**
   * The original of a material marked for redaction holds what must not be disclosed: only the
   * office, the executives and the presenting unit read it; other employees get the redacted file.
   */
  canReadOriginal: (
    user: CurrentUser | null,
    material: { isRedactionRequired: boolean; presenterAncestry: string[] },
  ) => {
    if (!user) return false;
    if (!material.isRedactionRequired) return true;
    return (
      hasAnyRole(user, ['reform_office', 'executive']) || actsForPresenter(user, material.presenterAncestry)
    );
  },
  canUseCalendarFeed: (user: CurrentUser | null) => user !== null,
};
