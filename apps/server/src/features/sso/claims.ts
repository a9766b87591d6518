import { isRole, isScopedRole, type Role } from '@totonoe/domain';
import type { OidcConfig } from '../../env.ts';

/** What a sign-in by OpenID Connect says about the person, read from the ID token and UserInfo. */
export type IdentityClaims = {
  subject: string;
  login: string;
  displayName: string;
  displayNameKana: string | null;
  email: string | null;
  orgUnitCode: string | null;
  /** null when the provider sent no roles claim: the roles kept in Totonoe then stay as they are. */
  roles: RoleClaim[] | null;
  /** Values that were sent but could not be used (unknown roles, malformed e-mail…), for the audit trail. */
  ignored: string[];
};

/** A role from the roles claim: `staff`, or `bureau_head:kodomo` for a role scoped to org unit `kodomo`. */
export type RoleClaim = { role: Role; orgUnitCode: string | null };

const LOGIN_PATTERN = /^[\p{L}\p{N}._@-]{1,100}$/u;
const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{1,60}$/u;

// Names keep their width (（異動） stays full-width); identifiers are folded with NFKC.
function textClaim(claims: Record<string, unknown>, name: string | undefined): string | null {
  if (!name) return null;
  const value = claims[name];
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  return null;
}

function identifierClaim(claims: Record<string, unknown>, name: string | undefined): string | null {
  return textClaim(claims, name)?.normalize('NFKC').trim() || null;
}

function listClaim(value: unknown): string[] | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/u).filter(Boolean);
  return [];
}

/** Parses the roles claim; unknown role names are ignored (and reported), never guessed. */
export function parseRoleClaims(value: unknown): { roles: RoleClaim[] | null; ignored: string[] } {
  const entries = listClaim(value);
  if (entries === null) return { roles: null, ignored: [] };
  const roles: RoleClaim[] = [];
  const ignored: string[] = [];
  for (const entry of entries.slice(0, 50)) {
    const [name = '', code = null, ...rest] = entry.normalize('NFKC').trim().split(':');
    if (!isRole(name) || rest.length > 0 || code === '') {
      ignored.push(`role:${entry.slice(0, 100)}`);
      continue;
    }
    roles.push({ role: name, orgUnitCode: isScopedRole(name) ? code : null });
  }
  return { roles, ignored };
}

/**
 * Reads the configured claims into a person's identity. The login falls back to the e-mail and
 * then the subject, so a provider that sends no user name still signs people in.
 */
export function readIdentityClaims(
  claims: Record<string, unknown>,
  names: OidcConfig['claims'],
): IdentityClaims | null {
  const subject = typeof claims.sub === 'string' ? claims.sub : null;
  if (!subject || subject.length > 255) return null;
  const ignored: string[] = [];

  let email = identifierClaim(claims, names.email);
  if (email && !EMAIL_PATTERN.test(email)) {
    ignored.push('email');
    email = null;
  }
  const candidates = [identifierClaim(claims, names.login), email, subject.normalize('NFKC')];
  const login = candidates.find((candidate) => candidate && LOGIN_PATTERN.test(candidate)) ?? null;
  if (!login) return null;
  if (login !== candidates[0] && candidates[0]) ignored.push('login');

  const displayName = (textClaim(claims, names.name) ?? login).slice(0, 100);
  const displayNameKana = textClaim(claims, names.nameKana)?.slice(0, 200) ?? null;
  const orgUnitCode = identifierClaim(claims, names.orgUnit)?.slice(0, 100) ?? null;
  const parsedRoles = parseRoleClaims(claims[names.roles]);
  return {
    subject,
    login,
    displayName,
    displayNameKana,
    email: email?.slice(0, 254) ?? null,
    orgUnitCode,
    roles: parsedRoles.roles,
    ignored: [...ignored, ...parsedRoles.ignored],
  };
}
