import type { AccessEntry } from '../../test/access-entry.ts';

/** The audit trail: the reform office and system admins. */
export const auditAccess: AccessEntry[] = [
  { method: 'GET', path: '/api/v1/audit-events', allow: ['reform_office', 'system_admin'] },
];
