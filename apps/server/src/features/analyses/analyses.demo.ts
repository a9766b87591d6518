import { analysisReportSchema } from '@totonoe/domain';
import type { DemoExtension } from '../../seed/load-demo-data.ts';
import { DEMO_ANALYSES, DEMO_BENCHMARK_YEARS, DEMO_COMPARATORS } from './analyses.demo-data.ts';
import {
  insertSettingIfAbsent,
  insertTransition,
  insertVersion,
  listAnalyses,
  replaceDueMeetings,
  updateAnalysisRow,
  updateVersion,
  upsertReport,
} from './analyses.queries.ts';
import { insertIndicator, replaceEffects, replaceIndicatorValues } from './analysis-figures.queries.ts';
import { PROGRAMME_PERIOD_SETTING } from './analysis-guards.ts';
import { currentVersionContent } from './version-snapshot.ts';

const KICKOFF_SEQUENCE = 0;
const FINAL_REPORT_SEQUENCE = 5;

/**
 * The FY2024 analyses at the stage the seed's schedule implies: started at the キックオフMTG and
 * reported as progress at the 第1回 X会議 (第2回 for 文化振興施策), each with its report, the
 * reported version, due meetings for the direction and final reports, effects and a comparison.
 */
export const analysisDemo: DemoExtension = {
  name: 'analyses',
  load: async (tx, context) => {
    await insertSettingIfAbsent(tx, PROGRAMME_PERIOD_SETTING, {
      name: '市政変革推進プラン',
      startFiscalYear: context.fiscalYear,
      endFiscalYear: context.fiscalYear + 2,
    });
    const meeting = (sequence: number) => {
      const id = context.meetingIdBySequence.get(sequence);
      if (!id) throw new Error(`The demo data set has no meeting ${sequence}`);
      return id;
    };
    const reform = context.userIdByLogin.get('reform') ?? null;
    for (const demo of DEMO_ANALYSES) {
      const clusterId = context.clusterIdByNumber.get(demo.clusterNumber);
      const row = clusterId
        ? (await listAnalyses(tx, { fiscalYear: context.fiscalYear, clusterId, onlyPublished: false }))[0]
        : undefined;
      if (!row) throw new Error(`The demo data set has no analysis of cluster ${demo.clusterNumber}`);
      const analysisId = row.analysis.id;
      const submittedBy = demo.submittedBy ? (context.userIdByLogin.get(demo.submittedBy) ?? null) : null;
      const approvedBy = demo.approvedBy ? (context.userIdByLogin.get(demo.approvedBy) ?? null) : null;

      await replaceDueMeetings(tx, analysisId, [
        { stage: 'progress_reported', meetingId: meeting(demo.progressMeeting) },
        { stage: 'direction_reported', meetingId: meeting(demo.directionMeeting) },
        { stage: 'final_reported', meetingId: meeting(FINAL_REPORT_SEQUENCE) },
      ]);
      await upsertReport(tx, analysisId, analysisReportSchema.parse(demo.report), submittedBy);
      await replaceEffects(tx, analysisId, demo.effects);
      const indicator = await insertIndicator(tx, {
        analysisId,
        name: demo.benchmark.name,
        unit: demo.benchmark.unit,
        direction: demo.benchmark.direction,
        source: demo.benchmark.source,
        note: '',
      });
      await replaceIndicatorValues(
        tx,
        indicator.id,
        DEMO_COMPARATORS.flatMap((subject, subjectIndex) =>
          DEMO_BENCHMARK_YEARS.map((year, yearIndex) => ({
            subject,
            isOwnCity: subjectIndex === 0,
            year,
            value: demo.benchmark.values[subjectIndex]![yearIndex]!,
          })),
        ),
      );

      await insertTransition(tx, {
        analysisId,
        fromStage: 'planned',
        toStage: 'started',
        meetingId: meeting(KICKOFF_SEQUENCE),
        reportedOn: '2024-06-04',
        note: '担当部局と市政変革室のMTGを経て着手',
        actorId: reform,
        createdAt: new Date('2024-06-04T09:00:00+09:00'),
      });
      const reportedOn = demo.progressMeeting === 1 ? '2024-07-22' : '2024-08-21';
      const submittedAt = new Date(`${reportedOn}T09:00:00+09:00`);
      submittedAt.setDate(submittedAt.getDate() - 10);
      const version = await insertVersion(tx, {
        analysisId,
        number: 1,
        report: 'progress_reported',
        status: 'accepted',
        content: await currentVersionContent(tx, analysisId),
        submittedBy,
        submittedAt,
        approvedBy,
        approvedAt: approvedBy ? new Date(submittedAt.getTime() + 2 * 86_400_000) : null,
        reviewedBy: reform,
        reviewedAt: new Date(submittedAt.getTime() + 5 * 86_400_000),
      });
      const transitionId = await insertTransition(tx, {
        analysisId,
        fromStage: 'started',
        toStage: 'progress_reported',
        meetingId: meeting(demo.progressMeeting),
        reportedOn,
        versionId: version.id,
        note: '',
        actorId: reform,
        createdAt: new Date(`${reportedOn}T17:00:00+09:00`),
      });
      await updateVersion(tx, version.id, { status: 'reported', transitionId });
      if (Object.keys(demo.draftChanges).length > 0) {
        await upsertReport(
          tx,
          analysisId,
          analysisReportSchema.parse({ ...demo.report, ...demo.draftChanges }),
          submittedBy,
        );
      }
      // X meeting materials are published, so the progress reports are too.
      await updateAnalysisRow(tx, analysisId, row.analysis.version, {
        stage: 'progress_reported',
        reviewStatus: 'draft',
        isPublished: true,
      });
    }
  },
};
