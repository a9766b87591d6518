import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { deleteSession } from './sessions.queries.ts';

/** Ends the current session. */
export async function signOut(tx: Transaction, options: { sessionId: string; actor: Actor }): Promise<void> {
  await deleteSession(tx, options.sessionId);
  await recordAudit(tx, options.actor, {
    action: 'session.sign_out',
    entityType: 'user',
    entityId: options.actor.userId,
  });
}
