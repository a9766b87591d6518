import {
  INITIATIVE_HEALTH_LABELS,
  INITIATIVE_SOURCE_KIND_LABELS,
  INITIATIVE_STATUS_LABELS,
  type InitiativeHealth,
  type InitiativeSourceKind,
  type InitiativeStatus,
  UPDATE_CADENCE_LABELS,
  type UpdateCadence,
} from '@totonoe/domain';
import { hasAnyRole } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { loadOrgUnitTree, type OrgUnitTree, topUnitOf } from '../bureau-policies/index.ts';
import { listFiscalYears } from '../fiscal-years/index.ts';
import {
  createInitiative,
  type InitiativeFields,
  initiativePolicy,
  updateInitiative,
} from '../initiatives/index.ts';
import { parseFiscalYear } from './cluster-import.ts';
import {
  choiceError,
  countFileIds,
  type ImportField,
  type ImportKind,
  isSameText,
  parseChoice,
  type RowError,
  requiredError,
  tooLongError,
  UUID_PATTERN,
} from './import-kind.ts';
import {
  type ClusterNumbers,
  clusterNumbersOf,
  type InitiativeForImport,
  listAnalysisKeys,
  listBureauPolicyKeys,
  listClusterNumbers,
  listInitiativesForImport,
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
  id: field('id', '取組ID', 'Initiative ID', ['ID', '管理ID'], false, {
    ja: '書き出したファイルの ID。空欄の行は新しい取組として登録します。',
    en: 'The id from an export; rows without one are registered as new initiatives.',
  }),
  fiscalYear: field('fiscalYear', '年度', 'Fiscal year', ['対象年度'], true, {
    ja: '2024、令和6年度、R6 など',
    en: '2024, 令和6年度, R6 …',
  }),
  title: field('title', '取組名', 'Title', ['名称', '件名', '取組'], true),
  summary: field('summary', '概要', 'Summary', ['内容', '説明']),
  sourceKind: field('sourceKind', '出典の種類', 'Source kind', ['出典区分', '種類'], true, {
    ja: '局区X方針・自主的な改革・経営分析の改革の方向性・プラチナ市役所プロジェクトの対応方針・X会議の指示事項',
    en: 'bureau_policy, voluntary_reform, analysis_direction, platinum_response, meeting_instruction',
  }),
  source: field('source', '出典', 'Source', ['出典元'], false, {
    ja: '局区X方針：方針の組織コード（空欄なら担当組織の局区）、経営分析：クラスター番号、対応方針・指示事項：ID、自主的な改革：空欄',
    en: 'Bureau policy: its org unit code (empty: the owner’s bureau); analysis: cluster number; response or instruction: its id; voluntary reform: empty',
  }),
  owner: field('owner', '担当組織コード', 'Owner org unit code', ['担当組織', '担当'], true),
  clusters: field(
    'clusters',
    'クラスター番号',
    'Cluster numbers',
    ['事業クラスター', '関連クラスター'],
    false,
    {
      ja: '読点で区切ったその年度の番号（例：22、23）',
      en: 'Numbers of that year separated by 、 or commas',
    },
  ),
  status: field('status', '状況', 'Status', ['進捗状況'], false, {
    ja: '未着手・取組中・完了・中止（空欄なら新規は未着手、既存は今のまま）',
    en: 'Empty: not started for new rows, unchanged otherwise',
  }),
  health: field('health', '進み具合', 'Health', ['見通し'], false, {
    ja: '順調・要注意・遅延（空欄なら新規は順調、既存は今のまま）',
    en: 'Empty: on track for new rows, unchanged otherwise',
  }),
  updateCadence: field('updateCadence', '報告頻度', 'Update cadence', ['進捗報告の頻度'], false, {
    ja: '毎月・四半期ごと・半期ごと（空欄なら新規は四半期ごと、既存は今のまま）',
    en: 'Empty: quarterly for new rows, unchanged otherwise',
  }),
} as const;

type Context = {
  actor: CurrentUser | null;
  tree: OrgUnitTree;
  years: Set<number>;
  numbers: ClusterNumbers;
  existing: Map<string, InitiativeForImport>;
  analysisIdByYearCluster: Map<string, string>;
  policyIdByYearUnit: Map<string, string>;
  fileIdCounts: Map<string, number>;
};

type InitiativeRecord = {
  fiscalYear: number;
  fields: InitiativeFields;
  existing: InitiativeForImport | null;
};

const splitList = (text: string) =>
  text
    .normalize('NFKC')
    .split(/[、,;\s]+/u)
    .filter(Boolean);

const sameSet = (a: string[], b: string[]) => [...a].sort().join(',') === [...b].sort().join(',');

/** Reads where an initiative comes from; an error message when the cell does not name a source. */
function resolveSource(
  kind: InitiativeSourceKind,
  text: string,
  ownerOrgUnitId: string | null,
  fiscalYear: number,
  context: Context,
): { sourceId: string | null } | RowError {
  const error = (ja: string, en: string): RowError => ({ field: 'source', ja, en });
  switch (kind) {
    case 'voluntary_reform':
      return text
        ? error('自主的な改革には出典を書かないでください。', 'A voluntary reform has no source.')
        : { sourceId: null };
    case 'bureau_policy': {
      const unitId = text
        ? context.tree.byCode.get(text.normalize('NFKC'))?.id
        : ownerOrgUnitId
          ? topUnitOf(context.tree, ownerOrgUnitId)
          : undefined;
      if (!unitId)
        return error(`組織コード「${text.slice(0, 40)}」の組織がありません。`, 'No such org unit.');
      const policyId = context.policyIdByYearUnit.get(`${fiscalYear}:${unitId}`);
      return policyId
        ? { sourceId: policyId }
        : error(
            `${fiscalYear}年度の「${context.tree.byId.get(unitId)?.name ?? ''}」の局区X方針がありません。`,
            'That unit has no bureau policy in the year.',
          );
    }
    case 'analysis_direction': {
      const number = Number(text.normalize('NFKC'));
      if (!text || !Number.isInteger(number))
        return error(
          '出典には経営分析のクラスター番号を書いてください。',
          'Write the analysis’s cluster number.',
        );
      const clusterId = context.numbers.idOf(fiscalYear, number);
      const analysisId = clusterId
        ? context.analysisIdByYearCluster.get(`${fiscalYear}:${clusterId}`)
        : undefined;
      return analysisId
        ? { sourceId: analysisId }
        : error(
            `${fiscalYear}年度にクラスター番号 ${number} の経営分析がありません。`,
            `There is no analysis of cluster ${number} in ${fiscalYear}.`,
          );
    }
    default:
      return UUID_PATTERN.test(text)
        ? { sourceId: text.toLowerCase() }
        : error('出典には対応方針または指示事項の ID を書いてください。', 'Write the id of the source.');
  }
}

/** 取組: registered and changed by the owning unit or the reform office; identified by their ID. */
export const initiativeImport: ImportKind<Context, InitiativeRecord> = {
  kind: 'initiatives',
  label: { ja: '取組', en: 'Initiatives' },
  fields: Object.values(FIELDS),
  canImport: (user) => hasAnyRole(user, ['reform_office', 'bureau_head', 'department_staff']),

  async loadContext(db, rows, options) {
    const [tree, years, clusterRows, existingRows, analysisRows, policyRows] = await Promise.all([
      loadOrgUnitTree(db),
      listFiscalYears(db),
      listClusterNumbers(db),
      listInitiativesForImport(db),
      listAnalysisKeys(db),
      listBureauPolicyKeys(db),
    ]);
    const fileIdCounts = countFileIds(rows);
    return {
      actor: options.actor,
      tree,
      years: new Set(years.map((year) => year.year)),
      numbers: clusterNumbersOf(clusterRows),
      existing: new Map(existingRows.map((row) => [row.id, row])),
      analysisIdByYearCluster: new Map(
        analysisRows.map((row) => [`${row.fiscalYear}:${row.clusterId}`, row.id]),
      ),
      policyIdByYearUnit: new Map(policyRows.map((row) => [`${row.fiscalYear}:${row.orgUnitId}`, row.id])),
      fileIdCounts,
    };
  },

  checkRow(values, context) {
    const errors: RowError[] = [];
    const id = (values.id ?? '').toLowerCase();
    let existing: InitiativeForImport | null = null;
    if (id) {
      existing = UUID_PATTERN.test(id) ? (context.existing.get(id) ?? null) : null;
      if (!existing)
        errors.push({
          field: 'id',
          ja: `取組ID「${id.slice(0, 40)}」の取組がありません（新しい取組は ID を空欄にしてください）。`,
          en: 'No initiative has that id (leave it empty for a new one).',
        });
      else if ((context.fileIdCounts.get(id) ?? 0) > 1)
        errors.push({
          field: 'id',
          ja: 'この取組IDがファイル内で重複しています。',
          en: 'The id appears twice.',
        });
    }
    const fiscalYear = values.fiscalYear ? parseFiscalYear(values.fiscalYear) : null;
    if (!values.fiscalYear) errors.push(requiredError(FIELDS.fiscalYear));
    else if (!fiscalYear || !context.years.has(fiscalYear))
      errors.push({
        field: 'fiscalYear',
        ja: `年度「${values.fiscalYear.slice(0, 20)}」は登録されていません。`,
        en: 'That fiscal year does not exist.',
      });
    else if (existing && existing.fiscalYear !== fiscalYear)
      errors.push({
        field: 'fiscalYear',
        ja: `登録済みの取組の年度（${existing.fiscalYear}年度）は変えられません。`,
        en: 'The fiscal year of an initiative cannot change.',
      });
    const title = values.title ?? '';
    if (!title) errors.push(requiredError(FIELDS.title));
    else if (title.length > 200) errors.push(tooLongError(FIELDS.title, 200));
    const summary = values.summary ?? '';
    if (summary.length > 5000) errors.push(tooLongError(FIELDS.summary, 5000));

    const owner = values.owner ? context.tree.byCode.get(values.owner.normalize('NFKC')) : undefined;
    if (!values.owner) errors.push(requiredError(FIELDS.owner));
    else if (!owner)
      errors.push({
        field: 'owner',
        ja: `担当組織コード「${values.owner.slice(0, 40)}」の組織がありません。`,
        en: 'No org unit has that code.',
      });
    else if (
      !initiativePolicy.canManage(context.actor, context.tree, owner.id) ||
      (existing && !initiativePolicy.canManage(context.actor, context.tree, existing.ownerOrgUnitId))
    )
      errors.push({
        field: 'owner',
        ja: `「${(existing && context.tree.byId.get(existing.ownerOrgUnitId)?.name) || owner.name}」の取組を登録・変更する権限がありません。`,
        en: 'You may not register or change initiatives of that unit.',
      });

    const sourceKind = values.sourceKind
      ? parseChoice(values.sourceKind, INITIATIVE_SOURCE_KIND_LABELS)
      : null;
    if (!values.sourceKind) errors.push(requiredError(FIELDS.sourceKind));
    else if (!sourceKind)
      errors.push(choiceError(FIELDS.sourceKind, values.sourceKind, INITIATIVE_SOURCE_KIND_LABELS));
    let sourceId: string | null = null;
    if (sourceKind && fiscalYear) {
      const source = resolveSource(sourceKind, values.source ?? '', owner?.id ?? null, fiscalYear, context);
      if ('sourceId' in source) sourceId = source.sourceId;
      else errors.push(source);
    }

    const clusterIds: string[] = [];
    const numbers = splitList(values.clusters ?? '');
    if (numbers.length > 30)
      errors.push({ field: 'clusters', ja: 'クラスターは30件までです。', en: 'At most 30 clusters.' });
    for (const text of numbers.slice(0, 30)) {
      const clusterId =
        fiscalYear && /^\d+$/u.test(text) ? context.numbers.idOf(fiscalYear, Number(text)) : null;
      if (clusterId) clusterIds.push(clusterId);
      else if (fiscalYear)
        errors.push({
          field: 'clusters',
          ja: `${fiscalYear}年度にクラスター番号「${text.slice(0, 10)}」はありません。`,
          en: `There is no cluster ${text.slice(0, 10)} in ${fiscalYear}.`,
        });
    }

    const choice = <T extends string>(
      key: 'status' | 'health' | 'updateCadence',
      labels: Readonly<Record<T, { ja: string; en: string }>>,
      fallback: T,
    ): T => {
      const text = values[key] ?? '';
      if (!text) return fallback;
      const value = parseChoice(text, labels);
      if (!value) errors.push(choiceError(FIELDS[key], text, labels));
      return value ?? fallback;
    };
    const status = choice<InitiativeStatus>(
      'status',
      INITIATIVE_STATUS_LABELS,
      existing?.status ?? 'not_started',
    );
    const health = choice<InitiativeHealth>(
      'health',
      INITIATIVE_HEALTH_LABELS,
      existing?.health ?? 'on_track',
    );
    const updateCadence = choice<UpdateCadence>(
      'updateCadence',
      UPDATE_CADENCE_LABELS,
      existing?.updateCadence ?? 'quarterly',
    );

    if (errors.length > 0 || !fiscalYear || !owner || !sourceKind)
      return { isValid: false, key: id || title.slice(0, 100) || null, errors };
    const fields: InitiativeFields = {
      title,
      summary,
      sourceKind,
      sourceId,
      ownerOrgUnitId: owner.id,
      clusterIds: [...new Set(clusterIds)],
      updateCadence,
      status,
      health,
    };
    const record = { fiscalYear, fields, existing };
    if (!existing)
      return { isValid: true, key: `${fiscalYear}:${title.slice(0, 100)}`, action: 'create', record };
    const isSame =
      isSameText(existing.title, title) &&
      isSameText(existing.summary, summary) &&
      existing.sourceKind === sourceKind &&
      existing.sourceId === sourceId &&
      existing.ownerOrgUnitId === owner.id &&
      existing.status === status &&
      existing.health === health &&
      existing.updateCadence === updateCadence &&
      sameSet(existing.clusterIds, fields.clusterIds);
    return { isValid: true, key: existing.id, action: isSame ? 'unchanged' : 'update', record };
  },

  async commit(tx, records, actor) {
    const tree = await loadOrgUnitTree(tx);
    let created = 0;
    let updated = 0;
    for (const { action, record } of records) {
      if (action === 'create') {
        await createInitiative(tx, { fiscalYear: record.fiscalYear, fields: record.fields, tree, actor });
        created += 1;
      } else if (action === 'update' && record.existing) {
        await updateInitiative(tx, {
          id: record.existing.id,
          expectedVersion: record.existing.version,
          changes: record.fields,
          tree,
          actor,
        });
        updated += 1;
      }
    }
    return { created, updated };
  },

  async exportRows(db, { user }) {
    const context = await initiativeImport.loadContext(db, [], { actorId: user.id, actor: user });
    const policyUnit = new Map(
      (await listBureauPolicyKeys(db)).map((row) => [
        row.id,
        context.tree.byId.get(row.orgUnitId)?.code ?? '',
      ]),
    );
    const analysisCluster = new Map((await listAnalysisKeys(db)).map((row) => [row.id, row.clusterId]));
    return [...context.existing.values()]
      .filter((row) => initiativePolicy.canManage(user, context.tree, row.ownerOrgUnitId))
      .map((row) => {
        let source = '';
        if (row.sourceKind === 'bureau_policy') source = policyUnit.get(row.sourceId ?? '') ?? '';
        else if (row.sourceKind === 'analysis_direction') {
          const clusterId = analysisCluster.get(row.sourceId ?? '');
          source = clusterId ? String(context.numbers.numberOf(clusterId, row.fiscalYear) ?? '') : '';
        } else if (row.sourceId) source = row.sourceId;
        return {
          id: row.id,
          fiscalYear: String(row.fiscalYear),
          title: row.title,
          summary: row.summary,
          sourceKind: INITIATIVE_SOURCE_KIND_LABELS[row.sourceKind].ja,
          source,
          owner: context.tree.byId.get(row.ownerOrgUnitId)?.code ?? '',
          clusters: row.clusterIds
            .map((clusterId) => context.numbers.numberOf(clusterId, row.fiscalYear))
            .filter((number): number is number => number !== null)
            .sort((a, b) => a - b)
            .join('、'),
          status: INITIATIVE_STATUS_LABELS[row.status].ja,
          health: INITIATIVE_HEALTH_LABELS[row.health].ja,
          updateCadence: UPDATE_CADENCE_LABELS[row.updateCadence].ja,
        };
      });
  },
};
