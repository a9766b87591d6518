import { ORG_UNIT_LEVEL_LABELS, ORG_UNIT_LEVELS, type OrgUnitLevel } from '@totonoe/domain';
import { hasRole } from '../../lib/authorization.ts';
import {
  type ImportField,
  type ImportKind,
  parseDay,
  type RowError,
  requiredError,
  tooLongError,
} from './import-kind.ts';
import {
  insertImportedOrgUnits,
  listOrgUnitsForImport,
  type OrgUnitImportValues,
  setOrgUnitParent,
  updateImportedOrgUnit,
} from './org-unit-import.queries.ts';

const field = (
  key: string,
  ja: string,
  en: string,
  aliases: string[],
  isRequired = false,
  hint?: { ja: string; en: string },
): ImportField => ({ key, label: { ja, en }, aliases, isRequired, hint });

const FIELDS = {
  code: field('code', '組織コード', 'Code', ['コード', '組織CD', 'org unit code'], true, {
    ja: '英数字・ハイフン・下線（50文字まで）。同じコードの組織は更新されます。',
    en: 'Letters, digits, - and _ (up to 50). An existing code is updated.',
  }),
  name: field('name', '組織名', 'Name', ['名称', '組織名称'], true),
  nameKana: field('nameKana', '組織名（かな）', 'Name (kana)', [
    'かな',
    'よみ',
    'ふりがな',
    'カナ',
    'name_kana',
  ]),
  nameEn: field('nameEn', '英語名', 'English name', ['英名', 'name_en']),
  level: field('level', '区分', 'Level', ['階層', '種別', '組織区分'], true, {
    ja: '局・区・室・部・課・係のいずれか',
    en: 'One of 局, 区, 室, 部, 課, 係 (or bureau, ward, office, department, section, unit)',
  }),
  parentCode: field('parentCode', '上位組織コード', 'Parent code', [
    '親組織コード',
    '上位組織',
    'parent',
    'parent_code',
  ]),
  effectiveFrom: field(
    'effectiveFrom',
    '設置日',
    'Effective from',
    ['開始日', '有効開始日', 'effective_from'],
    true,
    {
      ja: '2024-04-01、2024/4/1、令和6年4月1日 など',
      en: '2024-04-01, 2024/4/1, 令和6年4月1日 …',
    },
  ),
  effectiveTo: field('effectiveTo', '廃止日', 'Effective to', ['終了日', '有効終了日', 'effective_to']),
  sortOrder: field('sortOrder', '表示順', 'Sort order', ['並び順', '順序', 'sort_order']),
} as const;

type Existing = Awaited<ReturnType<typeof listOrgUnitsForImport>>[number];

type Context = {
  existing: Map<string, Existing>;
  /** Code → how many rows of the file carry it. */
  fileCodeCounts: Map<string, number>;
  /** Code → parent code as the file would leave it (the file wins over the database). */
  parentOf: Map<string, string | null>;
};

const CODE_PATTERN = /^[A-Za-z0-9_-]{1,50}$/;

function levelOf(text: string): OrgUnitLevel | null {
  const folded = text.normalize('NFKC').trim().toLowerCase();
  if ((ORG_UNIT_LEVELS as readonly string[]).includes(folded)) return folded as OrgUnitLevel;
  for (const level of ORG_UNIT_LEVELS) {
    if (
      ORG_UNIT_LEVEL_LABELS[level].ja === folded ||
      ORG_UNIT_LEVEL_LABELS[level].en.toLowerCase() === folded
    )
      return level;
  }
  return null;
}

function codeOf(text: string): string {
  return text.normalize('NFKC').trim();
}

function isSame(existing: Existing, values: OrgUnitImportValues): boolean {
  return (
    existing.name === values.name &&
    (existing.nameKana ?? null) === values.nameKana &&
    (existing.nameEn ?? null) === values.nameEn &&
    existing.level === values.level &&
    (existing.parentCode ?? null) === values.parentCode &&
    existing.effectiveFrom === values.effectiveFrom &&
    (existing.effectiveTo ?? null) === values.effectiveTo &&
    existing.sortOrder === values.sortOrder
  );
}

/** 組織: the org-unit tree, by code; parents may be defined anywhere in the same file. */
export const orgUnitImport: ImportKind<Context, OrgUnitImportValues> = {
  kind: 'org_units',
  label: { ja: '組織', en: 'Org units' },
  fields: Object.values(FIELDS),
  canImport: (user) => hasRole(user, 'system_admin'),

  async loadContext(db, rows) {
    const existing = new Map((await listOrgUnitsForImport(db)).map((unit) => [unit.code, unit]));
    const fileCodeCounts = new Map<string, number>();
    const parentOf = new Map<string, string | null>();
    for (const unit of existing.values()) parentOf.set(unit.code, unit.parentCode ?? null);
    for (const row of rows) {
      const code = codeOf(row.code ?? '');
      if (!code) continue;
      fileCodeCounts.set(code, (fileCodeCounts.get(code) ?? 0) + 1);
      parentOf.set(code, codeOf(row.parentCode ?? '') || null);
    }
    return { existing, fileCodeCounts, parentOf };
  },

  checkRow(values, context) {
    const errors: RowError[] = [];
    const code = codeOf(values.code ?? '');
    if (!code) errors.push(requiredError(FIELDS.code));
    else if (!CODE_PATTERN.test(code)) {
      errors.push({
        field: 'code',
        ja: `組織コード「${code.slice(0, 60)}」には英数字・ハイフン・下線だけを使い、50文字までにしてください。`,
        en: 'The code may hold letters, digits, - and _ only (up to 50).',
      });
    } else if ((context.fileCodeCounts.get(code) ?? 0) > 1) {
      errors.push({
        field: 'code',
        ja: `組織コード「${code}」がファイル内で重複しています。`,
        en: `The code ${code} appears more than once in the file.`,
      });
    }
    const name = values.name ?? '';
    if (!name) errors.push(requiredError(FIELDS.name));
    else if (name.length > 100) errors.push(tooLongError(FIELDS.name, 100));
    if ((values.nameKana ?? '').length > 200) errors.push(tooLongError(FIELDS.nameKana, 200));
    if ((values.nameEn ?? '').length > 200) errors.push(tooLongError(FIELDS.nameEn, 200));

    let level: OrgUnitLevel | null = null;
    if (!values.level) errors.push(requiredError(FIELDS.level));
    else {
      level = levelOf(values.level);
      if (!level) {
        errors.push({
          field: 'level',
          ja: `区分「${values.level.slice(0, 20)}」は使えません。局・区・室・部・課・係のいずれかにしてください。`,
          en: 'The level must be one of 局, 区, 室, 部, 課, 係.',
        });
      }
    }

    const parentCode = codeOf(values.parentCode ?? '') || null;
    if (parentCode && code) {
      if (parentCode === code) {
        errors.push({
          field: 'parentCode',
          ja: '自分自身を上位組織にはできません。',
          en: 'A unit cannot be its own parent.',
        });
      } else if (!context.existing.has(parentCode) && !context.fileCodeCounts.has(parentCode)) {
        errors.push({
          field: 'parentCode',
          ja: `上位組織コード「${parentCode.slice(0, 60)}」の組織がありません（登録済みの組織にも、このファイルにもありません）。`,
          en: `No org unit has the parent code ${parentCode.slice(0, 60)} (neither registered nor in this file).`,
        });
      } else {
        // Walk up through the tree as the file would leave it: meeting the unit again is a cycle.
        let cursor: string | null = parentCode;
        for (let depth = 0; cursor && depth < 100; depth++) {
          if (cursor === code) {
            errors.push({
              field: 'parentCode',
              ja: '上位組織をたどると自分自身に戻ります（親子関係が循環しています）。',
              en: 'The parent chain comes back to this unit (a cycle).',
            });
            break;
          }
          cursor = context.parentOf.get(cursor) ?? null;
        }
      }
    }

    const effectiveFrom = values.effectiveFrom ? parseDay(values.effectiveFrom) : null;
    if (!values.effectiveFrom) errors.push(requiredError(FIELDS.effectiveFrom));
    else if (!effectiveFrom) {
      errors.push({
        field: 'effectiveFrom',
        ja: `設置日「${values.effectiveFrom.slice(0, 30)}」を日付として読めません（例：2024-04-01、令和6年4月1日）。`,
        en: 'Effective from is not a date (e.g. 2024-04-01).',
      });
    }
    const effectiveTo = values.effectiveTo ? parseDay(values.effectiveTo) : null;
    if (values.effectiveTo && !effectiveTo) {
      errors.push({
        field: 'effectiveTo',
        ja: `廃止日「${values.effectiveTo.slice(0, 30)}」を日付として読めません（例：2025-03-31）。`,
        en: 'Effective to is not a date (e.g. 2025-03-31).',
      });
    }
    if (effectiveFrom && effectiveTo && effectiveTo < effectiveFrom) {
      errors.push({
        field: 'effectiveTo',
        ja: '廃止日は設置日より後にしてください。',
        en: 'Effective to is before effective from.',
      });
    }
    const existing = code ? context.existing.get(code) : undefined;
    let sortOrder = existing?.sortOrder ?? 0;
    if (values.sortOrder) {
      const parsed = Number(values.sortOrder.normalize('NFKC'));
      if (!Number.isInteger(parsed) || parsed < 0 || parsed > 1_000_000) {
        errors.push({
          field: 'sortOrder',
          ja: '表示順は 0 から 1000000 までの整数にしてください。',
          en: 'Sort order must be a whole number from 0 to 1000000.',
        });
      } else sortOrder = parsed;
    }
    if (errors.length > 0 || !level || !effectiveFrom) return { isValid: false, key: code || null, errors };

    const record: OrgUnitImportValues = {
      code,
      name,
      nameKana: values.nameKana || null,
      nameEn: values.nameEn || null,
      level,
      parentCode,
      effectiveFrom,
      effectiveTo,
      sortOrder,
    };
    const action = !existing ? 'create' : isSame(existing, record) ? 'unchanged' : 'update';
    return { isValid: true, key: code, action, record };
  },

  async commit(tx, records) {
    const creates = records.filter((entry) => entry.action === 'create').map((entry) => entry.record);
    const updates = records.filter((entry) => entry.action === 'update').map((entry) => entry.record);
    const ids = await insertImportedOrgUnits(tx, creates);
    for (const values of updates) await updateImportedOrgUnit(tx, values.code, values);
    // Parents last, once every unit of the file exists, whatever order the rows came in.
    const all = new Map((await listOrgUnitsForImport(tx)).map((unit) => [unit.code, unit.id]));
    for (const values of [...creates, ...updates]) {
      const id = ids.get(values.code) ?? all.get(values.code)!;
      await setOrgUnitParent(tx, id, values.parentCode ? (all.get(values.parentCode) ?? null) : null);
    }
    return { created: creates.length, updated: updates.length };
  },

  async exportRows(db) {
    return (await listOrgUnitsForImport(db)).map((unit) => ({
      code: unit.code,
      name: unit.name,
      nameKana: unit.nameKana ?? '',
      nameEn: unit.nameEn ?? '',
      level: ORG_UNIT_LEVEL_LABELS[unit.level].ja,
      parentCode: unit.parentCode ?? '',
      effectiveFrom: unit.effectiveFrom,
      effectiveTo: unit.effectiveTo ?? '',
      sortOrder: String(unit.sortOrder),
    }));
  },
};
