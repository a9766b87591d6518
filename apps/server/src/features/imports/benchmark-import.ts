import { isAnalysisDraftEditable } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { recordAudit } from '../../lib/audit.ts';
import { hasRole } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import {
  accessFor,
  analysisPolicy,
  benchmarkValueErrors,
  coveredOrgUnits,
  listIndicators,
  lockAnalysis,
  replaceIndicatorValues,
  updateAnalysisRow,
} from '../analyses/index.ts';
import { parseFiscalYear } from './cluster-import.ts';
import {
  type ImportField,
  type ImportKind,
  parseFlag,
  type RowError,
  type RowValues,
  requiredError,
  tooLongError,
  withShiftJisTwins,
} from './import-kind.ts';
import {
  type ClusterNumbers,
  clusterNumbersOf,
  listAnalysisKeys,
  listBenchmarkValuesForImport,
  listClusterNumbers,
  listClusterOwnerPairs,
  listIndicatorNames,
} from './record-import.queries.ts';

const field = (
  key: string,
  ja: string,
  en: string,
  aliases: string[],
  isRequired = false,
  hint?: { ja: string; en: string },
): ImportField => ({ key, label: { ja, en }, aliases, isRequired, hint });

const FIELDS = {
  fiscalYear: field('fiscalYear', '分析年度', 'Analysis fiscal year', ['経営分析の年度'], true, {
    ja: '経営分析の年度（2024、令和6年度 など）',
    en: 'The fiscal year of the analysis',
  }),
  cluster: field('cluster', 'クラスター番号', 'Cluster number', ['番号', '事業クラスター番号'], true, {
    ja: 'その年度の事業クラスターの番号',
    en: 'The cluster’s number in that year',
  }),
  indicator: field('indicator', '指標', 'Indicator', ['指標名'], true, {
    ja: '経営分析に登録済みの比較指標の名前',
    en: 'An indicator the analysis already has',
  }),
  subject: field('subject', '比較対象', 'Subject', ['団体', '自治体', '団体名'], true),
  year: field('year', '年度', 'Year', ['値の年度', '年'], true, { ja: '西暦4桁', en: 'Four digits' }),
  value: field('value', '値', 'Value', ['数値'], true),
  isOwnCity: field('isOwnCity', '本市', 'This city', ['本市フラグ'], false, {
    ja: '○ または ×（空欄なら登録済みのとおり）',
    en: '○ or × (empty: as recorded)',
  }),
} as const;

type Analysis = Awaited<ReturnType<typeof listAnalysisKeys>>[number];
type StoredValue = { value: number; isOwnCity: boolean };

type Context = {
  actor: CurrentUser | null;
  years: Set<number>;
  numbers: ClusterNumbers;
  analyses: Map<string, Analysis>;
  mayEdit: Set<string>;
  nameById: Map<string, string>;
  /** analysis id → indicator name (width folded) → indicator id */
  indicators: Map<string, Map<string, string>>;
  /** indicator id → subject + year → value */
  values: Map<string, Map<string, StoredValue>>;
  /** indicator id → subject → this city or not, once the file is applied */
  mergedFlags: Map<string, Map<string, Set<boolean>>>;
  fileKeyCounts: Map<string, number>;
};

type BenchmarkRecord = {
  analysisId: string;
  indicatorId: string;
  subject: string;
  year: number;
  value: number;
  isOwnCity: boolean;
};

/** A value's key: subject and year (a subject that went through Shift_JIS is the same subject). */
const valueKey = (subject: string, year: number) => `${withShiftJisTwins(subject)}\u0000${year}`;

type Parsed = {
  errors: RowError[];
  analysis: Analysis | null;
  indicatorId: string | null;
  subject: string;
  year: number | null;
  value: number | null;
  explicitFlag: boolean | null;
};

/** Reads one row against the lookups (without the checks that need the whole file). */
function parseRow(values: RowValues, context: Omit<Context, 'mergedFlags' | 'fileKeyCounts'>): Parsed {
  const errors: RowError[] = [];
  const error = (fieldKey: string, ja: string, en: string) => errors.push({ field: fieldKey, ja, en });
  const fiscalYear = values.fiscalYear ? parseFiscalYear(values.fiscalYear) : null;
  if (!values.fiscalYear) errors.push(requiredError(FIELDS.fiscalYear));
  else if (!fiscalYear || !context.years.has(fiscalYear))
    error(
      'fiscalYear',
      `分析年度「${values.fiscalYear.slice(0, 20)}」は登録されていません。`,
      'Unknown fiscal year.',
    );
  const number = Number((values.cluster ?? '').normalize('NFKC'));
  let analysis: Analysis | null = null;
  if (!values.cluster) errors.push(requiredError(FIELDS.cluster));
  else if (!Number.isInteger(number))
    error('cluster', 'クラスター番号は整数にしてください。', 'Not a number.');
  else if (fiscalYear && context.years.has(fiscalYear)) {
    const clusterId = context.numbers.idOf(fiscalYear, number);
    analysis = clusterId ? (context.analyses.get(`${fiscalYear}:${clusterId}`) ?? null) : null;
    if (!analysis)
      error(
        'cluster',
        `${fiscalYear}年度にクラスター番号 ${number} の経営分析がありません。`,
        `There is no analysis of cluster ${number} in ${fiscalYear}.`,
      );
    else if (!context.mayEdit.has(analysis.id)) {
      error(
        'cluster',
        `${fiscalYear}年度 クラスター番号 ${number} の経営分析を編集する権限がありません（所管部署のみ）。`,
        'Only the owning department edits this analysis.',
      );
      analysis = null;
    }
  }
  const indicatorName = withShiftJisTwins(values.indicator ?? '').normalize('NFKC');
  let indicatorId: string | null = null;
  if (!indicatorName) errors.push(requiredError(FIELDS.indicator));
  else if (analysis) {
    // Names are compared with width folded (（） and () alike), as people retype them.
    indicatorId = context.indicators.get(analysis.id)?.get(indicatorName) ?? null;
    if (!indicatorId)
      error(
        'indicator',
        `指標「${indicatorName.slice(0, 60)}」はこの経営分析に登録されていません。先に指標を登録してください。`,
        'The analysis has no such indicator; add it first.',
      );
  }
  const subject = values.subject ?? '';
  if (!subject) errors.push(requiredError(FIELDS.subject));
  else if (subject.length > 200) errors.push(tooLongError(FIELDS.subject, 200));
  const yearText = (values.year ?? '').normalize('NFKC').replace(/年度?$/u, '');
  const year =
    /^\d{4}$/u.test(yearText) && Number(yearText) >= 1900 && Number(yearText) <= 2100
      ? Number(yearText)
      : null;
  if (!values.year) errors.push(requiredError(FIELDS.year));
  else if (year === null) error('year', '年度は西暦4桁で入力してください。', 'The year must be four digits.');
  const valueText = (values.value ?? '').normalize('NFKC').replace(/,/gu, '');
  const parsedValue = valueText === '' ? Number.NaN : Number(valueText);
  const value = Number.isFinite(parsedValue) && Math.abs(parsedValue) <= 1e15 ? parsedValue : null;
  if (!values.value) errors.push(requiredError(FIELDS.value));
  else if (value === null)
    error('value', `値「${values.value.slice(0, 30)}」が数値ではありません。`, 'Not a number.');
  let explicitFlag: boolean | null = null;
  if (values.isOwnCity) {
    explicitFlag = parseFlag(values.isOwnCity);
    if (explicitFlag === null)
      error('isOwnCity', '本市は ○ か × にしてください。', 'This city must be ○ or ×.');
  }
  return { errors, analysis, indicatorId, subject, year, value, explicitFlag };
}

/** Whether a subject is this city: the row's own mark, else as recorded for the indicator, else not. */
function flagOf(parsed: Parsed, values: Map<string, Map<string, StoredValue>>): boolean {
  if (parsed.explicitFlag !== null) return parsed.explicitFlag;
  for (const [key, stored] of values.get(parsed.indicatorId ?? '') ?? []) {
    if (key.startsWith(`${withShiftJisTwins(parsed.subject)}\u0000`)) return stored.isOwnCity;
  }
  return false;
}

/**
 * 比較分析の値: the values of the indicators analyses already have, by analysis (fiscal year and
 * cluster number), indicator, subject and year; written by the owning department while the report
 * may be edited, like the analysis screen's own CSV import.
 */
export const benchmarkImport: ImportKind<Context, BenchmarkRecord> = {
  kind: 'benchmark_values',
  label: { ja: '比較分析の値', en: 'Benchmark values' },
  fields: Object.values(FIELDS),
  canImport: (user) => hasRole(user, 'department_staff'),

  async loadContext(db, rows, options) {
    const base = await loadLookups(db, options.actor);
    const fileKeyCounts = new Map<string, number>();
    const mergedFlags = new Map<string, Map<string, Set<boolean>>>();
    const merged = new Map<string, Map<string, boolean>>();
    for (const [indicatorId, stored] of base.values) {
      merged.set(indicatorId, new Map([...stored].map(([key, entry]) => [key, entry.isOwnCity])));
    }
    for (const row of rows) {
      const parsed = parseRow(row, base);
      if (!parsed.indicatorId || parsed.year === null || !parsed.subject) continue;
      const key = `${parsed.indicatorId}\u0000${valueKey(parsed.subject, parsed.year)}`;
      fileKeyCounts.set(key, (fileKeyCounts.get(key) ?? 0) + 1);
      const values = merged.get(parsed.indicatorId) ?? new Map<string, boolean>();
      values.set(valueKey(parsed.subject, parsed.year), flagOf(parsed, base.values));
      merged.set(parsed.indicatorId, values);
    }
    for (const [indicatorId, values] of merged) {
      const bySubject = new Map<string, Set<boolean>>();
      for (const [key, isOwnCity] of values) {
        const subject = key.slice(0, key.indexOf('\u0000'));
        const flags = bySubject.get(subject) ?? new Set<boolean>();
        flags.add(isOwnCity);
        bySubject.set(subject, flags);
      }
      mergedFlags.set(indicatorId, bySubject);
    }
    return { ...base, mergedFlags, fileKeyCounts };
  },

  checkRow(values, context) {
    const parsed = parseRow(values, context);
    const { errors, analysis, indicatorId, subject, year, value } = parsed;
    const key = indicatorId && year !== null ? valueKey(subject, year) : null;
    if (indicatorId && key && (context.fileKeyCounts.get(`${indicatorId}\u0000${key}`) ?? 0) > 1)
      errors.push({
        field: 'year',
        ja: `「${subject.slice(0, 40)}」の${year}年度の値がファイル内で重複しています。`,
        en: 'The same value appears twice in the file.',
      });
    const isOwnCity = flagOf(parsed, context.values);
    if (indicatorId && subject) {
      const bySubject = context.mergedFlags.get(indicatorId);
      if ((bySubject?.get(withShiftJisTwins(subject))?.size ?? 0) > 1)
        errors.push({
          field: 'isOwnCity',
          ja: `「${subject.slice(0, 40)}」が本市かどうかが年度によって異なります。`,
          en: 'The subject is this city in some years only.',
        });
      const ownSubjects = [...(bySubject ?? [])].filter(([, flags]) => flags.has(true));
      if (isOwnCity && ownSubjects.length > 1)
        errors.push({
          field: 'isOwnCity',
          ja: '本市として指定できるのは1つの比較対象だけです。',
          en: 'Only one subject can be this city.',
        });
    }
    if (errors.length > 0 || !analysis || !indicatorId || !key || year === null || value === null)
      return {
        isValid: false,
        key: key ? `${values.cluster}:${values.indicator}:${subject}:${year}` : null,
        errors,
      };
    const stored = context.values.get(indicatorId)?.get(key);
    const action = !stored
      ? 'create'
      : stored.value === value && stored.isOwnCity === isOwnCity
        ? 'unchanged'
        : 'update';
    if (action !== 'unchanged') {
      const refusal = analysis.closedAt
        ? 'この経営分析は終了しているため変更できません。'
        : !isAnalysisDraftEditable(analysis.reviewStatus)
          ? '報告書の審査中は比較分析の値を変更できません。取り下げるか差戻しを待ってください。'
          : null;
      if (refusal)
        return {
          isValid: false,
          key: null,
          errors: [{ field: 'cluster', ja: refusal, en: 'The analysis cannot be edited now.' }],
        };
    }
    return {
      isValid: true,
      key: `${analysis.fiscalYear}:${values.cluster}:${values.indicator}:${subject}:${year}`.slice(0, 200),
      action,
      record: { analysisId: analysis.id, indicatorId, subject, year, value, isOwnCity },
    };
  },

  async commit(tx, records, actor) {
    const byAnalysis = new Map<string, BenchmarkRecord[]>();
    for (const { record } of records) {
      const list = byAnalysis.get(record.analysisId) ?? [];
      list.push(record);
      byAnalysis.set(record.analysisId, list);
    }
    let created = 0;
    let updated = 0;
    for (const [analysisId, changes] of byAnalysis) {
      const analysis = (await lockAnalysis(tx, analysisId))!;
      const indicators = await listIndicators(tx, analysisId);
      const touched = new Set(changes.map((change) => change.indicatorId));
      for (const indicator of indicators.filter((entry) => touched.has(entry.id))) {
        const values = new Map(
          indicator.values.map((entry) => [
            valueKey(entry.subject, entry.year),
            { subject: entry.subject, year: entry.year, value: entry.value, isOwnCity: entry.isOwnCity },
          ]),
        );
        for (const change of changes.filter((entry) => entry.indicatorId === indicator.id)) {
          if (values.has(valueKey(change.subject, change.year))) updated += 1;
          else created += 1;
          values.set(valueKey(change.subject, change.year), {
            subject: values.get(valueKey(change.subject, change.year))?.subject ?? change.subject,
            year: change.year,
            value: change.value,
            isOwnCity: change.isOwnCity,
          });
        }
        const errors = benchmarkValueErrors([...values.values()], indicator.name);
        if (errors.length > 0) throw new AppError('validation_failed', { fieldErrors: errors });
        await replaceIndicatorValues(tx, indicator.id, [...values.values()]);
      }
      await updateAnalysisRow(tx, analysisId, analysis.version);
      await recordAudit(tx, actor, {
        action: 'analysis.benchmark.import',
        entityType: 'analysis',
        entityId: analysisId,
        after: {
          rows: changes.length,
          indicators: indicators.filter((entry) => touched.has(entry.id)).map((entry) => entry.name),
        },
      });
    }
    return { created, updated };
  },

  async exportRows(db, { user }) {
    const lookups = await loadLookups(db, user);
    const analysisOfIndicator = new Map<string, { analysis: Analysis; name: string }>();
    for (const [analysisId, names] of lookups.indicators) {
      const analysis = [...lookups.analyses.values()].find((entry) => entry.id === analysisId);
      if (!analysis || !lookups.mayEdit.has(analysisId)) continue;
      for (const id of names.values())
        analysisOfIndicator.set(id, { analysis, name: lookups.nameById.get(id)! });
    }
    return (await listBenchmarkValuesForImport(db)).flatMap((row) => {
      const owner = analysisOfIndicator.get(row.indicatorId);
      if (!owner) return [];
      return [
        {
          fiscalYear: String(owner.analysis.fiscalYear),
          cluster: String(
            lookups.numbers.numberOf(owner.analysis.clusterId, owner.analysis.fiscalYear) ?? '',
          ),
          indicator: owner.name,
          subject: row.subject,
          year: String(row.year),
          value: String(row.value),
          isOwnCity: row.isOwnCity ? '○' : '×',
        },
      ];
    });
  },
};

/** What checking and exporting need: analyses the person may edit, their indicators and values. */
async function loadLookups(db: Executor, actor: CurrentUser | null) {
  const [clusterRows, analysisRows, ownerPairs, indicatorRows, valueRows, covered] = await Promise.all([
    listClusterNumbers(db),
    listAnalysisKeys(db),
    listClusterOwnerPairs(db),
    listIndicatorNames(db),
    listBenchmarkValuesForImport(db),
    coveredOrgUnits(db, actor),
  ]);
  const ownersByCluster = new Map<string, string[]>();
  for (const pair of ownerPairs) {
    ownersByCluster.set(pair.clusterId, [...(ownersByCluster.get(pair.clusterId) ?? []), pair.orgUnitId]);
  }
  const mayEdit = new Set(
    analysisRows
      .filter((row) => {
        const owning = [row.leadOrgUnitId, ...(ownersByCluster.get(row.clusterId) ?? [])].filter(
          (id): id is string => id !== null,
        );
        return analysisPolicy.canEditReport(accessFor(actor, covered, owning));
      })
      .map((row) => row.id),
  );
  const indicators = new Map<string, Map<string, string>>();
  for (const row of indicatorRows) {
    const names = indicators.get(row.analysisId) ?? new Map<string, string>();
    names.set(withShiftJisTwins(row.name).normalize('NFKC'), row.id);
    indicators.set(row.analysisId, names);
  }
  const values = new Map<string, Map<string, StoredValue>>();
  for (const row of valueRows) {
    const stored = values.get(row.indicatorId) ?? new Map<string, StoredValue>();
    stored.set(valueKey(row.subject, row.year), { value: row.value, isOwnCity: row.isOwnCity });
    values.set(row.indicatorId, stored);
  }
  return {
    actor,
    nameById: new Map(indicatorRows.map((row) => [row.id, row.name])),
    years: new Set(analysisRows.map((row) => row.fiscalYear)),
    numbers: clusterNumbersOf(clusterRows),
    analyses: new Map(analysisRows.map((row) => [`${row.fiscalYear}:${row.clusterId}`, row])),
    mayEdit,
    indicators,
    values,
  };
}
