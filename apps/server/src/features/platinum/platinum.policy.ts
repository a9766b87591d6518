import { hasAnyRole, hasRole } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';

/** Who is asking, with what the Platinum policies need beyond the roles: the campaigns whose PT they sit on. */
export type PlatinumViewer = {
  user: CurrentUser;
  teamCampaignIds: ReadonlySet<string>;
};

const BUREAU_ROLES = ['department_staff', 'bureau_head'] as const;

/** True when the user acts in one of the roles for the org unit or one above it (ancestry: the unit first, then its parents). */
function actsFor(
  user: CurrentUser,
  roles: readonly CurrentUser['roles'][number]['role'][],
  ancestry: readonly string[],
) {
  return user.roles.some(
    (grant) => roles.includes(grant.role) && grant.orgUnitId !== null && ancestry.includes(grant.orgUnitId),
  );
}

/**
 * Who may do what in the Platinum City Hall Project; deny by default.
 * - every signed-in person reads campaigns, ideas, issues, the board and the funnel;
 * - staff submit, support and comment; the author edits and withdraws their own idea;
 * - the reform office runs campaigns, chooses the PT, moderates, approves responses and is the
 *   only one who sees anonymous authors (system admins do not);
 * - PT members of a campaign (and the reform office) group, merge, triage and send on; only PT
 *   members score;
 * - the rule-owning bureau (department staff or bureau head of the assigned org unit or a unit
 *   above it) records options and the decision; its bureau head writes the response.
 */
export const platinumPolicy = {
  canRead: (user: CurrentUser | null) => user !== null,
  canManageCampaigns: (user: CurrentUser | null) => hasRole(user, 'reform_office'),
  canSeeAnonymousAuthors: (user: CurrentUser | null) => hasRole(user, 'reform_office'),
  canModerate: (user: CurrentUser | null) => hasRole(user, 'reform_office'),
  canParticipate: (user: CurrentUser | null) => hasRole(user, 'staff'),
  canEditIdea: (user: CurrentUser | null, idea: { authorId: string }) =>
    user !== null && user.id === idea.authorId,
  canTriage: (viewer: PlatinumViewer, campaignId: string) =>
    viewer.teamCampaignIds.has(campaignId) || hasRole(viewer.user, 'reform_office'),
  canScore: (viewer: PlatinumViewer, campaignId: string) => viewer.teamCampaignIds.has(campaignId),
  canSeeScores: (viewer: PlatinumViewer, campaignId: string) =>
    viewer.teamCampaignIds.has(campaignId) || hasAnyRole(viewer.user, ['reform_office', 'executive']),
  canDecide: (user: CurrentUser | null, assignmentAncestry: readonly string[]) =>
    user !== null && actsFor(user, BUREAU_ROLES, assignmentAncestry),
  canWriteResponse: (user: CurrentUser | null, assignmentAncestry: readonly string[]) =>
    user !== null && actsFor(user, ['bureau_head'], assignmentAncestry),
  canApproveResponse: (user: CurrentUser | null) => hasRole(user, 'reform_office'),
  /** 連名公表: the bureau head of a bureau asked to announce the response together signs for it. */
  canSignResponse: (user: CurrentUser | null, bureauAncestry: readonly string[]) =>
    user !== null && actsFor(user, ['bureau_head'], bureauAncestry),
  /** The decision and the draft response before they are announced (also to the bureaus announcing it together). */
  canSeeUnannounced: (
    viewer: PlatinumViewer,
    campaignId: string,
    assignmentAncestry: readonly string[],
    relatedAncestries: readonly (readonly string[])[] = [],
  ) =>
    viewer.teamCampaignIds.has(campaignId) ||
    hasAnyRole(viewer.user, ['reform_office', 'executive']) ||
    actsFor(viewer.user, BUREAU_ROLES, assignmentAncestry) ||
    relatedAncestries.some((ancestry) => actsFor(viewer.user, BUREAU_ROLES, ancestry)),
};
