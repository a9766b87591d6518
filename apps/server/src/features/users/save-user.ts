import { SCOPED_ROLES } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import type { RoleGrant } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { hashPassword } from '../auth/passwords.ts';
import { deleteSessionsOfUser } from '../auth/sessions.queries.ts';
import {
  existingOrgUnitIds,
  findUser,
  insertUser,
  isLoginTaken,
  lockUserRow,
  replaceRoles,
  updateUserRow,
} from './users.queries.ts';

export type UserFields = {
  displayName: string;
  displayNameKana?: string | null;
  email?: string | null;
  orgUnitId?: string | null;
  roles: RoleGrant[];
};

async function assertRolesAndUnits(
  tx: Transaction,
  orgUnitId: string | null | undefined,
  roles: RoleGrant[] | undefined,
) {
  const seen = new Set<string>();
  for (const grant of roles ?? []) {
    const isScoped = (SCOPED_ROLES as readonly string[]).includes(grant.role);
    if (isScoped && !grant.orgUnitId) {
      throw new AppError('validation_failed', {
        messages: {
          ja: `役割 ${grant.role} には所属組織の指定が必要です。`,
          en: `Role ${grant.role} needs an org unit.`,
        },
      });
    }
    const key = `${grant.role}:${grant.orgUnitId ?? ''}`;
    if (seen.has(key)) {
      throw new AppError('validation_failed', {
        messages: { ja: '同じ役割が重複しています。', en: 'A role is listed twice.' },
      });
    }
    seen.add(key);
  }
  const unitIds = [
    ...new Set(
      [orgUnitId, ...(roles ?? []).map((grant) => grant.orgUnitId)].filter((id): id is string => !!id),
    ),
  ];
  const existing = await existingOrgUnitIds(tx, unitIds);
  if (unitIds.some((id) => !existing.has(id))) {
    throw new AppError('unprocessable', {
      messages: { ja: '指定された組織が見つかりません。', en: 'An org unit does not exist.' },
    });
  }
}

/** Creates a local user account with roles (system admin or the create-admin command). */
export async function createUser(
  tx: Transaction,
  options: { login: string; password: string | null; fields: UserFields; actor: Actor },
) {
  const login = options.login.normalize('NFKC').trim();
  if (await isLoginTaken(tx, login)) {
    throw new AppError('conflict', {
      messages: { ja: 'このログインIDは既に使われています。', en: 'This login is already taken.' },
    });
  }
  await assertRolesAndUnits(tx, options.fields.orgUnitId, options.fields.roles);
  const id = await insertUser(tx, {
    login,
    displayName: options.fields.displayName,
    displayNameKana: options.fields.displayNameKana ?? null,
    email: options.fields.email ?? null,
    orgUnitId: options.fields.orgUnitId ?? null,
    passwordHash: options.password ? await hashPassword(options.password) : null,
    passwordChangedAt: options.password ? new Date() : null,
  });
  await replaceRoles(tx, id, options.fields.roles);
  const created = (await findUser(tx, id))!;
  await recordAudit(tx, options.actor, {
    action: 'user.create',
    entityType: 'user',
    entityId: id,
    after: created,
  });
  return created;
}

/** Updates a user; deactivation or a new password ends all of the user's sessions. */
export async function updateUser(
  tx: Transaction,
  options: {
    id: string;
    expectedVersion: number;
    changes: Partial<UserFields> & { isActive?: boolean; password?: string };
    actor: Actor;
  },
) {
  await lockUserRow(tx, options.id);
  const before = await findUser(tx, options.id);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  const { roles, password, ...fields } = options.changes;
  await assertRolesAndUnits(tx, fields.orgUnitId, roles);
  if (options.actor.userId === options.id && fields.isActive === false) {
    throw new AppError('unprocessable', {
      messages: { ja: '自分自身を無効にすることはできません。', en: 'You cannot deactivate yourself.' },
    });
  }
  await updateUserRow(
    tx,
    options.id,
    {
      ...fields,
      ...(password ? { passwordHash: await hashPassword(password), passwordChangedAt: new Date() } : {}),
    },
    before.version,
  );
  if (roles) await replaceRoles(tx, options.id, roles);
  if (fields.isActive === false || password) await deleteSessionsOfUser(tx, options.id);
  const after = (await findUser(tx, options.id))!;
  await recordAudit(tx, options.actor, {
    action: password ? 'user.update_with_password' : 'user.update',
    entityType: 'user',
    entityId: options.id,
    before,
    after,
  });
  return after;
}
