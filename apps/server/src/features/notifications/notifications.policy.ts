import type { CurrentUser } from '../../lib/context.ts';

/** Who may read notifications: every signed-in person, only their own (the queries filter by recipient). */
export const notificationPolicy = {
  canReadOwn: (user: CurrentUser | null) => user !== null,
};
