import { z } from '@hono/zod-openapi';
import { ROLES } from '@totonoe/domain';
import type { UserDetail } from './users.queries.ts';

export const roleGrantSchema = z.object({ role: z.enum(ROLES), orgUnitId: z.string().uuid().nullable() });

export const userSchema = z
  .object({
    id: z.string().uuid(),
    login: z.string(),
    displayName: z.string(),
    displayNameKana: z.string().nullable(),
    email: z.string().nullable(),
    orgUnitId: z.string().uuid().nullable(),
    orgUnitName: z.string().nullable(),
    isActive: z.boolean(),
    roles: z.array(roleGrantSchema),
    version: z.number().int(),
  })
  .openapi('User');

/** Shapes a user account for administrators (never the password hash). */
export function presentUser(user: UserDetail): z.infer<typeof userSchema> {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    displayNameKana: user.displayNameKana,
    email: user.email,
    orgUnitId: user.orgUnitId,
    orgUnitName: user.orgUnitName,
    isActive: user.isActive,
    roles: user.roles.map(({ role, orgUnitId }) => ({ role, orgUnitId })),
    version: user.version,
  };
}
