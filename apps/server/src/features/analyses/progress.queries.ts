import { type AnalysisReport, readStoredAnalysisReport } from '@totonoe/domain';
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  analyses,
  analysisDueMeetings,
  analysisReports,
  analysisVersions,
  clusterRevisions,
  meetings,
} from '../../db/schema/index.ts';

/*
 * Read-only views of the year's analyses for the progress dashboard, the schedule and the printed
 * report: which report of which analysis is due at which X meeting, the effect amounts, and the
 * sections of a report as far as they have been reported.
 */

/**
 * Every report due at an X meeting (報告予定) of a fiscal year's analyses, with the cluster as it
 * stood that year, the analysis's current stage and the meeting's dates; in meeting, then cluster order.
 */
export function listAnalysisDuesOfYear(db: Executor, fiscalYear: number) {
  return db
    .select({
      analysisId: analyses.id,
      clusterNumber: clusterRevisions.number,
      clusterName: clusterRevisions.name,
      currentStage: analyses.stage,
      leadOrgUnitId: analyses.leadOrgUnitId,
      dueStage: analysisDueMeetings.stage,
      meetingId: meetings.id,
      meetingSequence: meetings.sequence,
      meetingTitle: meetings.title,
      plannedPrecision: meetings.plannedPrecision,
      plannedStart: meetings.plannedStart,
      plannedEnd: meetings.plannedEnd,
      actualDate: meetings.actualDate,
    })
    .from(analysisDueMeetings)
    .innerJoin(analyses, eq(analyses.id, analysisDueMeetings.analysisId))
    .innerJoin(meetings, eq(meetings.id, analysisDueMeetings.meetingId))
    .innerJoin(
      clusterRevisions,
      and(
        eq(clusterRevisions.clusterId, analyses.clusterId),
        lte(clusterRevisions.validFromFiscalYear, fiscalYear),
        or(isNull(clusterRevisions.validToFiscalYear), gte(clusterRevisions.validToFiscalYear, fiscalYear)),
      ),
    )
    .where(eq(analyses.fiscalYear, fiscalYear))
    .orderBy(asc(meetings.fiscalYear), asc(meetings.sequence), asc(clusterRevisions.number));
}

/**
 * The effect amounts (効果額) of a fiscal year's analyses, summed per analysis and stage (見込み・実績),
 * as the effect ledger counts them: from each analysis's newest version the reform office accepted
 * or that was reported at an X meeting. A working copy's lines are drafts and never count.
 */
export async function sumAnalysisEffectsOfYear(db: Executor, fiscalYear: number) {
  const result = await db.execute<{ analysis_id: string; stage: string; total: string }>(sql`
    select newest.analysis_id, line->>'stage' as stage, sum((line->>'amount')::numeric)::text as total
    from (
      select distinct on (${analysisVersions.analysisId}) ${analysisVersions.analysisId} as analysis_id,
        ${analysisVersions.content} as content
      from ${analysisVersions}
      join ${analyses} on ${analyses.id} = ${analysisVersions.analysisId}
      where ${analyses.fiscalYear} = ${fiscalYear} and ${analysisVersions.status} in ('accepted', 'reported')
      order by ${analysisVersions.analysisId}, ${analysisVersions.number} desc
    ) newest
    cross join lateral jsonb_array_elements(
      case when jsonb_typeof(newest.content->'effects') = 'array' then newest.content->'effects' else '[]'::jsonb end
    ) line
    where line->>'stage' in ('planned', 'actual') and line->>'amount' ~ '^-?[0-9]+$'
    group by newest.analysis_id, line->>'stage'`);
  return result.rows.map((row) => ({
    analysisId: row.analysis_id,
    stage: row.stage as 'planned' | 'actual',
    total: BigInt(row.total),
  }));
}

/**
 * The sections of an analysis report to print: the newest version reported at an X meeting or
 * accepted by the reform office; the working copy (drafts included) only when `includeWorkingCopy`
 * (the owning units, the office and the executives). Null when there is nothing to print.
 */
export async function findPrintableReport(
  db: Executor,
  analysisId: string,
  options: { includeWorkingCopy: boolean },
): Promise<{
  source: 'version' | 'working_copy';
  versionNumber: number | null;
  report: AnalysisReport;
} | null> {
  if (options.includeWorkingCopy) {
    const rows = await db
      .select({ content: analysisReports.content })
      .from(analysisReports)
      .where(eq(analysisReports.analysisId, analysisId))
      .limit(1);
    const report = rows[0] ? readStoredAnalysisReport(rows[0].content) : null;
    if (report) return { source: 'working_copy', versionNumber: null, report };
  }
  const versions = await db
    .select({ number: analysisVersions.number, content: analysisVersions.content })
    .from(analysisVersions)
    .where(
      and(
        eq(analysisVersions.analysisId, analysisId),
        inArray(analysisVersions.status, ['reported', 'accepted']),
      ),
    )
    .orderBy(desc(analysisVersions.number))
    .limit(1);
  const version = versions[0];
  if (!version) return null;
  const content = version.content as { sections?: unknown } | null;
  const report = readStoredAnalysisReport(content?.sections);
  return report ? { source: 'version', versionNumber: version.number, report } : null;
}
