import type { NeedLinkKind } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { existingTargets, listLinks, lockNeed, replaceLinks, updateNeedRow } from './needs.queries.ts';

const KIND_NAMES: Record<NeedLinkKind, { ja: string; en: string }> = {
  cluster: { ja: '事業クラスター', en: 'cluster' },
  analysis: { ja: '経営分析', en: 'analysis' },
  initiative: { ja: '取組', en: 'initiative' },
};

/**
 * Replaces what a need is linked to (clusters, analyses, initiatives). A new need that gets its first
 * link becomes 「紐付け済み」; a linked one that loses them all is new again.
 */
export async function replaceNeedLinks(
  tx: Transaction,
  options: {
    id: string;
    expectedVersion: number;
    links: { kind: NeedLinkKind; targetId: string }[];
    actor: Actor;
  },
) {
  const before = await lockNeed(tx, options.id);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  const unique = [...new Map(options.links.map((link) => [`${link.kind}:${link.targetId}`, link])).values()];
  for (const kind of Object.keys(KIND_NAMES) as NeedLinkKind[]) {
    const ids = unique.filter((link) => link.kind === kind).map((link) => link.targetId);
    const found = await existingTargets(tx, kind, ids);
    if (ids.some((id) => !found.has(id))) {
      throw new AppError('unprocessable', {
        messages: {
          ja: `紐付け先の${KIND_NAMES[kind].ja}が見つかりません。`,
          en: `A linked ${KIND_NAMES[kind].en} does not exist.`,
        },
      });
    }
  }
  const previous = await listLinks(tx, [before.id]);
  await replaceLinks(tx, before.id, unique);
  const status =
    before.status === 'new' && unique.length > 0
      ? 'linked'
      : before.status === 'linked' && unique.length === 0
        ? 'new'
        : before.status;
  const after = await updateNeedRow(tx, before, { status });
  await recordAudit(tx, options.actor, {
    action: 'need.link',
    entityType: 'need',
    entityId: before.id,
    before: { status: before.status, links: previous.map(({ kind, targetId }) => ({ kind, targetId })) },
    after: { status, links: unique },
  });
  return after;
}
