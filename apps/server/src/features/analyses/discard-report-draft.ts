import type { AnalysisReportSection } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorization.ts';
import { notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { type AnalysisAccess, analysisPolicy } from './analyses.policy.ts';
import { deleteReportDrafts, lockReportDraft } from './analysis-drafts.queries.ts';

/** Throws away the draft of one report section (the person chose the saved text instead). */
export async function discardReportDraft(
  tx: Transaction,
  options: {
    analysisId: string;
    section: AnalysisReportSection;
    expectedVersion: number;
    access: AnalysisAccess;
    actor: Actor;
  },
) {
  authorize(analysisPolicy.canWriteDraft(options.access));
  const current = await lockReportDraft(tx, options.analysisId, options.section);
  if (!current) throw notFound();
  assertVersion(options.expectedVersion, current.version);
  await deleteReportDrafts(tx, options.analysisId, [options.section]);
  await recordAudit(tx, options.actor, {
    action: 'analysis.draft.discard',
    entityType: 'analysis',
    entityId: options.analysisId,
    before: { section: options.section, version: current.version },
  });
}
