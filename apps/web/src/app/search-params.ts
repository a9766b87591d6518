import type { AuditSearch } from '@/features/audit/types';
import type { UserSearch } from '@/features/users/types';
import { isRole } from '@/types/api';

/**
 * Readers of URL search parameters. The router has already parsed values as JSON, so `?fy=2024`
 * arrives as a number and `?q=abc` as a string; anything unexpected is dropped, never trusted.
 */
function readText(value: unknown, maxLength = 200): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed && trimmed.length <= maxLength ? trimmed : undefined;
}

function readPositiveInteger(value: unknown, max = 1_000_000): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 1 && number <= max
    ? number
    : undefined;
}

function readDay(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

function readFlag(value: unknown): true | undefined {
  return value === true || value === 'true' || value === 1 || value === '1' ? true : undefined;
}

function readCode(value: unknown): string | undefined {
  return typeof value === 'string' && /^[a-z0-9_]{1,64}$/.test(value) ? value : undefined;
}

export type LoginSearch = { redirect?: string | undefined; sso_error?: string | undefined };

export function validateLoginSearch(search: Record<string, unknown>): LoginSearch {
  return { redirect: readText(search.redirect, 2000), sso_error: readCode(search.sso_error) };
}

export type ClustersSearch = {
  fy?: number | undefined;
  group?: string | undefined;
  kind?: string | undefined;
  targets?: true | undefined;
  orgUnit?: string | undefined;
  stage?: string | undefined;
};

export function validateClustersSearch(search: Record<string, unknown>): ClustersSearch {
  return {
    fy: readPositiveInteger(search.fy, 9999),
    group: readCode(search.group),
    kind: readCode(search.kind),
    targets: readFlag(search.targets),
    orgUnit:
      typeof search.orgUnit === 'string' && /^[0-9a-f-]{36}$/i.test(search.orgUnit)
        ? search.orgUnit
        : undefined,
    stage: readCode(search.stage),
  };
}

export function validateUserSearch(search: Record<string, unknown>): UserSearch {
  const role = readText(search.role);
  const active =
    search.active === true || search.active === 'true'
      ? 'true'
      : search.active === false || search.active === 'false'
        ? 'false'
        : undefined;
  return {
    q: readText(search.q),
    orgUnitId: readText(search.orgUnitId, 64),
    role: role && isRole(role) ? role : undefined,
    active,
    page: readPositiveInteger(search.page),
  };
}

export function validateAuditSearch(search: Record<string, unknown>): AuditSearch {
  return {
    actorId: readText(search.actorId, 64),
    entityType: readText(search.entityType, 64),
    entityId: readText(search.entityId, 200),
    from: readDay(search.from),
    to: readDay(search.to),
    page: readPositiveInteger(search.page),
  };
}
