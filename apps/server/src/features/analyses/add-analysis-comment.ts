import type { AnalysisReportSection } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import { findComment, findVersion, insertComment, lockAnalysis } from './analyses.queries.ts';

/** Adds a review comment on a version and section, or a reply to another comment of the same analysis. */
export async function addAnalysisComment(
  tx: Transaction,
  options: {
    analysisId: string;
    versionNumber: number | null;
    section: AnalysisReportSection | null;
    parentId: string | null;
    body: string;
    actor: Actor;
  },
) {
  // The lock keeps a comment from landing on a version while it is being created or removed.
  await lockAnalysis(tx, options.analysisId);
  let { versionNumber, section } = options;
  if (options.parentId) {
    const parent = await findComment(tx, options.analysisId, options.parentId);
    if (!parent) {
      throw new AppError('unprocessable', {
        fieldErrors: [
          {
            path: 'parentId',
            messages: {
              ja: '返信先のコメントが見つかりません。',
              en: 'The comment replied to does not exist.',
            },
          },
        ],
      });
    }
    // A reply belongs to the thread it answers.
    versionNumber = parent.versionNumber;
    section = parent.section as AnalysisReportSection | null;
  }
  if (versionNumber !== null && !(await findVersion(tx, options.analysisId, versionNumber))) {
    throw new AppError('unprocessable', {
      fieldErrors: [
        { path: 'versionNumber', messages: { ja: 'その版はありません。', en: 'There is no such version.' } },
      ],
    });
  }
  const id = await insertComment(tx, {
    analysisId: options.analysisId,
    versionNumber,
    section,
    parentId: options.parentId,
    body: options.body,
    authorId: options.actor.userId,
  });
  await recordAudit(tx, options.actor, {
    action: 'analysis.comment.create',
    entityType: 'analysis',
    entityId: options.analysisId,
    after: { commentId: id, versionNumber, section, parentId: options.parentId, body: options.body },
  });
  return id;
}
