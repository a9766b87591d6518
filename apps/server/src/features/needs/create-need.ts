import { fiscalYearOf } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import type { NeedFields } from './need-fields.ts';
import { insertNeeds } from './needs.queries.ts';

/** Records one need as it was heard. */
export async function createNeed(tx: Transaction, options: { fields: NeedFields; actor: Actor }) {
  const [row] = await insertNeeds(tx, [
    {
      ...options.fields,
      fiscalYear: fiscalYearOf(options.fields.receivedOn),
      publishedBy: options.fields.isPublic ? options.actor.userId : null,
      publishedAt: options.fields.isPublic ? new Date() : null,
      createdBy: options.actor.userId,
    },
  ]);
  await recordAudit(tx, options.actor, {
    action: 'need.create',
    entityType: 'need',
    entityId: row!.id,
    after: row,
  });
  return row!;
}
