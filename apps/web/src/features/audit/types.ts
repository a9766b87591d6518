/** An audit event as `GET /api/v1/audit-events` lists it. */
export type AuditEvent = {
  id: string | number;
  occurredAt: string;
  actor: { id: string; displayName: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string;
};

/** The filters and page, as kept in the URL (`from`/`to` are days in Tokyo, YYYY-MM-DD). */
export type AuditSearch = {
  actorId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
};
