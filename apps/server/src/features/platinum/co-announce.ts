import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor, Transaction } from '../../db/client.ts';
import { orgUnits, platinumResponseSignatures } from '../../db/schema/index.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { auditSnapshotOfResponse } from './issue-snapshots.ts';
import { lockIssue, lockResponse, type ResponseRow, updateResponseRow } from './issues.queries.ts';
import { publishResponse } from './review-response.ts';

/** One bureau announcing a response together (連名公表): signed, or waiting for its bureau head. */
export type SignatureRow = {
  orgUnitId: string;
  orgUnitName: string;
  signedById: string | null;
  signedAt: Date | null;
  note: string | null;
};

/** The bureaus that announce a response together, in the order of the org-unit register. */
export async function listSignatures(db: Executor, responseId: string): Promise<SignatureRow[]> {
  return db
    .select({
      orgUnitId: platinumResponseSignatures.orgUnitId,
      orgUnitName: orgUnits.name,
      signedById: platinumResponseSignatures.signedBy,
      signedAt: platinumResponseSignatures.signedAt,
      note: platinumResponseSignatures.note,
    })
    .from(platinumResponseSignatures)
    .innerJoin(orgUnits, eq(orgUnits.id, platinumResponseSignatures.orgUnitId))
    .where(eq(platinumResponseSignatures.responseId, responseId))
    .orderBy(asc(orgUnits.code));
}

/** True when every bureau asked to announce the response has signed (a response with no rows: none asked). */
export async function isFullySigned(db: Executor, responseId: string): Promise<boolean> {
  const waiting = await db
    .select({ orgUnitId: platinumResponseSignatures.orgUnitId })
    .from(platinumResponseSignatures)
    .where(
      and(eq(platinumResponseSignatures.responseId, responseId), isNull(platinumResponseSignatures.signedAt)),
    )
    .limit(1);
  return waiting.length === 0;
}

/**
 * Resets who announces a response after its text was saved: the assigned bureau (signed by the
 * head who sends it for approval) and the related bureaus, all waiting again — they agree to the
 * words as they now stand.
 */
export async function resetSignatures(
  tx: Transaction,
  options: {
    responseId: string;
    assignedOrgUnitId: string;
    relatedOrgUnitIds: readonly string[];
    submittedById: string | null;
  },
) {
  await tx
    .delete(platinumResponseSignatures)
    .where(eq(platinumResponseSignatures.responseId, options.responseId));
  const now = new Date();
  const related = [...new Set(options.relatedOrgUnitIds)].filter((id) => id !== options.assignedOrgUnitId);
  await tx.insert(platinumResponseSignatures).values([
    {
      responseId: options.responseId,
      orgUnitId: options.assignedOrgUnitId,
      signedBy: options.submittedById,
      signedAt: options.submittedById ? now : null,
    },
    ...related.map((orgUnitId) => ({ responseId: options.responseId, orgUnitId })),
  ]);
}

/**
 * The head of a related bureau agrees to announce the response together. Only while the response
 * awaits approval; once the reform office has approved and the last bureau signs, it is published
 * and every submitter and supporter is told (once).
 */
export async function signResponse(
  tx: Transaction,
  options: {
    issueId: string;
    orgUnitId: string;
    note: string | null;
    expectedVersion: number;
    signedById: string;
    actor: Actor;
  },
) {
  const issue = await lockIssue(tx, options.issueId);
  if (!issue) throw notFound();
  const response = await lockResponse(tx, issue.id);
  if (!response) throw notFound();
  assertVersion(options.expectedVersion, response.version);
  if (response.status !== 'pending_approval') {
    throw new AppError('invalid_transition', {
      messages: {
        ja: '連名の同意は承認待ちの対応方針にだけできます。',
        en: 'Only a response awaiting approval can be co-signed.',
      },
    });
  }
  const signatures = await listSignatures(tx, response.issueId);
  const own = signatures.find((row) => row.orgUnitId === options.orgUnitId);
  if (!own) throw new AppError('forbidden');
  if (own.signedAt) {
    throw new AppError('conflict', {
      messages: {
        ja: 'この局は既に連名に同意しています。',
        en: 'This bureau has already signed the response.',
      },
    });
  }
  const now = new Date();
  await tx
    .update(platinumResponseSignatures)
    .set({ signedBy: options.signedById, signedAt: now, note: options.note })
    .where(
      and(
        eq(platinumResponseSignatures.responseId, response.issueId),
        eq(platinumResponseSignatures.orgUnitId, options.orgUnitId),
        isNull(platinumResponseSignatures.signedAt),
      ),
    );
  const signed: ResponseRow = await updateResponseRow(tx, response, {});
  await recordAudit(tx, options.actor, {
    action: 'platinum_response.sign',
    entityType: 'platinum_issue',
    entityId: issue.id,
    before: { response: auditSnapshotOfResponse(response), orgUnitId: options.orgUnitId, signedAt: null },
    after: {
      response: auditSnapshotOfResponse(signed),
      orgUnitId: options.orgUnitId,
      signedAt: now.toISOString(),
      note: options.note,
    },
  });
  if (signed.approvedById && (await isFullySigned(tx, response.issueId))) {
    return publishResponse(tx, {
      issue,
      response: signed,
      approvedById: signed.approvedById,
      actor: options.actor,
      action: 'platinum_response.publish',
    });
  }
  return { issue, response: signed };
}
