import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { findMailSettings, lockMailSettings, type MailDelivery, saveMailSettings } from './mail.queries.ts';

/** Changes how a person receives mail (their own setting; If-Match on its version, 0 before the first change). */
export async function updateMailSettings(
  tx: Transaction,
  options: { userId: string; delivery: MailDelivery; expectedVersion: number; actor: Actor },
) {
  await lockMailSettings(tx, options.userId);
  const before = await findMailSettings(tx, options.userId);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  await saveMailSettings(tx, options.userId, options.delivery, before.version);
  const after = (await findMailSettings(tx, options.userId))!;
  await recordAudit(tx, options.actor, {
    action: 'mail_settings.update',
    entityType: 'user',
    entityId: options.userId,
    before: { delivery: before.delivery },
    after: { delivery: after.delivery },
  });
  return after;
}
