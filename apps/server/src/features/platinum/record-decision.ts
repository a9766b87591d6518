import {
  type AssignmentDecision,
  type DecisionRefusal,
  decisionRefusal,
  nextIssueStatus,
  type PreciseDate,
} from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import type { AssignmentOption } from '../../db/schema/index.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { auditSnapshotOfAssignment, auditSnapshotOfIssue } from './issue-snapshots.ts';
import { lockAssignment, lockIssue, updateAssignmentRow, updateIssueRow } from './issues.queries.ts';

const REFUSALS: Record<
  DecisionRefusal,
  { code: 'invalid_transition' | 'validation_failed'; path?: string; ja: string; en: string }
> = {
  issue_not_with_bureau: {
    code: 'invalid_transition',
    ja: 'この課題は所管局の検討段階にないため、決定を記録できません。',
    en: 'This issue is not with the bureau, so no decision can be recorded.',
  },
  reason_required: {
    code: 'validation_failed',
    path: 'decisionReason',
    ja: '決定の理由を入力してください。',
    en: 'Give the reasons for the decision.',
  },
  implementation_date_required: {
    code: 'validation_failed',
    path: 'implementationDate',
    ja: '採用・一部採用には実施（試行）時期が必要です。',
    en: 'Adopted and partly adopted decisions need an implementation or trial date.',
  },
  implementation_date_not_allowed: {
    code: 'validation_failed',
    path: 'implementationDate',
    ja: '不採用には実施時期を指定できません。',
    en: 'A decision not to adopt takes no implementation date.',
  },
};

/**
 * The rule-owning bureau records its solution options and, when ready, its decision with reasons
 * and the implementation or trial date; a decision may be revised until the response is announced.
 */
export async function recordDecision(
  tx: Transaction,
  options: {
    issueId: string;
    expectedVersion: number;
    changes: {
      options?: AssignmentOption[];
      decision?: AssignmentDecision;
      decisionReason?: string;
      implementationDate?: PreciseDate | null;
    };
    decidedById: string;
    actor: Actor;
  },
) {
  const issue = await lockIssue(tx, options.issueId);
  const assignment = issue ? await lockAssignment(tx, issue.id) : null;
  if (!issue || !assignment) throw notFound();
  assertVersion(options.expectedVersion, assignment.version);
  if (nextIssueStatus(issue.status, 'decide') === null) {
    throw new AppError('invalid_transition', { messages: REFUSALS.issue_not_with_bureau });
  }
  const { changes } = options;
  const decision = changes.decision ?? assignment.decision;
  const currentDate: PreciseDate | null =
    assignment.implementationPrecision && assignment.implementationStart && assignment.implementationEnd
      ? {
          precision: assignment.implementationPrecision,
          start: assignment.implementationStart,
          end: assignment.implementationEnd,
        }
      : null;
  const implementationDate =
    changes.implementationDate === undefined ? currentDate : changes.implementationDate;
  const decisionReason = changes.decisionReason ?? assignment.decisionReason ?? '';
  // Options alone are a working note; anything about the decision records (or revises) the decision.
  const isDeciding =
    changes.decision !== undefined ||
    changes.decisionReason !== undefined ||
    changes.implementationDate !== undefined;
  if (isDeciding && !decision) {
    throw new AppError('validation_failed', {
      fieldErrors: [
        {
          path: 'decision',
          messages: {
            ja: '理由や実施時期は決定と一緒に記録してください。',
            en: 'Record reasons and dates with a decision.',
          },
        },
      ],
    });
  }
  if (isDeciding && decision) {
    const refusal = decisionRefusal({
      issueStatus: issue.status,
      decision,
      reason: decisionReason,
      implementationDate,
    });
    if (refusal) {
      const entry = REFUSALS[refusal];
      throw new AppError(entry.code, {
        messages: { ja: entry.ja, en: entry.en },
        fieldErrors: entry.path
          ? [{ path: entry.path, messages: { ja: entry.ja, en: entry.en } }]
          : undefined,
      });
    }
  }
  const now = new Date();
  const updated = await updateAssignmentRow(tx, assignment, {
    ...(changes.options ? { options: changes.options } : {}),
    ...(isDeciding
      ? {
          decision,
          decisionReason,
          implementationPrecision: implementationDate?.precision ?? null,
          implementationStart: implementationDate?.start ?? null,
          implementationEnd: implementationDate?.end ?? null,
          decidedById: options.decidedById,
          decidedAt: now,
        }
      : {}),
  });
  const updatedIssue = isDeciding
    ? await updateIssueRow(tx, issue, {
        status: nextIssueStatus(issue.status, 'decide')!,
        statusChangedAt: issue.status === 'decided' ? issue.statusChangedAt : now,
        decidedAt: now,
      })
    : issue;
  await recordAudit(tx, options.actor, {
    action: isDeciding ? 'platinum_issue.decide' : 'platinum_issue.record_options',
    entityType: 'platinum_issue',
    entityId: issue.id,
    before: { ...auditSnapshotOfIssue(issue), assignment: auditSnapshotOfAssignment(assignment) },
    after: { ...auditSnapshotOfIssue(updatedIssue), assignment: auditSnapshotOfAssignment(updated) },
  });
  return { issue: updatedIssue, assignment: updated };
}
