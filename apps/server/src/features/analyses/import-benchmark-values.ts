import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorization.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import { type AnalysisAccess, analysisPolicy } from './analyses.policy.ts';
import { updateAnalysisRow } from './analyses.queries.ts';
import { listIndicators, replaceIndicatorValues } from './analysis-figures.queries.ts';
import { assertDraftEditable, lockOpenAnalysis } from './analysis-guards.ts';
import { decodeCsv, readBenchmarkCsv } from './benchmark-csv.ts';
import { type BenchmarkValueInput, benchmarkValueErrors } from './benchmark-values.ts';

/** At most this many value rows are read from one file. */
export const MAX_CSV_ROWS = 5_000;

function rowError(row: number, column: string, ja: string, en: string): FieldError {
  return {
    path: `row ${row}${column ? ` ${column}` : ''}`,
    messages: { ja: `${row}行目: ${ja}`, en: `Row ${row}: ${en}` },
  };
}

/**
 * Imports benchmark values from CSV into the analysis's existing indicators: a value for the same
 * subject and year is replaced, others are added. A row naming an unknown indicator, or any bad
 * row, refuses the whole file.
 */
export async function importBenchmarkValues(
  tx: Transaction,
  options: {
    analysisId: string;
    expectedVersion: number;
    bytes: Uint8Array;
    access: AnalysisAccess;
    actor: Actor;
  },
) {
  authorize(analysisPolicy.canEditReport(options.access));
  const analysis = await lockOpenAnalysis(tx, options.analysisId, options.expectedVersion);
  assertDraftEditable(analysis);
  const text = decodeCsv(options.bytes);
  if (text === null) {
    throw new AppError('validation_failed', {
      messages: {
        ja: 'CSV の文字コードを読み取れません（UTF-8 または Shift_JIS で保存してください）。',
        en: 'The CSV is neither UTF-8 nor Shift_JIS.',
      },
    });
  }
  const parsed = readBenchmarkCsv(text);
  if (parsed.rows.length + parsed.problems.length > MAX_CSV_ROWS) {
    throw new AppError('payload_too_large', {
      messages: {
        ja: `一度に取り込めるのは${MAX_CSV_ROWS}行までです。`,
        en: `At most ${MAX_CSV_ROWS} rows can be imported at once.`,
      },
    });
  }
  if (parsed.problems.length > 0) {
    throw new AppError('validation_failed', {
      fieldErrors: parsed.problems.map((problem) =>
        rowError(problem.row, problem.column, problem.ja, problem.en),
      ),
    });
  }
  if (parsed.rows.length === 0) {
    throw new AppError('validation_failed', {
      messages: { ja: '取り込む行がありません。', en: 'There are no rows to import.' },
    });
  }
  const indicators = await listIndicators(tx, analysis.id);
  const byName = new Map(indicators.map((indicator) => [indicator.name, indicator]));
  const unknown = parsed.rows.filter((row) => !byName.has(row.indicator));
  if (unknown.length > 0) {
    throw new AppError('unprocessable', {
      messages: {
        ja: 'CSV に登録されていない指標があります。先に指標を登録してください。',
        en: 'The CSV names indicators this analysis does not have; add them first.',
      },
      fieldErrors: unknown.map((row) =>
        rowError(
          row.row,
          '指標',
          `指標「${row.indicator}」は登録されていません。`,
          `There is no indicator called ${row.indicator}.`,
        ),
      ),
    });
  }
  const merged = new Map<string, Map<string, BenchmarkValueInput>>();
  for (const indicator of indicators) {
    merged.set(
      indicator.id,
      new Map(indicator.values.map((value) => [`${value.subject}\u0000${value.year}`, { ...value }])),
    );
  }
  for (const row of parsed.rows) {
    const indicator = byName.get(row.indicator)!;
    const values = merged.get(indicator.id)!;
    const known = [...values.values()].find((value) => value.subject === row.subject);
    values.set(`${row.subject}\u0000${row.year}`, {
      subject: row.subject,
      year: row.year,
      value: row.value,
      isOwnCity: row.isOwnCity ?? known?.isOwnCity ?? false,
    });
  }
  const nameById = new Map(indicators.map((indicator) => [indicator.id, indicator.name]));
  const touched = [...new Set(parsed.rows.map((row) => byName.get(row.indicator)!.id))];
  const errors = touched.flatMap((id) =>
    benchmarkValueErrors([...merged.get(id)!.values()], nameById.get(id)!),
  );
  if (errors.length > 0) throw new AppError('validation_failed', { fieldErrors: errors });
  for (const id of touched) await replaceIndicatorValues(tx, id, [...merged.get(id)!.values()]);
  const updated = await updateAnalysisRow(tx, analysis.id, analysis.version);
  await recordAudit(tx, options.actor, {
    action: 'analysis.benchmark.import',
    entityType: 'analysis',
    entityId: analysis.id,
    after: { rows: parsed.rows.length, indicators: touched.map((id) => nameById.get(id)) },
  });
  return { analysis: updated, importedRows: parsed.rows.length };
}
