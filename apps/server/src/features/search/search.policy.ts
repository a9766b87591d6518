import type { CurrentUser } from '../../lib/context.ts';
import type { SearchViewer } from './search.queries.ts';

/** The roles whose scope makes someone a reader of a unit's own business. */
const UNIT_ROLES = new Set(['bureau_head', 'department_staff']);

/**
 * Who reads what in search: everyone may search; what they find is what each document's readers
 * allow (the public: published records only; see build-search-documents.ts for each kind's rule).
 */
export const searchPolicy = {
  canSearch: (_user: CurrentUser | null) => true,
  /** The viewer a search filters by; the portal (`scope=public`) searches as the public does. */
  viewerOf: (user: CurrentUser | null, options: { isPublicOnly: boolean }): SearchViewer => ({
    isSignedIn: user !== null,
    isPublicOnly: options.isPublicOnly || user === null,
    roles: user ? [...new Set(user.roles.map((grant) => grant.role))] : [],
    unitIds: user
      ? [
          ...new Set(
            user.roles
              .filter((grant) => UNIT_ROLES.has(grant.role) && grant.orgUnitId)
              .map((grant) => grant.orgUnitId!),
          ),
        ]
      : [],
    userId: user?.id ?? null,
  }),
};
