import { type LocalizedText, normalizeForSearch } from '@totonoe/domain';
import type { Executor, Transaction } from '../../db/client.ts';
import type { Actor } from '../../lib/audit.ts';
import type { CurrentUser } from '../../lib/context.ts';

/** A column a kind of record can be imported from. */
export type ImportField = {
  key: string;
  label: LocalizedText;
  /** Other header texts that mean this field (compared after folding width, case and kana). */
  aliases: readonly string[];
  isRequired: boolean;
  hint?: LocalizedText;
};

/** A problem with one row, in Japanese and English; `field` is null when it concerns the whole row. */
export type RowError = { field: string | null; ja: string; en: string };

export type RowAction = 'create' | 'update' | 'unchanged';

export type RowCheck<TRecord> =
  | { isValid: true; key: string; action: RowAction; record: TRecord }
  | { isValid: false; key: string | null; errors: RowError[] };

/** One row's values by field key (trimmed; '' when the column is not mapped or empty). */
export type RowValues = Record<string, string>;

/**
 * How one kind of record is imported: its columns, who may import it, how a row is checked against
 * what exists (and the rest of the file), how the checked rows are written, and how the existing
 * records are exported in the same columns, so that an export opened in Excel imports unchanged.
 */
export type ImportKind<TContext = unknown, TRecord = unknown> = {
  kind: string;
  label: LocalizedText;
  fields: readonly ImportField[];
  canImport(user: CurrentUser | null): boolean;
  /**
   * Loads what checking needs, once per file: existing records, lookups, and keys the file defines.
   * `actor` is the person importing as policies see them now (their roles decide, row by row, which
   * records they may write).
   */
  loadContext(
    db: Executor,
    rows: RowValues[],
    options: { actorId: string; actor: CurrentUser | null },
  ): Promise<TContext>;
  checkRow(values: RowValues, context: TContext): RowCheck<TRecord>;
  /** Writes every valid record in the caller's transaction (all or nothing). */
  commit(
    tx: Transaction,
    records: { action: RowAction; record: TRecord }[],
    actor: Actor,
  ): Promise<{ created: number; updated: number }>;
  /** The existing records the person may import again, as rows of the import's columns (field key → text). */
  exportRows(db: Executor, options: { user: CurrentUser }): Promise<RowValues[]>;
};

/** The error for an empty required field. */
export function requiredError(field: ImportField): RowError {
  return {
    field: field.key,
    ja: `「${field.label.ja}」を入力してください。`,
    en: `${field.label.en} is required.`,
  };
}

/** The error for a value that is too long. */
export function tooLongError(field: ImportField, max: number): RowError {
  return {
    field: field.key,
    ja: `「${field.label.ja}」が長すぎます（${max}文字まで）。`,
    en: `${field.label.en} is too long (at most ${max} characters).`,
  };
}

/** Header text folded for comparison: width, case, kana, spaces and marks such as ＊ or （必須） removed. */
export function headerKey(text: string): string {
  return normalizeForSearch(text)
    .replace(/[(（][^)）]*必須[^)）]*[)）]/gu, '')
    .replace(/[\s*＊※・_\-－]/gu, '');
}

/**
 * The column each field reads from: the person's remembered header for the field when the file has
 * it, otherwise the column whose header is the field's label, key or an alias; null when none is.
 */
export function proposeMapping(
  fields: readonly ImportField[],
  headers: readonly string[],
  remembered: Record<string, string> | null,
): Record<string, number | null> {
  const keys = headers.map(headerKey);
  const taken = new Set<number>();
  const mapping: Record<string, number | null> = {};
  const find = (candidates: readonly string[]) => {
    for (const candidate of candidates) {
      const index = keys.indexOf(headerKey(candidate));
      if (index >= 0 && keys[index] !== '' && !taken.has(index)) return index;
    }
    return -1;
  };
  for (const field of fields) {
    const rememberedHeader = remembered?.[field.key];
    let index = rememberedHeader ? find([rememberedHeader]) : -1;
    if (index < 0) index = find([field.label.ja, field.label.en, field.key, ...field.aliases]);
    mapping[field.key] = index >= 0 ? index : null;
    if (index >= 0) taken.add(index);
  }
  return mapping;
}

/**
 * A row's values by field key through the mapping. A leading apostrophe that an export put before
 * = + - @ (so that a spreadsheet never runs a cell as a formula) is taken off again.
 */
export function valuesOf(cells: readonly string[], mapping: Record<string, number | null>): RowValues {
  const values: RowValues = {};
  for (const [key, index] of Object.entries(mapping)) {
    const text = index === null || index === undefined ? '' : (cells[index] ?? '').trim();
    values[key] = /^'[=+\-@]/u.test(text) ? text.slice(1) : text;
  }
  return values;
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', '○', '〇', '◯', 'はい', '有効', '対象', 'あり', '有']);
const FALSE_WORDS = new Set([
  '0',
  'false',
  'no',
  'n',
  '×',
  '✕',
  'いいえ',
  '無効',
  '対象外',
  'なし',
  '無',
  '-',
  '',
]);

/** Reads a yes/no cell (有効/無効, ○/×, true/false, 1/0…); null when it is neither. */
export function parseFlag(text: string): boolean | null {
  const folded = normalizeForSearch(text);
  if (TRUE_WORDS.has(folded)) return true;
  if (FALSE_WORDS.has(folded)) return false;
  return null;
}

/**
 * Reads a calendar day as people type it in a city office: 2024-04-01, 2024/4/1, 2024年4月1日,
 * 令和6年4月1日, R6.4.1 (Reiwa and Heisei). Returns YYYY-MM-DD or null.
 */
export function parseDay(text: string): string | null {
  const folded = text.normalize('NFKC').trim();
  let year: number;
  let month: number;
  let day: number;
  const western = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(folded);
  const era = /^(令和|平成|R|H|r|h)\s*(元|\d{1,2})[年.\-/](\d{1,2})[月.\-/](\d{1,2})日?$/u.exec(folded);
  if (western) {
    year = Number(western[1]);
    month = Number(western[2]);
    day = Number(western[3]);
  } else if (era) {
    const eraYear = era[2] === '元' ? 1 : Number(era[2]);
    const isReiwa = era[1] === '令和' || era[1] === 'R' || era[1] === 'r';
    year = (isReiwa ? 2018 : 1988) + eraYear;
    month = Number(era[3]);
    day = Number(era[4]);
  } else {
    return null;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}

/** The value whose key or label (Japanese or English) the cell holds, after folding width and case; null otherwise. */
export function parseChoice<T extends string>(
  text: string,
  labels: Readonly<Record<T, LocalizedText>>,
): T | null {
  const folded = normalizeForSearch(text);
  for (const [value, label] of Object.entries(labels) as [T, LocalizedText][]) {
    if ([value, label.ja, label.en].some((candidate) => normalizeForSearch(candidate) === folded))
      return value;
  }
  return null;
}

/** The error for a cell that is not one of the allowed values. */
export function choiceError(
  field: ImportField,
  text: string,
  labels: Readonly<Record<string, LocalizedText>>,
): RowError {
  const allowed = Object.values(labels).map((label) => label.ja);
  return {
    field: field.key,
    ja: `「${field.label.ja}」の「${text.slice(0, 30)}」は使えません（${allowed.join('・')}）。`,
    en: `${field.label.en} must be one of ${Object.values(labels)
      .map((label) => label.en)
      .join(', ')}.`,
  };
}

/** A UUID as exports write record ids. */
/** How often each record ID (lower-cased) appears in a file's rows: an ID twice is an error. */
export function countFileIds(rows: readonly RowValues[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const id = (row.id ?? '').toLowerCase();
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/**
 * Characters Shift_JIS (as Windows and Excel write it, cp932) holds only as a twin: 〜 is saved as
 * ～, ‖ as ∥, − as －, — as ―, ¢ £ ¬ as their full-width forms.
 */
const SHIFT_JIS_TWINS: readonly [string, string][] = [
  ['\u301c', '\uff5e'],
  ['\u2016', '\u2225'],
  ['\u2212', '\uff0d'],
  ['\u2014', '\u2015'],
  ['\u00a2', '\uffe0'],
  ['\u00a3', '\uffe1'],
  ['\u00ac', '\uffe2'],
];

/** The text with each character Shift_JIS lacks replaced by the twin it saves instead. */
export function withShiftJisTwins(text: string): string {
  let result = text;
  for (const [character, twin] of SHIFT_JIS_TWINS) result = result.replaceAll(character, twin);
  return result;
}

/**
 * True when an imported text says the same as a stored one. A file that went through Shift_JIS
 * cannot tell 〜 from ～, so such twins count as the same (the stored text is then kept).
 */
export function isSameText(stored: string, imported: string): boolean {
  return stored === imported || withShiftJisTwins(stored) === withShiftJisTwins(imported);
}
