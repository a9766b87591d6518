import type { z } from '@hono/zod-openapi';
import { NEED_CHANNEL_LABELS, NEED_SIDE_LABELS } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import type { CurrentUser } from '../../lib/context.ts';
import type { OrgUnitTree } from '../bureau-policies/index.ts';
import { needPolicy } from './needs.policy.ts';
import { type needSchema, presentNeed, type publicNeedSchema, publicTextOf } from './needs.presenter.ts';
import {
  findNeed,
  linkTargetLabels,
  listClusterRevisions,
  listLinks,
  listNeeds,
  type NeedFilter,
  type NeedLinkRow,
} from './needs.queries.ts';

export type ClusterRevision = Awaited<ReturnType<typeof listClusterRevisions>>[number];

/** The cluster with a number in a fiscal year's register, or undefined. */
export function clusterByNumber(revisions: ClusterRevision[], number: number, fiscalYear: number) {
  return revisions.find(
    (revision) =>
      revision.number === number &&
      revision.from <= fiscalYear &&
      (revision.to === null || revision.to >= fiscalYear),
  );
}

function clusterOf(revisions: ClusterRevision[], clusterId: string, fiscalYear: number) {
  const own = revisions.filter((revision) => revision.clusterId === clusterId);
  return (
    own.find(
      (revision) => revision.from <= fiscalYear && (revision.to === null || revision.to >= fiscalYear),
    ) ?? own.sort((a, b) => a.from - b.from)[0]
  );
}

/** Human labels for links: 「22 保育所・幼稚園」, 「経営分析 22 保育所・幼稚園（2024年度）」, an initiative's title. */
async function labelsFor(db: Executor, links: NeedLinkRow[], fiscalYear: (needId: string) => number) {
  const revisions = await listClusterRevisions(db);
  const raw = await linkTargetLabels(db, links);
  const labels = new Map<string, string>();
  for (const link of links) {
    if (link.kind === 'cluster') {
      const cluster = clusterOf(revisions, link.targetId, fiscalYear(link.needId));
      if (cluster) labels.set(link.targetId, `${cluster.number} ${cluster.name}`);
    } else if (link.kind === 'analysis') {
      const [clusterId, year] = (raw.get(link.targetId) ?? ':').split(':');
      const cluster = clusterId ? clusterOf(revisions, clusterId, Number(year)) : undefined;
      if (cluster) labels.set(link.targetId, `経営分析 ${cluster.number} ${cluster.name}（${year}年度）`);
    } else {
      labels.set(link.targetId, raw.get(link.targetId) ?? '');
    }
  }
  return labels;
}

/** A page of needs as this user may see them. */
export async function listNeedItems(
  db: Executor,
  filter: NeedFilter,
  paging: { page: number; pageSize: number },
  context: { user: CurrentUser | null; tree: OrgUnitTree },
): Promise<{ items: z.infer<typeof needSchema>[]; total: number }> {
  const { rows, total } = await listNeeds(db, filter, paging.page, paging.pageSize);
  const links = await listLinks(
    db,
    rows.map((row) => row.id),
  );
  const yearOf = new Map(rows.map((row) => [row.id, row.fiscalYear]));
  const labels = await labelsFor(db, links, (needId) => yearOf.get(needId) ?? 0);
  return {
    total,
    items: rows.map((row) =>
      presentNeed(row, {
        tree: context.tree,
        links: links.filter((link) => link.needId === row.id),
        labels,
        canSeePersonalData: needPolicy.canSeePersonalData(context.user, context.tree, row.orgUnitId),
      }),
    ),
  };
}

/** One need as this user may see it, or null when they may not. */
export async function loadNeed(
  db: Executor,
  id: string,
  context: { user: CurrentUser | null; tree: OrgUnitTree },
): Promise<z.infer<typeof needSchema> | null> {
  const row = await findNeed(db, id);
  if (!row || !needPolicy.canRead(context.user, context.tree, row.orgUnitId)) return null;
  const links = await listLinks(db, [row.id]);
  const labels = await labelsFor(db, links, () => row.fiscalYear);
  return presentNeed(row, {
    tree: context.tree,
    links,
    labels,
    canSeePersonalData: needPolicy.canSeePersonalData(context.user, context.tree, row.orgUnitId),
  });
}

/** The needs the reform office marked public: masked text, the unit's name and the clusters; nothing personal. */
export async function listPublicNeeds(
  db: Executor,
  filter: { fiscalYear: number; clusterId?: string },
  tree: OrgUnitTree,
): Promise<z.infer<typeof publicNeedSchema>[]> {
  const { rows } = await listNeeds(
    db,
    {
      fiscalYear: filter.fiscalYear,
      isPublic: true,
      link: filter.clusterId ? { kind: 'cluster', targetId: filter.clusterId } : undefined,
    },
    1,
    1000,
  );
  const links = await listLinks(
    db,
    rows.map((row) => row.id),
  );
  const revisions = await listClusterRevisions(db);
  return rows.map((row) => ({
    id: row.id,
    side: row.side,
    sideLabel: NEED_SIDE_LABELS[row.side],
    channel: row.channel,
    channelLabel: NEED_CHANNEL_LABELS[row.channel],
    text: publicTextOf(row),
    receivedOn: row.receivedOn,
    fiscalYear: row.fiscalYear,
    orgUnit: { name: tree.byId.get(row.orgUnitId)?.name ?? '' },
    clusters: links
      .filter((link) => link.needId === row.id && link.kind === 'cluster')
      .map((link) => clusterOf(revisions, link.targetId, row.fiscalYear))
      .filter((cluster) => cluster !== undefined)
      .map((cluster) => ({ number: cluster.number, name: cluster.name }))
      .sort((a, b) => a.number - b.number),
  }));
}
