import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { dueMeetingsOf, replaceDueMeetings, updateAnalysisRow } from './analyses.queries.ts';
import { lockOpenAnalysis } from './analysis-guards.ts';
import { checkDueMeetings, checkPlanPeople, type DueMeetingPlan } from './plan-fields.ts';

export type AnalysisPlanChanges = {
  leadOrgUnitId?: string | null;
  contactUserId?: string | null;
  dueMeetings?: DueMeetingPlan;
  isPublished?: boolean;
};

/** Changes an analysis's place in the plan: lead org unit, contact, due meetings, publication. */
export async function updateAnalysisPlan(
  tx: Transaction,
  options: { analysisId: string; expectedVersion: number; changes: AnalysisPlanChanges; actor: Actor },
) {
  const analysis = await lockOpenAnalysis(tx, options.analysisId, options.expectedVersion);
  const { dueMeetings, ...fields } = options.changes;
  await checkPlanPeople(tx, fields);
  const beforeDue = (await dueMeetingsOf(tx, [analysis.id])).get(analysis.id) ?? [];
  let afterDue = beforeDue.map((due) => ({ stage: due.stage, meetingId: due.meeting.id }));
  if (dueMeetings !== undefined) {
    afterDue = await checkDueMeetings(tx, dueMeetings, analysis.fiscalYear);
    await replaceDueMeetings(tx, analysis.id, afterDue);
  }
  const updated = await updateAnalysisRow(tx, analysis.id, analysis.version, fields);
  await recordAudit(tx, options.actor, {
    action: 'analysis.plan.update',
    entityType: 'analysis',
    entityId: analysis.id,
    before: {
      ...analysis,
      dueMeetings: beforeDue.map((due) => ({ stage: due.stage, meetingId: due.meeting.id })),
    },
    after: { ...updated, dueMeetings: afterDue },
  });
  return updated;
}
