import type { AnalysisReportingStage } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import { isReformOfficeUser, orgUnitExists } from './analyses.queries.ts';
import { meetingOfYear } from './analysis-guards.ts';

/** The X meeting at which each report is due; a report left out has no meeting yet. */
export type DueMeetingPlan = Partial<Record<AnalysisReportingStage, string>>;

/** Checks the lead org unit and the reform-office contact named in a plan; 422 with the fields at fault. */
export async function checkPlanPeople(
  db: Executor,
  values: { leadOrgUnitId?: string | null; contactUserId?: string | null },
): Promise<void> {
  const errors: FieldError[] = [];
  if (values.leadOrgUnitId && !(await orgUnitExists(db, values.leadOrgUnitId))) {
    errors.push({
      path: 'leadOrgUnitId',
      messages: { ja: '担当組織が見つかりません。', en: 'The lead org unit does not exist.' },
    });
  }
  if (values.contactUserId && !(await isReformOfficeUser(db, values.contactUserId))) {
    errors.push({
      path: 'contactUserId',
      messages: {
        ja: '市政変革室の担当者を指定してください。',
        en: 'The contact must be an active member of the reform office.',
      },
    });
  }
  if (errors.length > 0) throw new AppError('unprocessable', { fieldErrors: errors });
}

/** Checks that every due meeting is a meeting of the analysis's year and returns the rows to store. */
export async function checkDueMeetings(db: Executor, plan: DueMeetingPlan, fiscalYear: number) {
  const entries: { stage: AnalysisReportingStage; meetingId: string }[] = [];
  for (const [stage, meetingId] of Object.entries(plan) as [AnalysisReportingStage, string | undefined][]) {
    if (!meetingId) continue;
    await meetingOfYear(db, meetingId, fiscalYear);
    entries.push({ stage, meetingId });
  }
  return entries;
}
