import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnits, users } from './core.ts';
import { platinumResponses } from './platinum.ts';

/**
 * 連名公表: each bureau that announces a Platinum response together. One row per bureau asked to
 * announce it (the assigned bureau and the related bureaus its head names); `signedAt` is null
 * while the bureau head has not yet agreed. The response is published only once every row is signed.
 */
export const platinumResponseSignatures = pgTable(
  'platinum_response_signatures',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => platinumResponses.issueId, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    signedBy: uuid('signed_by').references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.orgUnitId] }),
    index('platinum_response_signatures_org_unit_idx').on(t.orgUnitId),
  ],
);
