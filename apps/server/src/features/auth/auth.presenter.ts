import { z } from '@hono/zod-openapi';
import { ROLES } from '@totonoe/domain';
import type { loadProfile } from './sessions.queries.ts';

export const meSchema = z
  .object({
    id: z.string().uuid(),
    login: z.string(),
    displayName: z.string(),
    displayNameKana: z.string().nullable(),
    email: z.string().nullable(),
    orgUnit: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
    roles: z.array(
      z.object({ role: z.enum(ROLES), orgUnitId: z.string().nullable(), orgUnitName: z.string().nullable() }),
    ),
  })
  .openapi('Me');

type Profile = NonNullable<Awaited<ReturnType<typeof loadProfile>>>;

/** Shapes the signed-in user's profile. */
export function presentMe(profile: Profile): z.infer<typeof meSchema> {
  return {
    id: profile.id,
    login: profile.login,
    displayName: profile.displayName,
    displayNameKana: profile.displayNameKana,
    email: profile.email,
    orgUnit:
      profile.orgUnitId && profile.orgUnitCode && profile.orgUnitName
        ? { id: profile.orgUnitId, code: profile.orgUnitCode, name: profile.orgUnitName }
        : null,
    roles: profile.roles,
  };
}
