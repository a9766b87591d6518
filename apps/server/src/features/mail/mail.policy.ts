import type { CurrentUser } from '../../lib/context.ts';

/** Who may do what with mail settings: each signed-in person manages their own, nobody else's. */
export const mailPolicy = {
  canManageOwnSettings: (user: CurrentUser | null) => user !== null,
};
