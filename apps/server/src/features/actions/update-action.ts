import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { findAction, lockAction, orgUnitExists, updateActionRow } from './actions.queries.ts';

export type ActionChanges = { body?: string; ownerOrgUnitId?: string; dueDate?: string };

/** Corrects an action's text, owner or due date (reform office). */
export async function updateAction(
  tx: Transaction,
  options: { id: string; expectedVersion: number; changes: ActionChanges; actor: Actor },
) {
  const row = await lockAction(tx, options.id);
  if (!row) throw notFound();
  assertVersion(options.expectedVersion, row.version);
  if (options.changes.ownerOrgUnitId && !(await orgUnitExists(tx, options.changes.ownerOrgUnitId))) {
    throw new AppError('unprocessable', {
      messages: { ja: '担当組織が見つかりません。', en: 'The owner org unit does not exist.' },
    });
  }
  const before = await findAction(tx, options.id);
  await updateActionRow(tx, options.id, row.version, options.changes);
  const after = (await findAction(tx, options.id))!;
  await recordAudit(tx, options.actor, {
    action: 'action.update',
    entityType: 'action',
    entityId: options.id,
    before,
    after,
  });
  return after;
}
