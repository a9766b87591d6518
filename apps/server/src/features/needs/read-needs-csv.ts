import {
  fiscalYearOf,
  foldWidth,
  isValidIsoDate,
  type LocalizedText,
  type NeedChannel,
  type NeedSide,
  parseNeedChannel,
  parseNeedSide,
} from '@totonoe/domain';
import type { OrgUnitTree } from '../bureau-policies/index.ts';
import { type CsvEncoding, decodeCsv, parseCsv } from './csv-text.ts';
import { type ClusterRevision, clusterByNumber } from './load-needs.ts';
import { NEED_LIMITS } from './need-fields.ts';

/** The most rows one file may hold. */
export const MAX_IMPORT_ROWS = 5000;

/** The columns of a needs CSV and the headers each may be written with (Japanese first). */
export const NEED_CSV_COLUMNS = {
  receivedOn: { headers: ['受付日', '日付', 'received_on'], isRequired: true },
  side: { headers: ['区分', '受け手・担い手', 'side'], isRequired: true },
  channel: { headers: ['経路', 'チャネル', 'channel'], isRequired: true },
  orgUnitCode: { headers: ['組織コード', 'org_unit_code'], isRequired: true },
  body: { headers: ['内容', '本文', 'body'], isRequired: true },
  clusterNumbers: { headers: ['クラスター番号', '事業クラスター', 'cluster_numbers'], isRequired: false },
  reporterName: { headers: ['氏名', 'reporter_name'], isRequired: false },
  reporterContact: { headers: ['連絡先', 'reporter_contact'], isRequired: false },
} as const;

export type NeedCsvColumn = keyof typeof NEED_CSV_COLUMNS;

export type RowError = { column: NeedCsvColumn | null; messages: LocalizedText };

export type ImportRow = {
  line: number;
  values: Record<NeedCsvColumn, string>;
  errors: RowError[];
  resolved: {
    side: NeedSide;
    channel: NeedChannel;
    receivedOn: string;
    orgUnitId: string;
    body: string;
    clusterIds: string[];
    reporterName: string | null;
    reporterContact: string | null;
  } | null;
};

export type ImportReading = {
  encoding: CsvEncoding | null;
  fileErrors: LocalizedText[];
  rows: ImportRow[];
};

const text = (ja: string, en: string): LocalizedText => ({ ja, en });

function headerKey(header: string): string {
  return foldWidth(header).trim().toLowerCase();
}

/** Reads a date as spreadsheets write it (2024-07-01, 2024/7/1); null when it is not a day that exists. */
export function readDate(value: string): string | null {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(foldWidth(value).trim());
  if (!match) return null;
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/**
 * Reads and checks every row of a needs CSV without writing anything: each row gets all of its
 * errors (unknown org unit code, a date that does not exist, an unknown channel, …), so a person
 * can fix the whole file at once.
 */
export function readNeedsCsv(
  bytes: Uint8Array,
  options: {
    encoding: CsvEncoding | 'auto';
    tree: OrgUnitTree;
    clusters: ClusterRevision[];
    fiscalYears: number[];
    mayRecordFor: (orgUnitId: string) => boolean;
  },
): ImportReading {
  const decoded = decodeCsv(bytes, options.encoding);
  if (!decoded.ok) {
    return {
      encoding: null,
      fileErrors: [
        decoded.reason === 'mismatch'
          ? text(
              `ファイルの文字コードが指定（${options.encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS'}）と一致しません。`,
              `The file is not in the stated encoding (${options.encoding}).`,
            )
          : text(
              '文字コードを判別できません。UTF-8 または Shift_JIS で保存した CSV を指定してください。',
              'The encoding cannot be read. Save the CSV as UTF-8 or Shift_JIS.',
            ),
      ],
      rows: [],
    };
  }
  const parsed = parseCsv(decoded.text);
  const fileErrors: LocalizedText[] = [];
  if (parsed.error) {
    fileErrors.push(
      text(
        `${parsed.error.line}行目: ${parsed.error.message.ja}`,
        `Line ${parsed.error.line}: ${parsed.error.message.en}`,
      ),
    );
  }
  const [header, ...records] = parsed.records;
  if (!header) {
    fileErrors.push(
      text('CSV が空です。1行目に見出しが必要です。', 'The CSV is empty; the first line must be the header.'),
    );
    return { encoding: decoded.encoding, fileErrors, rows: [] };
  }
  const positions = new Map<NeedCsvColumn, number>();
  for (const [index, name] of header.fields.entries()) {
    const key = headerKey(name);
    if (key === '') continue;
    const column = (Object.keys(NEED_CSV_COLUMNS) as NeedCsvColumn[]).find((candidate) =>
      NEED_CSV_COLUMNS[candidate].headers.some((alias) => headerKey(alias) === key),
    );
    if (!column) fileErrors.push(text(`見出し「${name}」は使えません。`, `Unknown header "${name}".`));
    else if (positions.has(column))
      fileErrors.push(text(`見出し「${name}」が重複しています。`, `Header "${name}" appears twice.`));
    else positions.set(column, index);
  }
  for (const [column, spec] of Object.entries(NEED_CSV_COLUMNS) as [
    NeedCsvColumn,
    (typeof NEED_CSV_COLUMNS)[NeedCsvColumn],
  ][]) {
    if (spec.isRequired && !positions.has(column)) {
      fileErrors.push(
        text(
          `見出し「${spec.headers[0]}」の列がありません。`,
          `The column "${spec.headers.at(-1)}" is missing.`,
        ),
      );
    }
  }
  if (records.length > MAX_IMPORT_ROWS) {
    fileErrors.push(
      text(
        `一度に取り込めるのは${MAX_IMPORT_ROWS}行までです。`,
        `At most ${MAX_IMPORT_ROWS} rows can be imported at once.`,
      ),
    );
  }
  if (fileErrors.length > 0) return { encoding: decoded.encoding, fileErrors, rows: [] };

  const rows = records.map((record): ImportRow => {
    const get = (column: NeedCsvColumn) => {
      const position = positions.get(column);
      return position === undefined ? '' : (record.fields[position] ?? '').trim();
    };
    const values = Object.fromEntries(
      (Object.keys(NEED_CSV_COLUMNS) as NeedCsvColumn[]).map((column) => [column, get(column)]),
    ) as Record<NeedCsvColumn, string>;
    const errors: RowError[] = [];
    const fail = (column: NeedCsvColumn | null, ja: string, en: string) =>
      errors.push({ column, messages: text(ja, en) });
    if (record.fields.length > header.fields.length)
      fail(null, '見出しより列が多い行です。', 'The row has more fields than the header.');

    let receivedOn: string | null = null;
    if (values.receivedOn === '') fail('receivedOn', '受付日を入力してください。', 'The date is missing.');
    else {
      receivedOn = readDate(values.receivedOn);
      if (!receivedOn) {
        fail(
          'receivedOn',
          `受付日「${values.receivedOn}」は存在しない日付です。`,
          `"${values.receivedOn}" is not a date that exists.`,
        );
      } else if (!options.fiscalYears.includes(fiscalYearOf(receivedOn))) {
        fail(
          'receivedOn',
          `${fiscalYearOf(receivedOn)}年度は登録されていません。`,
          `FY${fiscalYearOf(receivedOn)} is not open.`,
        );
      }
    }
    const side = parseNeedSide(values.side);
    if (!side)
      fail(
        'side',
        `区分「${values.side}」は「受け手」か「担い手」にしてください。`,
        `Side "${values.side}" must be recipient or bearer.`,
      );
    const channel = parseNeedChannel(values.channel);
    if (!channel) {
      fail(
        'channel',
        `経路「${values.channel}」は苦情・アンケート・ヒアリング・意見箱・議会・窓口・その他のいずれかにしてください。`,
        `Unknown channel "${values.channel}".`,
      );
    }
    const unit = options.tree.byCode.get(foldWidth(values.orgUnitCode).trim());
    if (!unit)
      fail(
        'orgUnitCode',
        `組織コード「${values.orgUnitCode}」は登録されていません。`,
        `Unknown org unit code "${values.orgUnitCode}".`,
      );
    else if (!options.mayRecordFor(unit.id)) {
      fail(
        'orgUnitCode',
        `組織「${unit.name}」のニーズを登録する権限がありません。`,
        `You may not record needs for ${unit.code}.`,
      );
    }
    if (values.body === '') fail('body', '内容を入力してください。', 'The text is missing.');
    else if (values.body.length > NEED_LIMITS.body) {
      fail(
        'body',
        `内容は${NEED_LIMITS.body}文字以内にしてください。`,
        `The text may be at most ${NEED_LIMITS.body} characters.`,
      );
    }
    if (values.reporterName.length > NEED_LIMITS.reporterName) {
      fail(
        'reporterName',
        `氏名は${NEED_LIMITS.reporterName}文字以内にしてください。`,
        'The name is too long.',
      );
    }
    if (values.reporterContact.length > NEED_LIMITS.reporterContact) {
      fail(
        'reporterContact',
        `連絡先は${NEED_LIMITS.reporterContact}文字以内にしてください。`,
        'The contact is too long.',
      );
    }
    const clusterIds: string[] = [];
    const numbers = foldWidth(values.clusterNumbers)
      .split(/[;；、,・\s]+/u)
      .filter((part) => part !== '');
    for (const part of numbers) {
      const number = /^\d{1,4}$/.test(part) ? Number(part) : null;
      const cluster =
        number !== null && receivedOn
          ? clusterByNumber(options.clusters, number, fiscalYearOf(receivedOn))
          : undefined;
      if (number === null)
        fail(
          'clusterNumbers',
          `クラスター番号「${part}」は数字で入力してください。`,
          `Cluster number "${part}" is not a number.`,
        );
      else if (receivedOn && !cluster) {
        fail(
          'clusterNumbers',
          `クラスター番号 ${number} はその年度にありません。`,
          `There is no cluster ${number} that year.`,
        );
      } else if (cluster && !clusterIds.includes(cluster.clusterId)) clusterIds.push(cluster.clusterId);
    }
    const isValid = errors.length === 0 && side !== null && channel !== null && unit !== undefined;
    return {
      line: record.line,
      values,
      errors,
      resolved:
        isValid && receivedOn !== null
          ? {
              side,
              channel,
              receivedOn,
              orgUnitId: unit.id,
              body: values.body,
              clusterIds,
              reporterName: values.reporterName || null,
              reporterContact: values.reporterContact || null,
            }
          : null,
    };
  });
  if (rows.length === 0) fileErrors.push(text('取り込む行がありません。', 'There are no rows to import.'));
  return { encoding: decoded.encoding, fileErrors, rows };
}
