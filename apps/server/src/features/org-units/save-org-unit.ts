import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import {
  findOrgUnit,
  findOrgUnitByCode,
  insertOrgUnit,
  lockOrgUnit,
  type OrgUnitValues,
  updateOrgUnitRow,
} from './org-units.queries.ts';

async function assertParentIsValid(tx: Transaction, id: string | null, parentId: string | null | undefined) {
  if (!parentId) return;
  // Walk up from the new parent: reaching the unit itself would make a cycle.
  let cursor: string | null = parentId;
  for (let depth = 0; cursor && depth < 50; depth++) {
    if (cursor === id) {
      throw new AppError('unprocessable', {
        messages: { ja: '組織の親子関係が循環します。', en: 'The parent would make a cycle.' },
      });
    }
    const parent = await findOrgUnit(tx, cursor);
    if (!parent) {
      throw new AppError('unprocessable', {
        messages: { ja: '上位組織が見つかりません。', en: 'The parent org unit does not exist.' },
      });
    }
    cursor = parent.parentId;
  }
}

function assertDates(values: Partial<OrgUnitValues>) {
  if (values.effectiveFrom && values.effectiveTo && values.effectiveTo < values.effectiveFrom) {
    throw new AppError('validation_failed', {
      messages: {
        ja: '廃止日は設置日より後にしてください。',
        en: 'effectiveTo must not be before effectiveFrom.',
      },
    });
  }
}

/** Creates an org unit (system admin). */
export async function createOrgUnit(tx: Transaction, options: { values: OrgUnitValues; actor: Actor }) {
  assertDates(options.values);
  if (await findOrgUnitByCode(tx, options.values.code)) {
    throw new AppError('conflict', {
      messages: { ja: 'この組織コードは既に使われています。', en: 'This code is already in use.' },
    });
  }
  await assertParentIsValid(tx, null, options.values.parentId);
  const created = await insertOrgUnit(tx, options.values);
  await recordAudit(tx, options.actor, {
    action: 'org_unit.create',
    entityType: 'org_unit',
    entityId: created.id,
    after: created,
  });
  return created;
}

/** Updates an org unit (system admin), checking the version the client read. */
export async function updateOrgUnit(
  tx: Transaction,
  options: { id: string; expectedVersion: number; changes: Partial<OrgUnitValues>; actor: Actor },
) {
  const before = await lockOrgUnit(tx, options.id);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  assertDates({ ...before, ...options.changes });
  if (
    options.changes.code &&
    options.changes.code !== before.code &&
    (await findOrgUnitByCode(tx, options.changes.code))
  ) {
    throw new AppError('conflict', {
      messages: { ja: 'この組織コードは既に使われています。', en: 'This code is already in use.' },
    });
  }
  await assertParentIsValid(tx, options.id, options.changes.parentId);
  const after = await updateOrgUnitRow(tx, options.id, options.changes, before.version);
  await recordAudit(tx, options.actor, {
    action: 'org_unit.update',
    entityType: 'org_unit',
    entityId: options.id,
    before,
    after,
  });
  return after;
}
