import {
  EFFECT_CATEGORY_LABELS,
  EFFECT_RECURRENCE_LABELS,
  EFFECT_SOURCE_KIND_LABELS,
  EFFECT_STAGE_LABELS,
  type EffectCategory,
  type EffectRecurrence,
  type EffectSourceKind,
  type EffectStage,
  LEDGER_ENTRY_PROBLEM_MESSAGES,
  ledgerEntryProblem,
  parseYen,
} from '@totonoe/domain';
import { hasAnyRole } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { loadOrgUnitTree, type OrgUnitTree } from '../bureau-policies/index.ts';
import { createEffect, type EffectInput, effectPolicy, updateEffect } from '../effects/index.ts';
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
  listAnalysisKeys,
  listClusterNumbers,
  listEffectsForImport,
  listInitiativesForImport,
  listTargetNames,
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
  id: field('id', '効果額ID', 'Effect ID', ['ID', '管理ID'], false, {
    ja: '書き出したファイルの ID。空欄の行は新しい効果額として登録します。',
    en: 'The id from an export; rows without one are booked as new lines.',
  }),
  title: field('title', '件名', 'Title', ['名称', '効果額の件名'], true),
  fiscalYear: field('fiscalYear', '年度', 'Fiscal year', ['効果年度'], true),
  endFiscalYear: field('endFiscalYear', '終了年度', 'End fiscal year', ['継続の終了年度'], false, {
    ja: '継続効果の最後の年度（空欄なら終わりなし）',
    en: 'The last year of a recurring effect (empty: no end)',
  }),
  category: field('category', '区分', 'Category', ['効果の区分'], true, {
    ja: '歳出削減・歳入確保',
    en: 'expenditure_cut or revenue_gain',
  }),
  recurrence: field('recurrence', '単年度・継続', 'Recurrence', ['継続区分'], true, {
    ja: '単年度・継続',
    en: 'one_off or recurring',
  }),
  stage: field('stage', '見込み・実績', 'Stage', ['段階'], true, {
    ja: '見込み・実績（実績は市政変革室のみ）',
    en: 'planned or actual (actual: reform office only)',
  }),
  amount: field('amount', '効果額（円）', 'Amount (yen)', ['効果額', '金額'], true, {
    ja: '円単位の整数、または 1,200万円 のような表記',
    en: 'Whole yen, or amounts such as 1,200万円',
  }),
  basis: field('basis', '算定根拠', 'Basis', ['根拠']),
  sourceKind: field('sourceKind', '出典の種類', 'Source kind', ['出典区分'], true, {
    ja: '取組・経営分析',
    en: 'initiative or analysis',
  }),
  source: field('source', '出典', 'Source', ['出典元'], true, {
    ja: '取組：取組ID、経営分析：年度-クラスター番号（例：2024-22）',
    en: 'Initiative: its id; analysis: fiscal year-cluster number (e.g. 2024-22)',
  }),
  target: field('target', '目標', 'Target', ['目標名'], false, {
    ja: '目標の名称（例：次世代投資枠）。空欄なら目標なし。',
    en: 'The target’s name; empty for none.',
  }),
  orgUnit: field('orgUnit', '担当組織コード', 'Org unit code', ['担当組織'], false, {
    ja: '空欄なら、新規は出典の担当組織、既存は今のまま',
    en: 'Empty: the source’s unit for new lines, unchanged otherwise',
  }),
  cluster: field('cluster', 'クラスター番号', 'Cluster number', ['事業クラスター'], false, {
    ja: '空欄なら、新規は出典から、既存は今のまま（その年度の番号）',
    en: 'Empty: from the source for new lines, unchanged otherwise (the number in that year)',
  }),
} as const;

type ExistingEffect = Awaited<ReturnType<typeof listEffectsForImport>>[number];

type Context = {
  actor: CurrentUser | null;
  tree: OrgUnitTree;
  numbers: ClusterNumbers;
  existing: Map<string, ExistingEffect>;
  initiatives: Map<string, { ownerOrgUnitId: string; clusterIds: string[] }>;
  analyses: Map<string, { id: string; clusterId: string; leadOrgUnitId: string | null }>;
  analysisById: Map<string, { fiscalYear: number; clusterId: string }>;
  targetsByName: Map<string, Awaited<ReturnType<typeof listTargetNames>>[number]>;
  targetNameById: Map<string, string>;
  fileIdCounts: Map<string, number>;
};

type EffectRecord = {
  input: EffectInput & { orgUnitId: string; clusterId: string | null };
  existing: ExistingEffect | null;
};

function parseYear(text: string): number | null {
  const year = parseFiscalYear(text);
  return year && year >= 1900 && year <= 2200 ? year : null;
}

/** Reads 2024-22, 2024年度 22, R6-22 … as a fiscal year and a cluster number. */
function parseAnalysisReference(text: string): { fiscalYear: number; number: number } | null {
  const match = /^(.+?)[\s\-－:：]+(\d{1,4})番?$/u.exec(text.normalize('NFKC').trim());
  const fiscalYear = match ? parseYear(match[1]!) : null;
  return match && fiscalYear ? { fiscalYear, number: Number(match[2]) } : null;
}

/** 効果額: the effect ledger, line by line; a unit books its own, the reform office confirms actuals. */
export const effectImport: ImportKind<Context, EffectRecord> = {
  kind: 'effects',
  label: { ja: '効果額', en: 'Effects' },
  fields: Object.values(FIELDS),
  canImport: (user) => hasAnyRole(user, ['reform_office', 'bureau_head', 'department_staff']),

  async loadContext(db, rows, options) {
    const [tree, clusterRows, existingRows, initiativeRows, analysisRows, targets] = await Promise.all([
      loadOrgUnitTree(db),
      listClusterNumbers(db),
      listEffectsForImport(db),
      listInitiativesForImport(db),
      listAnalysisKeys(db),
      listTargetNames(db),
    ]);
    const fileIdCounts = countFileIds(rows);
    return {
      actor: options.actor,
      tree,
      numbers: clusterNumbersOf(clusterRows),
      existing: new Map(existingRows.map((row) => [row.id, row])),
      initiatives: new Map(initiativeRows.map((row) => [row.id, row])),
      analyses: new Map(analysisRows.map((row) => [`${row.fiscalYear}:${row.clusterId}`, row])),
      analysisById: new Map(analysisRows.map((row) => [row.id, row])),
      targetsByName: new Map(targets.map((target) => [target.name, target])),
      targetNameById: new Map(targets.map((target) => [target.id, target.name])),
      fileIdCounts,
    };
  },

  checkRow(values, context) {
    const errors: RowError[] = [];
    const error = (fieldKey: string, ja: string, en: string) => errors.push({ field: fieldKey, ja, en });
    const id = (values.id ?? '').toLowerCase();
    let existing: ExistingEffect | null = null;
    if (id) {
      existing = UUID_PATTERN.test(id) ? (context.existing.get(id) ?? null) : null;
      if (!existing)
        error(
          'id',
          `効果額ID「${id.slice(0, 40)}」の効果額がありません（新しい行は ID を空欄にしてください）。`,
          'No effect has that id (leave it empty for a new line).',
        );
      else if ((context.fileIdCounts.get(id) ?? 0) > 1)
        error('id', 'この効果額IDがファイル内で重複しています。', 'The id appears twice.');
    }
    const title = values.title ?? '';
    if (!title) errors.push(requiredError(FIELDS.title));
    else if (title.length > 200) errors.push(tooLongError(FIELDS.title, 200));
    const basis = values.basis ?? '';
    if (basis.length > 5000) errors.push(tooLongError(FIELDS.basis, 5000));

    const fiscalYear = values.fiscalYear ? parseYear(values.fiscalYear) : null;
    if (!values.fiscalYear) errors.push(requiredError(FIELDS.fiscalYear));
    else if (!fiscalYear)
      error(
        'fiscalYear',
        `年度「${values.fiscalYear.slice(0, 20)}」を読めません（例：2024、令和6年度）。`,
        'Unreadable year.',
      );
    const endFiscalYear = values.endFiscalYear ? parseYear(values.endFiscalYear) : null;
    if (values.endFiscalYear && !endFiscalYear)
      error(
        'endFiscalYear',
        `終了年度「${values.endFiscalYear.slice(0, 20)}」を読めません。`,
        'Unreadable end year.',
      );

    const choose = <T extends string>(
      key: 'category' | 'recurrence' | 'stage' | 'sourceKind',
      labels: Readonly<Record<T, { ja: string; en: string }>>,
    ): T | null => {
      const text = values[key] ?? '';
      if (!text) {
        errors.push(requiredError(FIELDS[key]));
        return null;
      }
      const value = parseChoice(text, labels);
      if (!value) errors.push(choiceError(FIELDS[key], text, labels));
      return value;
    };
    const category = choose<EffectCategory>('category', EFFECT_CATEGORY_LABELS);
    const recurrence = choose<EffectRecurrence>('recurrence', EFFECT_RECURRENCE_LABELS);
    const stage = choose<EffectStage>('stage', EFFECT_STAGE_LABELS);
    const sourceKind = choose<EffectSourceKind>('sourceKind', EFFECT_SOURCE_KIND_LABELS);

    let amount: bigint | null = null;
    if (!values.amount) errors.push(requiredError(FIELDS.amount));
    else {
      try {
        amount = parseYen(values.amount);
        if (amount <= -(10n ** 15n) || amount >= 10n ** 15n) throw new RangeError('out of range');
      } catch {
        amount = null;
        error(
          'amount',
          `効果額「${values.amount.slice(0, 30)}」を金額として読めません（例：12000000、1,200万円、▲300万円）。`,
          'Unreadable amount.',
        );
      }
    }

    // The source and what it implies: the owning unit and the cluster.
    let sourceId: string | null = null;
    let impliedUnit: string | null = null;
    let impliedCluster: string | null = null;
    const sourceText = values.source ?? '';
    if (!sourceText) errors.push(requiredError(FIELDS.source));
    else if (sourceKind === 'initiative') {
      const initiative = UUID_PATTERN.test(sourceText)
        ? context.initiatives.get(sourceText.toLowerCase())
        : null;
      if (!initiative)
        error('source', `取組ID「${sourceText.slice(0, 40)}」の取組がありません。`, 'No such initiative.');
      else {
        sourceId = sourceText.toLowerCase();
        impliedUnit = initiative.ownerOrgUnitId;
        impliedCluster = initiative.clusterIds.length === 1 ? initiative.clusterIds[0]! : null;
      }
    } else if (sourceKind === 'analysis') {
      const reference = parseAnalysisReference(sourceText);
      const clusterId = reference ? context.numbers.idOf(reference.fiscalYear, reference.number) : null;
      const analysis =
        reference && clusterId ? context.analyses.get(`${reference.fiscalYear}:${clusterId}`) : null;
      if (!analysis)
        error(
          'source',
          `経営分析「${sourceText.slice(0, 30)}」がありません（年度-クラスター番号、例：2024-22）。`,
          'No such analysis (fiscal year-cluster number, e.g. 2024-22).',
        );
      else {
        sourceId = analysis.id;
        impliedUnit = analysis.leadOrgUnitId;
        impliedCluster = analysis.clusterId;
      }
    }

    const unitText = (values.orgUnit ?? '').normalize('NFKC');
    let orgUnitId: string | null = existing?.orgUnitId ?? impliedUnit;
    if (unitText) {
      orgUnitId = context.tree.byCode.get(unitText)?.id ?? null;
      if (!orgUnitId)
        error(
          'orgUnit',
          `担当組織コード「${unitText.slice(0, 40)}」の組織がありません。`,
          'No such org unit.',
        );
    } else if (!orgUnitId && sourceId)
      error('orgUnit', '効果額の担当組織コードを入力してください。', 'Name the org unit.');
    const clusterText = (values.cluster ?? '').normalize('NFKC');
    let clusterId: string | null = existing ? existing.clusterId : impliedCluster;
    if (clusterText) {
      clusterId =
        fiscalYear && /^\d+$/u.test(clusterText)
          ? context.numbers.idOf(fiscalYear, Number(clusterText))
          : null;
      if (!clusterId && fiscalYear)
        error(
          'cluster',
          `${fiscalYear}年度にクラスター番号「${clusterText.slice(0, 10)}」はありません。`,
          'No such cluster.',
        );
    }
    const target = values.target ? context.targetsByName.get(values.target) : null;
    if (values.target && !target)
      error('target', `目標「${values.target.slice(0, 40)}」がありません。`, 'No such target.');

    if (fiscalYear && recurrence && category && stage) {
      const problem = ledgerEntryProblem(
        { fiscalYear, endFiscalYear, recurrence },
        target ? { startFiscalYear: target.startFiscalYear, endFiscalYear: target.endFiscalYear } : null,
      );
      if (problem) {
        const message = LEDGER_ENTRY_PROBLEM_MESSAGES[problem];
        error(problem === 'outside_target_span' ? 'fiscalYear' : 'endFiscalYear', message.ja, message.en);
      }
    }

    if (orgUnitId && (stage || existing)) {
      const units = [orgUnitId, ...(existing ? [existing.orgUnitId] : [])];
      if (units.some((unit) => !effectPolicy.canRecordFor(context.actor, context.tree, unit)))
        error(
          'orgUnit',
          `「${context.tree.byId.get(existing?.orgUnitId ?? orgUnitId)?.name ?? ''}」の効果額を登録・変更する権限がありません。`,
          'You may not book effects for that unit.',
        );
    }

    if (
      errors.length > 0 ||
      !fiscalYear ||
      !category ||
      !recurrence ||
      !stage ||
      !sourceKind ||
      !sourceId ||
      !orgUnitId ||
      amount === null
    )
      return { isValid: false, key: id || title.slice(0, 100) || null, errors };

    const input = {
      targetId: target?.id ?? null,
      title,
      fiscalYear,
      endFiscalYear,
      category,
      recurrence,
      stage,
      amount,
      basis,
      sourceKind,
      sourceId,
      orgUnitId,
      clusterId,
    };
    const isSame =
      existing !== null &&
      existing.targetId === input.targetId &&
      isSameText(existing.title, title) &&
      existing.fiscalYear === fiscalYear &&
      existing.endFiscalYear === endFiscalYear &&
      existing.category === category &&
      existing.recurrence === recurrence &&
      existing.stage === stage &&
      existing.amount === amount &&
      isSameText(existing.basis, basis) &&
      existing.sourceKind === sourceKind &&
      existing.sourceId === sourceId &&
      existing.orgUnitId === orgUnitId &&
      existing.clusterId === clusterId;
    // Only the reform office books or changes an actual (実績), or changes a line that is one.
    if (
      !isSame &&
      (stage === 'actual' || existing?.stage === 'actual') &&
      !effectPolicy.canConfirmActual(context.actor)
    )
      return {
        isValid: false,
        key: id || title.slice(0, 100),
        errors: [
          {
            field: 'stage',
            ja: '実績の確定・変更は市政変革室が行います。',
            en: 'Only the reform office confirms or changes actual effects.',
          },
        ],
      };
    const record = { input, existing };
    if (!existing)
      return { isValid: true, key: `${fiscalYear}:${title.slice(0, 100)}`, action: 'create', record };
    return { isValid: true, key: existing.id, action: isSame ? 'unchanged' : 'update', record };
  },

  async commit(tx, records, actor) {
    const tree = await loadOrgUnitTree(tx);
    let created = 0;
    let updated = 0;
    for (const { action, record } of records) {
      if (action === 'create') {
        await createEffect(tx, { input: record.input, tree, actor });
        created += 1;
      } else if (action === 'update' && record.existing) {
        await updateEffect(tx, {
          id: record.existing.id,
          expectedVersion: record.existing.version,
          changes: record.input,
          tree,
          actor,
        });
        updated += 1;
      }
    }
    return { created, updated };
  },

  async exportRows(db, { user }) {
    const context = await effectImport.loadContext(db, [], { actorId: user.id, actor: user });
    return [...context.existing.values()]
      .filter((row) => effectPolicy.canRecordFor(user, context.tree, row.orgUnitId))
      .map((row) => {
        const analysis = row.sourceKind === 'analysis' ? context.analysisById.get(row.sourceId) : undefined;
        const analysisNumber = analysis
          ? context.numbers.numberOf(analysis.clusterId, analysis.fiscalYear)
          : null;
        const clusterNumber = row.clusterId ? context.numbers.numberOf(row.clusterId, row.fiscalYear) : null;
        return {
          id: row.id,
          title: row.title,
          fiscalYear: String(row.fiscalYear),
          endFiscalYear: row.endFiscalYear === null ? '' : String(row.endFiscalYear),
          category: EFFECT_CATEGORY_LABELS[row.category].ja,
          recurrence: EFFECT_RECURRENCE_LABELS[row.recurrence].ja,
          stage: EFFECT_STAGE_LABELS[row.stage].ja,
          amount: row.amount.toString(),
          basis: row.basis,
          sourceKind: EFFECT_SOURCE_KIND_LABELS[row.sourceKind].ja,
          source: analysis ? `${analysis.fiscalYear}-${analysisNumber ?? ''}` : row.sourceId,
          target: row.targetId ? (context.targetNameById.get(row.targetId) ?? '') : '',
          orgUnit: context.tree.byId.get(row.orgUnitId)?.code ?? '',
          cluster: clusterNumber === null ? '' : String(clusterNumber),
        };
      });
  },
};
