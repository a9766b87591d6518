import { fiscalYearLabel } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import {
  findReport,
  insertFiscalYear,
  insertRolledOverAnalysis,
  isClusterInEffect,
  listUnfinishedAnalyses,
  openedFiscalYears,
  updateAnalysisRow,
  upsertReport,
} from './analyses.queries.ts';
import { copyFigures } from './analysis-figures.queries.ts';

export type CarryOverDecision = { analysisId: string; action: 'roll_over' | 'close'; reason?: string };

/**
 * Opens the next fiscal year in one step: the register carries over as it stands (revisions run
 * until changed); each unfinished analysis of the year before either rolls over — a copy in the new
 * year with its working copy and figures, linked to the old one, which is closed and keeps its
 * history — or is closed with a reason. The new year's plan starts with the rolled-over analyses
 * only. Running it again finds nothing left to do and changes nothing.
 */
export async function openFiscalYear(
  tx: Transaction,
  options: { year: number; decisions: CarryOverDecision[]; actor: Actor; now?: Date },
) {
  const years = await openedFiscalYears(tx);
  const latest = years.at(-1);
  if (latest !== undefined && !years.includes(options.year) && options.year !== latest + 1) {
    throw new AppError('unprocessable', {
      messages: {
        ja: `開始できるのは${fiscalYearLabel(latest + 1)}です。年度を飛ばして開始することはできません。`,
        en: `The next fiscal year to open is FY${latest + 1}; years cannot be skipped.`,
      },
    });
  }
  const decisions = new Map(options.decisions.map((decision) => [decision.analysisId, decision]));
  const unfinished = await listUnfinishedAnalyses(tx, options.year - 1);
  const unknown = options.decisions.filter(
    (decision) => !unfinished.some((row) => row.analysis.id === decision.analysisId),
  );
  if (unknown.length > 0 && years.includes(options.year) && unfinished.length === 0) {
    // Already opened and nothing left: the second run changes nothing.
    return { year: options.year, isNewlyOpened: false, rolledOver: [], closed: [] };
  }
  if (unknown.length > 0) {
    throw new AppError('unprocessable', {
      messages: {
        ja: '前年度の未了の経営分析ではないものが指定されています。',
        en: 'A decision names an analysis that is not an unfinished analysis of the year before.',
      },
    });
  }
  const isNewlyOpened = await insertFiscalYear(tx, options.year);
  const now = options.now ?? new Date();
  const rolledOver: { from: string; to: string }[] = [];
  const closed: string[] = [];
  for (const { analysis, clusterNumber, clusterName } of unfinished) {
    const decision = decisions.get(analysis.id) ?? { analysisId: analysis.id, action: 'roll_over' as const };
    if (decision.action === 'close') {
      const reason = decision.reason?.trim();
      if (!reason) {
        throw new AppError('validation_failed', {
          messages: {
            ja: `${clusterNumber} ${clusterName} を終了する理由を入力してください。`,
            en: `Give the reason for closing the analysis of cluster ${clusterNumber}.`,
          },
        });
      }
      await updateAnalysisRow(tx, analysis.id, analysis.version, { closedAt: now, closedReason: reason });
      closed.push(analysis.id);
      continue;
    }
    if (!(await isClusterInEffect(tx, analysis.clusterId, options.year))) {
      throw new AppError('unprocessable', {
        messages: {
          ja: `${clusterNumber} ${clusterName} は${fiscalYearLabel(options.year)}の事業クラスター一覧にないため繰り越せません。終了してください。`,
          en: `Cluster ${clusterNumber} is not in the FY${options.year} register; close its analysis instead.`,
        },
      });
    }
    const copy = await insertRolledOverAnalysis(tx, analysis, options.year);
    if (!copy) {
      throw new AppError('conflict', {
        messages: {
          ja: `${clusterNumber} ${clusterName} には${fiscalYearLabel(options.year)}の経営分析が既にあります。終了してください。`,
          en: `Cluster ${clusterNumber} already has an FY${options.year} analysis; close the old one instead.`,
        },
      });
    }
    const report = await findReport(tx, analysis.id);
    if (report) await upsertReport(tx, copy.id, report.content, report.updatedBy);
    await copyFigures(tx, analysis.id, copy.id);
    await updateAnalysisRow(tx, analysis.id, analysis.version, {
      closedAt: now,
      closedReason: `${fiscalYearLabel(options.year)}へ繰越`,
    });
    rolledOver.push({ from: analysis.id, to: copy.id });
  }
  if (isNewlyOpened || rolledOver.length > 0 || closed.length > 0) {
    await recordAudit(tx, options.actor, {
      action: 'fiscal_year.open',
      entityType: 'fiscal_year',
      entityId: String(options.year),
      after: { year: options.year, isNewlyOpened, rolledOver, closed },
    });
  }
  return { year: options.year, isNewlyOpened, rolledOver, closed };
}
