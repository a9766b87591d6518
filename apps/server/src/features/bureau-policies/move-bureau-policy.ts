import {
  APPROVAL_REFUSAL_MESSAGES,
  type ApprovalAction,
  type ApprovalRefusal,
  applyApprovalAction,
} from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, type ErrorCode, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import {
  decideConsultation,
  insertConsultations,
  insertStep,
  listCurrentConsultations,
  listVersions,
  lockPolicy,
  touchPolicy,
  updateVersion,
} from './bureau-policies.queries.ts';
import type { OrgUnitTree } from './org-scope.ts';

/** One step on the 決裁 route as a request asks for it. */
export type PolicyRouteRequest =
  | { action: 'submit'; consultOrgUnitIds: string[]; comment?: string | null }
  | { action: 'withdraw'; comment?: string | null }
  | { action: 'concur'; orgUnitId: string; comment?: string | null }
  | { action: 'return'; orgUnitId?: string; comment: string }
  | { action: 'approve'; comment?: string | null }
  | { action: 'publish'; comment?: string | null };

const REFUSAL_CODES: Record<ApprovalRefusal, ErrorCode> = {
  invalid_transition: 'invalid_transition',
  self_approval: 'self_approval',
  self_consultation: 'forbidden',
  not_drafter: 'forbidden',
  comment_required: 'validation_failed',
  comment_too_long: 'validation_failed',
  duplicate_consultation: 'validation_failed',
  too_many_consultations: 'validation_failed',
  not_consulted: 'conflict',
  already_decided: 'conflict',
};

/** The route's refusal as the API's error. */
export function refusalError(reason: ApprovalRefusal): AppError {
  return new AppError(REFUSAL_CODES[reason], { messages: APPROVAL_REFUSAL_MESSAGES[reason] });
}

/** Moves the latest version one step along the 決裁 route, records the step, and audits it. */
export async function moveBureauPolicy(
  tx: Transaction,
  options: {
    policyId: string;
    expectedVersion: number;
    request: PolicyRouteRequest;
    tree: OrgUnitTree;
    actor: Actor;
    /** When the step happens; the demo data set replays a year's steps on their dates. */
    now?: Date;
  },
) {
  const policy = await lockPolicy(tx, options.policyId);
  if (!policy) throw notFound();
  assertVersion(options.expectedVersion, policy.version);
  const versions = await listVersions(tx, policy.id);
  const latest = versions.at(-1)!;
  const consultations = await listCurrentConsultations(tx, [latest]);
  const actorId = options.actor.userId ?? '';
  const request = options.request;

  if (request.action === 'submit') {
    for (const unitId of request.consultOrgUnitIds) {
      if (!options.tree.byId.has(unitId)) {
        throw new AppError('unprocessable', {
          messages: {
            ja: '合議先の組織が見つかりません。',
            en: 'A unit named for consultation does not exist.',
          },
        });
      }
      if (unitId === policy.orgUnitId) {
        throw new AppError('validation_failed', {
          messages: { ja: '自組織は合議先にできません。', en: 'A unit cannot consult itself.' },
        });
      }
    }
  }

  const action: ApprovalAction =
    request.action === 'submit'
      ? { type: 'submit', actorId, consultOrgUnitIds: request.consultOrgUnitIds }
      : request.action === 'return'
        ? { type: 'return', actorId, comment: request.comment, orgUnitId: request.orgUnitId }
        : request.action === 'concur'
          ? { type: 'concur', actorId, orgUnitId: request.orgUnitId }
          : { type: request.action, actorId };
  const outcome = applyApprovalAction(
    {
      status: latest.status,
      drafterId: latest.drafterId,
      consultations: consultations.map((entry) => ({ orgUnitId: entry.orgUnitId, decision: entry.decision })),
    },
    action,
  );
  if (!outcome.ok) throw refusalError(outcome.reason);
  const next = outcome.route;
  const now = options.now ?? new Date();
  const comment = request.comment?.trim() ? request.comment.trim() : null;
  let policyChanges = {};

  switch (request.action) {
    case 'submit': {
      // Every submission opens a new round (possibly with nobody to consult); earlier rounds stay as history.
      const round = latest.consultationRound + 1;
      await insertConsultations(tx, latest.id, round, request.consultOrgUnitIds);
      await updateVersion(
        tx,
        latest.id,
        {
          status: next.status,
          drafterId: next.drafterId,
          submittedAt: now,
          consultationRound: round,
        },
        now,
      );
      break;
    }
    case 'concur':
    case 'return':
      if (request.orgUnitId !== undefined) {
        await decideConsultation(
          tx,
          { versionId: latest.id, round: latest.consultationRound, orgUnitId: request.orgUnitId },
          {
            decision: request.action === 'concur' ? 'concurred' : 'returned',
            decidedBy: options.actor.userId,
            comment,
            decidedAt: now,
          },
        );
      }
      await updateVersion(tx, latest.id, { status: next.status }, now);
      break;
    case 'approve':
      await updateVersion(
        tx,
        latest.id,
        { status: next.status, approvedBy: options.actor.userId, approvedAt: now },
        now,
      );
      break;
    case 'publish': {
      const previous = versions.find((version) => version.status === 'published');
      if (previous) {
        await updateVersion(tx, previous.id, { status: 'superseded' }, now);
        await insertStep(tx, {
          versionId: previous.id,
          action: 'supersede',
          actorId: options.actor.userId,
          fromStatus: 'published',
          toStatus: 'superseded',
          comment: `第${latest.versionNumber}版の公開により失効`,
          occurredAt: now,
        });
      }
      await updateVersion(
        tx,
        latest.id,
        { status: next.status, publishedBy: options.actor.userId, publishedAt: now },
        now,
      );
      policyChanges = { publishedVersionNumber: latest.versionNumber };
      break;
    }
    case 'withdraw':
      await updateVersion(tx, latest.id, { status: next.status }, now);
      break;
  }
  await insertStep(tx, {
    versionId: latest.id,
    action: request.action,
    actorId: options.actor.userId,
    orgUnitId: 'orgUnitId' in request ? (request.orgUnitId ?? null) : null,
    fromStatus: latest.status,
    toStatus: next.status,
    comment,
    occurredAt: now,
  });
  const updated = await touchPolicy(tx, policy, policyChanges, now);
  await recordAudit(tx, options.actor, {
    action: `bureau_policy.${request.action}`,
    entityType: 'bureau_policy',
    entityId: policy.id,
    before: { versionNumber: latest.versionNumber, status: latest.status },
    after: {
      versionNumber: latest.versionNumber,
      status: next.status,
      ...(request.action === 'submit' ? { consultOrgUnitIds: request.consultOrgUnitIds } : {}),
      ...('orgUnitId' in request && request.orgUnitId ? { orgUnitId: request.orgUnitId } : {}),
      comment,
    },
  });
  return updated;
}
