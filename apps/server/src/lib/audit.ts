import type { Executor } from '../db/client.ts';
import { auditEvents } from '../db/schema/index.ts';

export type Actor = { userId: string | null; requestId: string | undefined; ip: string | undefined };

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

// JSON cannot carry bigint: audit snapshots keep yen amounts as decimal strings.
function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(
    JSON.stringify(value, (_key, inner) => (typeof inner === 'bigint' ? inner.toString() : inner)),
  );
}

/** Writes one audit event inside the caller's transaction. */
export async function recordAudit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: actor.userId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: toJson(entry.before),
    after: toJson(entry.after),
    requestId: actor.requestId ?? null,
    ip: actor.ip ?? null,
  });
}
