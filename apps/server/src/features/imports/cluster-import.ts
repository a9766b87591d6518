import {
  CLUSTER_GROUPS,
  CLUSTER_KINDS,
  type ClusterGroup,
  type ClusterKind,
  clusterGroupLabel,
  clusterKindLabel,
  isKindAllowedForGroup,
} from '@totonoe/domain';
import { hasRole } from '../../lib/authorization.ts';
import { insertPlannedAnalysis, listClustersForYear } from '../clusters/clusters.queries.ts';
import { updateCluster } from '../clusters/update-cluster.ts';
import { listFiscalYears } from '../fiscal-years/index.ts';
import { insertImportedCluster, listUnitCodes, replaceClusterOwners } from './cluster-import.queries.ts';
import {
  type ImportField,
  type ImportKind,
  parseFlag,
  type RowError,
  requiredError,
  tooLongError,
} from './import-kind.ts';

const field = (
  key: string,
  ja: string,
  en: string,
  aliases: string[],
  isRequired = false,
  hint?: { ja: string; en: string },
): ImportField => ({ key, label: { ja, en }, aliases, isRequired, hint });

const FIELDS = {
  fiscalYear: field('fiscalYear', '年度', 'Fiscal year', ['FY', '対象年度'], true, {
    ja: '2024、2024年度、令和6年度、R6 など。その年度からの登録内容として取り込みます。',
    en: '2024, 令和6年度, R6 … The row applies from that year on.',
  }),
  number: field('number', '番号', 'Number', ['クラスター番号', 'No', 'No.'], true, {
    ja: '同じ年度の同じ番号のクラスターは更新されます。',
    en: 'A cluster with the same number in that year is updated.',
  }),
  name: field('name', '事業クラスター名', 'Name', ['名称', 'クラスター名', '事業クラスター'], true),
  group: field('group', 'グループ', 'Group', ['区分'], true, {
    ja: '施策・事業グループ、横断制度グループ、組織強化グループ',
    en: 'policy_program, cross_cutting or organization (or the Japanese names)',
  }),
  kind: field('kind', '種類', 'Kind', ['施策の種類'], false, {
    ja: '施策・事業グループのみ：オペレーション系施策、市独自施策、国制度関連施策',
    en: 'policy_program only: operations, city_original, national_system',
  }),
  owners: field('owners', '所管組織コード', 'Owning units', ['所管', '所管組織'], false, {
    ja: '読点で区切った組織コード。空欄なら今のまま。',
    en: 'Org unit codes separated by 、 or commas; empty keeps them.',
  }),
  isAnalysisTarget: field(
    'isAnalysisTarget',
    '経営分析の対象',
    'Analysis target',
    ['対象', '分析対象'],
    false,
    {
      ja: '○ または ×（空欄なら今のまま）',
      en: '○ or × (empty keeps it)',
    },
  ),
} as const;

type Existing = Awaited<ReturnType<typeof listClustersForYear>>[number];

type Context = {
  openYears: Set<number>;
  byYear: Map<number, Map<number, Existing>>;
  unitIdByCode: Map<string, string>;
  fileKeyCounts: Map<string, number>;
};

type ClusterRecord = {
  fiscalYear: number;
  number: number;
  name: string;
  group: ClusterGroup;
  kind: ClusterKind | null;
  ownerIds: string[] | null;
  isAnalysisTarget: boolean | null;
  existingId: string | null;
};

function labelled<T extends string>(
  values: readonly T[],
  label: (value: T) => string,
  text: string,
): T | null {
  const folded = text.normalize('NFKC').trim().toLowerCase();
  return values.find((value) => value === folded || label(value).normalize('NFKC') === folded) ?? null;
}

/** 2024, 2024年度, 令和6年度, R6 → 2024. */
export function parseFiscalYear(text: string): number | null {
  const folded = text.normalize('NFKC').trim().replace(/年度$/u, '');
  if (/^\d{4}$/u.test(folded)) return Number(folded);
  const era = /^(令和|平成|R|H|r|h)\s*(元|\d{1,2})$/u.exec(folded);
  if (!era) return null;
  const year = era[2] === '元' ? 1 : Number(era[2]);
  return (['令和', 'R', 'r'].includes(era[1]!) ? 2018 : 1988) + year;
}

const splitCodes = (text: string) =>
  text
    .normalize('NFKC')
    .split(/[、,;\s]+/u)
    .filter(Boolean);

/** 事業クラスター: the register of a fiscal year, by number; changes apply from that year on. */
export const clusterImport: ImportKind<Context, ClusterRecord> = {
  kind: 'clusters',
  label: { ja: '事業クラスター', en: 'Business clusters' },
  fields: Object.values(FIELDS),
  canImport: (user) => hasRole(user, 'reform_office'),

  async loadContext(db, rows) {
    const openYears = new Set(
      (await listFiscalYears(db)).filter((year) => year.status === 'open').map((year) => year.year),
    );
    const years = new Set<number>();
    const fileKeyCounts = new Map<string, number>();
    for (const row of rows) {
      const year = parseFiscalYear(row.fiscalYear ?? '');
      if (year && openYears.has(year)) years.add(year);
      const key = `${year}:${Number((row.number ?? '').normalize('NFKC'))}`;
      fileKeyCounts.set(key, (fileKeyCounts.get(key) ?? 0) + 1);
    }
    const byYear = new Map<number, Map<number, Existing>>();
    for (const year of years) {
      byYear.set(year, new Map((await listClustersForYear(db, year)).map((row) => [row.number, row])));
    }
    const unitIdByCode = new Map((await listUnitCodes(db)).map((unit) => [unit.code, unit.id]));
    return { openYears, byYear, unitIdByCode, fileKeyCounts };
  },

  checkRow(values, context) {
    const errors: RowError[] = [];
    const fiscalYear = values.fiscalYear ? parseFiscalYear(values.fiscalYear) : null;
    if (!values.fiscalYear) errors.push(requiredError(FIELDS.fiscalYear));
    else if (!fiscalYear) {
      errors.push({
        field: 'fiscalYear',
        ja: `年度「${values.fiscalYear.slice(0, 20)}」を読めません（例：2024、令和6年度）。`,
        en: 'The fiscal year cannot be read.',
      });
    } else if (!context.openYears.has(fiscalYear)) {
      errors.push({
        field: 'fiscalYear',
        ja: `${fiscalYear}年度はまだ開かれていません。`,
        en: `Fiscal year ${fiscalYear} is not open.`,
      });
    }
    const number = Number((values.number ?? '').normalize('NFKC'));
    if (!values.number) errors.push(requiredError(FIELDS.number));
    else if (!Number.isInteger(number) || number < 1 || number > 9999) {
      errors.push({
        field: 'number',
        ja: '番号は 1 から 9999 までの整数にしてください。',
        en: 'The number must be 1 to 9999.',
      });
    } else if ((context.fileKeyCounts.get(`${fiscalYear}:${number}`) ?? 0) > 1) {
      errors.push({
        field: 'number',
        ja: `番号 ${number} がファイル内で重複しています。`,
        en: `Number ${number} appears more than once.`,
      });
    }
    const name = values.name ?? '';
    if (!name) errors.push(requiredError(FIELDS.name));
    else if (name.length > 200) errors.push(tooLongError(FIELDS.name, 200));
    const group = values.group
      ? labelled(CLUSTER_GROUPS, (value) => clusterGroupLabel(value), values.group)
      : null;
    if (!values.group) errors.push(requiredError(FIELDS.group));
    else if (!group)
      errors.push({
        field: 'group',
        ja: `グループ「${values.group.slice(0, 30)}」は使えません。`,
        en: 'Unknown group.',
      });
    const kind = values.kind
      ? labelled(CLUSTER_KINDS, (value) => clusterKindLabel(value), values.kind)
      : null;
    if (values.kind && !kind)
      errors.push({
        field: 'kind',
        ja: `種類「${values.kind.slice(0, 30)}」は使えません。`,
        en: 'Unknown kind.',
      });
    if (group && (!values.kind || kind) && !isKindAllowedForGroup(group, kind)) {
      errors.push({
        field: 'kind',
        ja: '施策・事業グループには種類（オペレーション系施策・市独自施策・国制度関連施策）が必要で、他のグループには指定できません。',
        en: 'policy_program needs a kind; the other groups take none.',
      });
    }
    let ownerIds: string[] | null = null;
    if (values.owners) {
      ownerIds = [];
      for (const code of splitCodes(values.owners)) {
        const id = context.unitIdByCode.get(code);
        if (id) ownerIds.push(id);
        else
          errors.push({
            field: 'owners',
            ja: `所管組織コード「${code.slice(0, 40)}」の組織がありません。`,
            en: `No org unit has the code ${code.slice(0, 40)}.`,
          });
      }
    }
    let isAnalysisTarget: boolean | null = null;
    if (values.isAnalysisTarget) {
      isAnalysisTarget = parseFlag(values.isAnalysisTarget);
      if (isAnalysisTarget === null)
        errors.push({
          field: 'isAnalysisTarget',
          ja: '経営分析の対象は ○ か × にしてください。',
          en: 'Analysis target must be ○ or ×.',
        });
    }
    const existing = fiscalYear ? context.byYear.get(fiscalYear)?.get(number) : undefined;
    if (
      existing &&
      isAnalysisTarget === false &&
      existing.analysisId &&
      existing.analysisStage !== 'planned'
    ) {
      errors.push({
        field: 'isAnalysisTarget',
        ja: '着手済みの経営分析は対象から外せません。',
        en: 'An analysis already started cannot be taken off the plan.',
      });
    }
    if (errors.length > 0 || !fiscalYear || !group)
      return { isValid: false, key: values.number || null, errors };

    const record: ClusterRecord = {
      fiscalYear,
      number,
      name,
      group,
      kind,
      ownerIds,
      isAnalysisTarget,
      existingId: existing?.id ?? null,
    };
    if (!existing) return { isValid: true, key: `${fiscalYear}:${number}`, action: 'create', record };
    const ownersBefore = existing.owningOrgUnits
      .map((unit) => unit.id)
      .sort()
      .join(',');
    const isSame =
      existing.name === name &&
      existing.groupCode === group &&
      (existing.kindCode ?? null) === kind &&
      (ownerIds === null || [...ownerIds].sort().join(',') === ownersBefore) &&
      (isAnalysisTarget === null || isAnalysisTarget === (existing.analysisId !== null));
    return { isValid: true, key: `${fiscalYear}:${number}`, action: isSame ? 'unchanged' : 'update', record };
  },

  async commit(tx, records, actor) {
    let created = 0;
    let updated = 0;
    for (const { action, record } of records) {
      if (action === 'create') {
        const id = await insertImportedCluster(tx, {
          fiscalYear: record.fiscalYear,
          number: record.number,
          name: record.name,
          groupCode: record.group,
          kindCode: record.kind,
        });
        if (record.ownerIds) await replaceClusterOwners(tx, id, record.ownerIds);
        if (record.isAnalysisTarget) await insertPlannedAnalysis(tx, id, record.fiscalYear);
        created += 1;
      } else if (action === 'update' && record.existingId) {
        const current = (await listClustersForYear(tx, record.fiscalYear, record.existingId))[0]!;
        // The register's own rules (a new revision from the year on, the analysis plan) apply.
        await updateCluster(tx, {
          clusterId: record.existingId,
          fiscalYear: record.fiscalYear,
          expectedVersion: current.version,
          changes: {
            name: record.name,
            group: record.group,
            kind: record.kind,
            ...(record.isAnalysisTarget === null ? {} : { isAnalysisTarget: record.isAnalysisTarget }),
          },
          actor,
        });
        if (record.ownerIds) await replaceClusterOwners(tx, record.existingId, record.ownerIds);
        updated += 1;
      }
    }
    return { created, updated };
  },

  async exportRows(db) {
    const years = await listFiscalYears(db);
    const year = years.at(-1)?.year;
    if (!year) return [];
    const units = new Map((await listUnitCodes(db)).map((unit) => [unit.id, unit.code]));
    return (await listClustersForYear(db, year)).map((row) => ({
      fiscalYear: String(year),
      number: String(row.number),
      name: row.name,
      group: clusterGroupLabel(row.groupCode),
      kind: row.kindCode ? clusterKindLabel(row.kindCode) : '',
      owners: row.owningOrgUnits
        .map((unit) => units.get(unit.id) ?? '')
        .filter(Boolean)
        .join('、'),
      isAnalysisTarget: row.analysisId ? '○' : '×',
    }));
  },
};
