import { isScopedRole } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import type { OidcConfig } from '../../env.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import type { RoleGrant } from '../../lib/context.ts';
import type { IdentityClaims } from './claims.ts';
import {
  insertSsoAccount,
  lockAccountByLogin,
  lockAccountBySubject,
  orgUnitIdsByCode,
  replaceRolesOf,
  rolesOf,
  type SsoAccount,
  updateSsoAccount,
} from './sso.queries.ts';
import { SsoSignInError } from './sso-sign-in-error.ts';

function grantKey(grant: RoleGrant): string {
  return `${grant.role}:${grant.orgUnitId ?? ''}`;
}

function sameGrants(left: RoleGrant[], right: RoleGrant[]): boolean {
  const keys = new Set(left.map(grantKey));
  return left.length === right.length && right.every((grant) => keys.has(grantKey(grant)));
}

/**
 * The roles the provider grants: scoped roles without a code act for the person's own org unit;
 * every person signing in through the city's provider is at least `staff` (a city employee).
 */
function grantsFromClaims(
  identity: IdentityClaims,
  orgUnitId: string | null,
  unitIds: Map<string, string>,
  ignored: string[],
): RoleGrant[] {
  const grants = new Map<string, RoleGrant>();
  const staff: RoleGrant = { role: 'staff', orgUnitId: null };
  grants.set(grantKey(staff), staff);
  for (const claim of identity.roles ?? []) {
    if (!isScopedRole(claim.role)) {
      grants.set(grantKey({ role: claim.role, orgUnitId: null }), { role: claim.role, orgUnitId: null });
      continue;
    }
    const unit = claim.orgUnitCode ? (unitIds.get(claim.orgUnitCode) ?? null) : orgUnitId;
    if (!unit) {
      ignored.push(`role:${claim.role}${claim.orgUnitCode ? `:${claim.orgUnitCode}` : ''}`);
      continue;
    }
    grants.set(grantKey({ role: claim.role, orgUnitId: unit }), { role: claim.role, orgUnitId: unit });
  }
  return [...grants.values()];
}

/**
 * Finds the person a provider's subject belongs to, creating the account on the first sign-in and
 * bringing name, e-mail, org unit and (when the provider sends them) roles up to date on every
 * sign-in; deactivated accounts are refused. Writes the audit trail of what changed.
 */
export async function provisionSsoAccount(
  tx: Transaction,
  options: { identity: IdentityClaims; oidc: OidcConfig; actor: Actor },
): Promise<{ userId: string; isCreated: boolean }> {
  const { identity, oidc } = options;
  const ignored = [...identity.ignored];
  let account: SsoAccount | null = await lockAccountBySubject(tx, identity.subject);
  let isLinked = false;
  if (!account) {
    const sameLogin = await lockAccountByLogin(tx, identity.login);
    if (sameLogin) {
      // Taking over a local account by its login is only safe where the provider owns the logins.
      if (!oidc.isLinkByLoginAllowed || sameLogin.oidcSubject) throw new SsoSignInError('account_conflict');
      account = sameLogin;
      isLinked = true;
    }
  }
  if (account && !account.isActive) throw new SsoSignInError('deactivated');

  const codes = [
    ...(identity.orgUnitCode ? [identity.orgUnitCode] : []),
    ...(identity.roles ?? []).flatMap((claim) => (claim.orgUnitCode ? [claim.orgUnitCode] : [])),
  ];
  const unitIds = await orgUnitIdsByCode(tx, codes);
  let orgUnitId = account?.orgUnitId ?? null;
  if (identity.orgUnitCode) {
    const found = unitIds.get(identity.orgUnitCode);
    if (found) orgUnitId = found;
    else ignored.push(`org_unit:${identity.orgUnitCode}`);
  }
  const grants =
    identity.roles === null && account
      ? null // no roles claim: the roles kept in Totonoe stay
      : grantsFromClaims(identity, orgUnitId, unitIds, ignored);

  const profile = {
    displayName: identity.displayName,
    displayNameKana: identity.displayNameKana ?? account?.displayNameKana ?? null,
    email: identity.email ?? account?.email ?? null,
    orgUnitId,
  };

  if (!account) {
    const userId = await insertSsoAccount(tx, {
      login: identity.login,
      oidcSubject: identity.subject,
      ...profile,
    });
    await replaceRolesOf(tx, userId, grants ?? []);
    await recordAudit(
      tx,
      { ...options.actor, userId },
      {
        action: 'user.create',
        entityType: 'user',
        entityId: userId,
        after: { login: identity.login, ...profile, roles: grants, source: 'oidc', ignoredClaims: ignored },
      },
    );
    return { userId, isCreated: true };
  }

  const changes: Parameters<typeof updateSsoAccount>[2] = {};
  if (isLinked) changes.oidcSubject = identity.subject;
  if (identity.login.toLowerCase() !== account.login.toLowerCase()) {
    const holder = await lockAccountByLogin(tx, identity.login);
    if (holder) ignored.push(`login:${identity.login}`);
    else changes.login = identity.login;
  }
  for (const key of ['displayName', 'displayNameKana', 'email', 'orgUnitId'] as const) {
    if (profile[key] !== account[key]) changes[key] = profile[key] as never;
  }
  const rolesBefore = await rolesOf(tx, account.id);
  const isRolesChanged = grants !== null && !sameGrants(rolesBefore, grants);
  if (Object.keys(changes).length > 0 || isRolesChanged) {
    await updateSsoAccount(tx, account.id, changes, account.version);
    if (isRolesChanged) await replaceRolesOf(tx, account.id, grants);
    const { oidcSubject: _subject, ...before } = account;
    await recordAudit(
      tx,
      { ...options.actor, userId: account.id },
      {
        action: isLinked ? 'user.link_oidc' : 'user.update',
        entityType: 'user',
        entityId: account.id,
        before: { ...before, roles: rolesBefore },
        after: {
          ...before,
          ...changes,
          oidcSubject: undefined,
          version: account.version + 1,
          roles: isRolesChanged ? grants : rolesBefore,
          source: 'oidc',
          ignoredClaims: ignored,
        },
      },
    );
  }
  return { userId: account.id, isCreated: false };
}
