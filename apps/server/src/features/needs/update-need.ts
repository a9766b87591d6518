import { fiscalYearOf } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import type { NeedFields } from './need-fields.ts';
import { lockNeed, updateNeedRow } from './needs.queries.ts';

/** Changes a need; marking it public (or not) records who did it and when. */
export async function updateNeed(
  tx: Transaction,
  options: { id: string; expectedVersion: number; changes: Partial<NeedFields>; actor: Actor },
) {
  const before = await lockNeed(tx, options.id);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  const { changes } = options;
  const publication =
    changes.isPublic === undefined || changes.isPublic === before.isPublic
      ? {}
      : changes.isPublic
        ? { publishedBy: options.actor.userId, publishedAt: new Date() }
        : { publishedBy: null, publishedAt: null };
  const after = await updateNeedRow(tx, before, {
    ...changes,
    ...publication,
    ...(changes.receivedOn ? { fiscalYear: fiscalYearOf(changes.receivedOn) } : {}),
  });
  await recordAudit(tx, options.actor, {
    action: changes.isPublic === true && !before.isPublic ? 'need.publish' : 'need.update',
    entityType: 'need',
    entityId: before.id,
    before,
    after,
  });
  return after;
}
