import { type ClusterGroup, type ClusterKind, isKindAllowedForGroup } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { insertEvent } from './cluster-history.queries.ts';
import {
  bumpClusterVersion,
  deletePlannedAnalysis,
  findAnalysisFor,
  insertPlannedAnalysis,
  insertRevision,
  isNumberTaken,
  listClustersForYear,
  lockCluster,
  lockRevisionForYear,
  updateRevision,
} from './clusters.queries.ts';

export type ClusterChanges = {
  number?: number;
  name?: string;
  group?: ClusterGroup;
  kind?: ClusterKind | null;
  isAnalysisTarget?: boolean;
};

/**
 * Changes a cluster as of a fiscal year: the revision in effect is edited in place when it began
 * that year, otherwise it is closed at the year before and a new revision starts, so the register
 * as it stood in earlier years is kept.
 */
export async function updateCluster(
  tx: Transaction,
  options: {
    clusterId: string;
    fiscalYear: number;
    expectedVersion: number;
    changes: ClusterChanges;
    note?: string;
    actor: Actor;
  },
) {
  const cluster = await lockCluster(tx, options.clusterId);
  if (!cluster) throw notFound();
  assertVersion(options.expectedVersion, cluster.version);
  const revision = await lockRevisionForYear(tx, options.clusterId, options.fiscalYear);
  if (!revision) throw notFound();
  const before = (await listClustersForYear(tx, options.fiscalYear, options.clusterId))[0];

  const { isAnalysisTarget, ...fieldChanges } = options.changes;
  const group = fieldChanges.group ?? revision.groupCode;
  const kind =
    fieldChanges.kind === undefined
      ? fieldChanges.group && fieldChanges.group !== 'policy_program'
        ? null
        : revision.kindCode
      : fieldChanges.kind;
  if (!isKindAllowedForGroup(group, kind)) {
    throw new AppError('validation_failed', {
      messages: {
        ja: '施策・事業グループには種類（オペレーション系施策・市独自施策・国制度関連施策）が必要で、他のグループには指定できません。',
        en: 'policy_program needs a kind; the other groups take none.',
      },
    });
  }
  const number = fieldChanges.number ?? revision.number;
  if (
    number !== revision.number &&
    (await isNumberTaken(tx, options.fiscalYear, number, options.clusterId))
  ) {
    throw new AppError('conflict', {
      messages: { ja: 'この番号は既に使われています。', en: 'This number is already used.' },
    });
  }
  const name = fieldChanges.name ?? revision.name;
  const isRenamed = name !== revision.name;
  const isRegrouped = group !== revision.groupCode || kind !== revision.kindCode;
  const isRenumbered = number !== revision.number;
  if (isRenamed || isRegrouped || isRenumbered) {
    // The revision names the main change; the history below records each change on its own line.
    const changeKind = isRegrouped ? 'regrouped' : isRenamed ? 'renamed' : 'renumbered';
    if (revision.validFromFiscalYear === options.fiscalYear) {
      await updateRevision(tx, revision.id, { name, groupCode: group, kindCode: kind, number, changeKind });
    } else {
      await updateRevision(tx, revision.id, { validToFiscalYear: options.fiscalYear - 1 });
      await insertRevision(tx, {
        clusterId: options.clusterId,
        validFromFiscalYear: options.fiscalYear,
        validToFiscalYear: revision.validToFiscalYear,
        number,
        name,
        groupCode: group,
        kindCode: kind,
        changeKind,
      });
    }
  }
  if (isAnalysisTarget !== undefined) {
    const analysis = await findAnalysisFor(tx, options.clusterId, options.fiscalYear);
    if (isAnalysisTarget && !analysis) await insertPlannedAnalysis(tx, options.clusterId, options.fiscalYear);
    if (!isAnalysisTarget && analysis) {
      if (analysis.stage !== 'planned') {
        throw new AppError('conflict', {
          messages: {
            ja: '着手済みの経営分析は対象から外せません。',
            en: 'An analysis already started cannot be taken off the plan.',
          },
        });
      }
      await deletePlannedAnalysis(tx, analysis.id);
    }
  }
  await bumpClusterVersion(tx, options.clusterId, cluster.version);
  const after = (await listClustersForYear(tx, options.fiscalYear, options.clusterId))[0]!;
  const event = {
    clusterId: options.clusterId,
    fiscalYear: options.fiscalYear,
    note: options.note ?? '',
    actorId: options.actor.userId,
  };
  if (isRenumbered) {
    await insertEvent(tx, {
      ...event,
      kind: 'renumbered',
      before: { number: revision.number },
      after: { number },
    });
  }
  if (isRenamed) {
    await insertEvent(tx, { ...event, kind: 'renamed', before: { name: revision.name }, after: { name } });
  }
  if (isRegrouped) {
    await insertEvent(tx, {
      ...event,
      kind: 'regrouped',
      before: { group: before?.groupName ?? revision.groupCode, kind: before?.kindName ?? null },
      after: { group: after.groupName, kind: after.kindName },
    });
  }
  await recordAudit(tx, options.actor, {
    action: 'cluster.update',
    entityType: 'cluster',
    entityId: options.clusterId,
    before: { ...before, fiscalYear: options.fiscalYear },
    after: { ...after, fiscalYear: options.fiscalYear },
  });
  return after;
}
