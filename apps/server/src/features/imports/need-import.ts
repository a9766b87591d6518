import { NEED_CHANNEL_LABELS, NEED_SIDE_LABELS, type NeedLinkKind } from '@totonoe/domain';
import { asc } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { needLinks, needs } from '../../db/schema/index.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { loadOrgUnitTree, type OrgUnitTree } from '../bureau-policies/index.ts';
import { listFiscalYears } from '../fiscal-years/index.ts';
import {
  createNeed,
  listClusterRevisions,
  NEED_CSV_COLUMNS,
  type NeedCsvColumn,
  type NeedFields,
  needPolicy,
  readNeedsCsv,
  replaceNeedLinks,
  updateNeed,
} from '../needs/index.ts';
import {
  countFileIds,
  type ImportField,
  type ImportKind,
  isSameText,
  type RowError,
  UUID_PATTERN,
} from './import-kind.ts';

type ClusterRevision = Awaited<ReturnType<typeof listClusterRevisions>>[number];

const ENGLISH_LABELS: Record<NeedCsvColumn, string> = {
  receivedOn: 'Received on',
  side: 'Side',
  channel: 'Channel',
  orgUnitCode: 'Org unit code',
  body: 'Text',
  clusterNumbers: 'Cluster numbers',
  reporterName: 'Reporter name',
  reporterContact: 'Reporter contact',
};

const HINTS: Partial<Record<NeedCsvColumn, { ja: string; en: string }>> = {
  receivedOn: { ja: '2024-07-01、2024/7/1 など', en: '2024-07-01, 2024/7/1 …' },
  side: { ja: '受け手・担い手', en: 'recipient or bearer' },
  channel: {
    ja: Object.values(NEED_CHANNEL_LABELS)
      .map((label) => label.ja)
      .join('・'),
    en: Object.values(NEED_CHANNEL_LABELS)
      .map((label) => label.en)
      .join(', '),
  },
  clusterNumbers: {
    ja: '受付日の年度のクラスター番号を読点で区切って（例：22、23）',
    en: 'Numbers of the fiscal year of the date, separated by 、 or commas',
  },
};

const COLUMNS = Object.keys(NEED_CSV_COLUMNS) as NeedCsvColumn[];

/** The columns are the ones the needs CSV import reads (same headers), with the ID an export writes first. */
const FIELDS: readonly ImportField[] = [
  {
    key: 'id',
    label: { ja: 'ニーズID', en: 'Need ID' },
    aliases: ['ID', '管理ID'],
    isRequired: false,
    hint: {
      ja: '書き出したファイルの ID。空欄の行は新しいニーズとして登録します。',
      en: 'The id from an export; rows without one are recorded as new needs.',
    },
  },
  ...COLUMNS.map((column) => {
    const [ja, ...aliases] = NEED_CSV_COLUMNS[column].headers;
    return {
      key: column,
      label: { ja: ja!, en: ENGLISH_LABELS[column] },
      aliases,
      isRequired: NEED_CSV_COLUMNS[column].isRequired,
      hint: HINTS[column],
    };
  }),
];

type ExistingNeed = typeof needs.$inferSelect & {
  clusterIds: string[];
  otherLinks: { kind: NeedLinkKind; targetId: string }[];
};

type Context = {
  actor: CurrentUser | null;
  tree: OrgUnitTree;
  clusters: ClusterRevision[];
  fiscalYears: number[];
  existing: Map<string, ExistingNeed>;
  fileIdCounts: Map<string, number>;
};

type ImportedFields = Pick<
  NeedFields,
  'side' | 'channel' | 'body' | 'receivedOn' | 'orgUnitId' | 'reporterName' | 'reporterContact'
>;

type NeedRecord = { fields: ImportedFields; clusterIds: string[]; existing: ExistingNeed | null };

/** Every need with its links, oldest first. */
async function listNeedsForImport(db: Executor): Promise<ExistingNeed[]> {
  const rows = await db
    .select()
    .from(needs)
    .orderBy(asc(needs.receivedOn), asc(needs.createdAt), asc(needs.id));
  const links = await db.select().from(needLinks);
  const byNeed = new Map<string, { kind: NeedLinkKind; targetId: string }[]>();
  for (const link of links) {
    const list = byNeed.get(link.needId) ?? [];
    list.push({ kind: link.kind, targetId: link.targetId });
    byNeed.set(link.needId, list);
  }
  return rows.map((row) => {
    const own = byNeed.get(row.id) ?? [];
    return {
      ...row,
      clusterIds: own.filter((link) => link.kind === 'cluster').map((link) => link.targetId),
      otherLinks: own.filter((link) => link.kind !== 'cluster'),
    };
  });
}

const quoted = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

/**
 * Checks one row with the needs import's own rules (dates, side, channel, org unit and the right to
 * record for it, lengths, cluster numbers of the year) by reading it as a one-row needs CSV.
 */
function readRow(values: Record<string, string>, context: Context) {
  const header = COLUMNS.map((column) => quoted(NEED_CSV_COLUMNS[column].headers[0]));
  const cells = COLUMNS.map((column) => quoted(values[column] ?? ''));
  const bytes = new TextEncoder().encode(`${header.join(',')}\r\n${cells.join(',')}\r\n`);
  return readNeedsCsv(bytes, {
    encoding: 'utf-8',
    tree: context.tree,
    clusters: context.clusters,
    fiscalYears: context.fiscalYears,
    mayRecordFor: (orgUnitId) => needPolicy.canManage(context.actor, context.tree, orgUnitId),
  });
}

const sameSet = (a: string[], b: string[]) => [...a].sort().join(',') === [...b].sort().join(',');

/** The fields an imported row changes on an existing need (texts that say the same are kept). */
function changesOf(existing: ExistingNeed, fields: ImportedFields): Partial<ImportedFields> {
  const changes: Partial<ImportedFields> = {};
  if (existing.side !== fields.side) changes.side = fields.side;
  if (existing.channel !== fields.channel) changes.channel = fields.channel;
  if (existing.receivedOn !== fields.receivedOn) changes.receivedOn = fields.receivedOn;
  if (existing.orgUnitId !== fields.orgUnitId) changes.orgUnitId = fields.orgUnitId;
  if (!isSameText(existing.body.trim(), fields.body)) changes.body = fields.body;
  if (!isSameText(existing.reporterName ?? '', fields.reporterName ?? ''))
    changes.reporterName = fields.reporterName;
  if (!isSameText(existing.reporterContact ?? '', fields.reporterContact ?? ''))
    changes.reporterContact = fields.reporterContact;
  return changes;
}

/** The number of a cluster in a fiscal year (the earliest revision when none holds that year). */
function clusterNumberOf(revisions: ClusterRevision[], clusterId: string, fiscalYear: number) {
  const own = revisions.filter((revision) => revision.clusterId === clusterId);
  return (
    own.find(
      (revision) => revision.from <= fiscalYear && (revision.to === null || revision.to >= fiscalYear),
    ) ?? own.sort((a, b) => a.from - b.from)[0]
  )?.number;
}

/**
 * ニーズ・課題: recorded and changed by the unit that holds them or the reform office, with the same
 * columns and checks as the needs CSV import; identified by their ID. Publication is not imported:
 * a new need is not public, and an existing need keeps its status, publication and other links.
 */
export const needImport: ImportKind<Context, NeedRecord> = {
  kind: 'needs',
  label: { ja: 'ニーズ・課題', en: 'Needs' },
  fields: FIELDS,
  canImport: (user) => needPolicy.canImport(user),

  async loadContext(db, rows, options) {
    const [tree, clusters, years, existingRows] = await Promise.all([
      loadOrgUnitTree(db),
      listClusterRevisions(db),
      listFiscalYears(db),
      listNeedsForImport(db),
    ]);
    const fileIdCounts = countFileIds(rows);
    return {
      actor: options.actor,
      tree,
      clusters,
      fiscalYears: years.map((year) => year.year),
      existing: new Map(existingRows.map((row) => [row.id, row])),
      fileIdCounts,
    };
  },

  checkRow(values, context) {
    const errors: RowError[] = [];
    const id = (values.id ?? '').toLowerCase();
    let existing: ExistingNeed | null = null;
    if (id) {
      const found = UUID_PATTERN.test(id) ? context.existing.get(id) : undefined;
      // A need the person may not read is answered as one that does not exist.
      existing = found && needPolicy.canRead(context.actor, context.tree, found.orgUnitId) ? found : null;
      if (!existing)
        errors.push({
          field: 'id',
          ja: `ニーズID「${id.slice(0, 40)}」のニーズがありません（新しいニーズは ID を空欄にしてください）。`,
          en: 'No need has that id (leave it empty for a new one).',
        });
      else if (!needPolicy.canManage(context.actor, context.tree, existing.orgUnitId))
        errors.push({
          field: 'id',
          ja: `「${context.tree.byId.get(existing.orgUnitId)?.name ?? ''}」のニーズを変更する権限がありません。`,
          en: 'You may not change needs of that unit.',
        });
      else if ((context.fileIdCounts.get(id) ?? 0) > 1)
        errors.push({
          field: 'id',
          ja: 'このニーズIDがファイル内で重複しています。',
          en: 'The id appears twice.',
        });
    }
    const reading = readRow(values, context);
    for (const message of reading.fileErrors) errors.push({ field: null, ...message });
    const row = reading.rows[0];
    for (const error of row?.errors ?? []) errors.push({ field: error.column, ...error.messages });
    const key = id || (values.body ?? '').slice(0, 100) || null;
    if (errors.length > 0 || !row?.resolved) return { isValid: false, key, errors };

    const { clusterIds, ...resolved } = row.resolved;
    const fields: ImportedFields = resolved;
    const record = { fields, clusterIds, existing };
    if (!existing)
      return {
        isValid: true,
        key: `${fields.receivedOn}:${fields.body.slice(0, 80)}`,
        action: 'create',
        record,
      };
    const isSame =
      Object.keys(changesOf(existing, fields)).length === 0 && sameSet(existing.clusterIds, clusterIds);
    return { isValid: true, key: existing.id, action: isSame ? 'unchanged' : 'update', record };
  },

  async commit(tx, records, actor) {
    let created = 0;
    let updated = 0;
    const clusterLinks = (ids: string[]) => ids.map((targetId) => ({ kind: 'cluster' as const, targetId }));
    for (const { action, record } of records) {
      if (action === 'create') {
        const row = await createNeed(tx, {
          fields: { ...record.fields, status: 'new', isPublic: false, publicText: null },
          actor,
        });
        if (record.clusterIds.length > 0)
          await replaceNeedLinks(tx, {
            id: row.id,
            expectedVersion: row.version,
            links: clusterLinks(record.clusterIds),
            actor,
          });
        created += 1;
      } else if (action === 'update' && record.existing) {
        const { existing } = record;
        let version = existing.version;
        const changes = changesOf(existing, record.fields);
        if (Object.keys(changes).length > 0)
          version = (await updateNeed(tx, { id: existing.id, expectedVersion: version, changes, actor }))
            .version;
        if (!sameSet(existing.clusterIds, record.clusterIds))
          await replaceNeedLinks(tx, {
            id: existing.id,
            expectedVersion: version,
            links: [...clusterLinks(record.clusterIds), ...existing.otherLinks],
            actor,
          });
        updated += 1;
      }
    }
    return { created, updated };
  },

  async exportRows(db, { user }) {
    const context = await needImport.loadContext(db, [], { actorId: user.id, actor: user });
    return [...context.existing.values()]
      .filter((row) => needPolicy.canManage(user, context.tree, row.orgUnitId))
      .map((row) => ({
        id: row.id,
        receivedOn: row.receivedOn,
        side: NEED_SIDE_LABELS[row.side].ja,
        channel: NEED_CHANNEL_LABELS[row.channel].ja,
        orgUnitCode: context.tree.byId.get(row.orgUnitId)?.code ?? '',
        body: row.body,
        clusterNumbers: row.clusterIds
          .map((clusterId) => clusterNumberOf(context.clusters, clusterId, row.fiscalYear))
          .filter((number): number is number => number !== undefined)
          .sort((a, b) => a - b)
          .join('、'),
        reporterName: row.reporterName ?? '',
        reporterContact: row.reporterContact ?? '',
      }));
  },
};
