import { type InitiativeHealth, type InitiativeStatus, isoDateOf } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { insertUpdate, lockInitiative, updateInitiativeRow } from './initiatives.queries.ts';

/** Records the owner's dated progress report; it may move the initiative's status and health. */
export async function reportInitiativeProgress(
  tx: Transaction,
  options: {
    id: string;
    expectedVersion: number;
    report: { reportedOn: string; body: string; status?: InitiativeStatus; health?: InitiativeHealth };
    actor: Actor;
    /** Today's date; the demo data set reports on its own dates. */
    today?: string;
  },
) {
  const before = await lockInitiative(tx, options.id);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  const today = options.today ?? isoDateOf(new Date());
  if (options.report.reportedOn > today) {
    throw new AppError('validation_failed', {
      messages: {
        ja: '報告日に未来の日付は指定できません。',
        en: 'A progress report cannot be dated in the future.',
      },
      fieldErrors: [
        { path: 'reportedOn', messages: { ja: '未来の日付です。', en: 'The date is in the future.' } },
      ],
    });
  }
  const status = options.report.status ?? before.status;
  const health = options.report.health ?? before.health;
  const update = await insertUpdate(tx, {
    initiativeId: before.id,
    reportedOn: options.report.reportedOn,
    body: options.report.body,
    status,
    health,
    authorId: options.actor.userId,
  });
  const lastUpdateOn =
    before.lastUpdateOn && before.lastUpdateOn > options.report.reportedOn
      ? before.lastUpdateOn
      : options.report.reportedOn;
  const after = await updateInitiativeRow(tx, before, { status, health, lastUpdateOn });
  await recordAudit(tx, options.actor, {
    action: 'initiative.report_progress',
    entityType: 'initiative',
    entityId: before.id,
    before: { status: before.status, health: before.health, lastUpdateOn: before.lastUpdateOn },
    after: { status, health, lastUpdateOn, update },
  });
  return after;
}
