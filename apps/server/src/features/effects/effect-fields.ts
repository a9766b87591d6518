import {
  type EffectCategory,
  type EffectRecurrence,
  type EffectSourceKind,
  type EffectStage,
  LEDGER_ENTRY_PROBLEM_MESSAGES,
  ledgerEntryProblem,
} from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { OrgUnitTree } from '../bureau-policies/index.ts';
import { findInitiative } from '../initiatives/index.ts';
import { clustersOfInitiative, findAnalysisBasics, findTarget, isCluster } from './effects.queries.ts';

/** A ledger line as a person enters it; unit and cluster may be left to the source. */
export type EffectInput = {
  targetId: string | null;
  title: string;
  fiscalYear: number;
  endFiscalYear: number | null;
  category: EffectCategory;
  recurrence: EffectRecurrence;
  stage: EffectStage;
  amount: bigint;
  basis: string;
  sourceKind: EffectSourceKind;
  sourceId: string;
  orgUnitId?: string | null;
  clusterId?: string | null;
};

export type ResolvedEffect = Required<Omit<EffectInput, 'orgUnitId' | 'clusterId'>> & {
  orgUnitId: string;
  clusterId: string | null;
};

function unprocessable(ja: string, en: string): AppError {
  return new AppError('unprocessable', { messages: { ja, en } });
}

/**
 * Checks a ledger line and fills what its source implies: the owning unit (the initiative's owner or
 * the analysis's lead unit) and the cluster (the analysis's, or the initiative's when it has one).
 * A line in a year outside its target's span is refused.
 */
export async function resolveEffect(
  db: Executor,
  input: EffectInput,
  tree: OrgUnitTree,
): Promise<ResolvedEffect> {
  let orgUnitId = input.orgUnitId ?? null;
  let clusterId = input.clusterId ?? null;
  if (input.sourceKind === 'initiative') {
    const initiative = await findInitiative(db, input.sourceId);
    if (!initiative)
      throw unprocessable('効果額の元になる取組が見つかりません。', 'The initiative does not exist.');
    orgUnitId ??= initiative.ownerOrgUnitId;
    if (input.clusterId === undefined) {
      const clusters = await clustersOfInitiative(db, initiative.id);
      clusterId = clusters.length === 1 ? clusters[0]! : null;
    }
  } else {
    const analysis = await findAnalysisBasics(db, input.sourceId);
    if (!analysis)
      throw unprocessable('効果額の元になる経営分析が見つかりません。', 'The analysis does not exist.');
    orgUnitId ??= analysis.leadOrgUnitId;
    if (input.clusterId === undefined) clusterId = analysis.clusterId;
  }
  if (!orgUnitId)
    throw unprocessable('効果額の担当組織を指定してください。', 'Name the org unit the effect belongs to.');
  if (!tree.byId.has(orgUnitId))
    throw unprocessable('担当組織が見つかりません。', 'The org unit does not exist.');
  if (clusterId && !(await isCluster(db, clusterId))) {
    throw unprocessable('指定された事業クラスターが見つかりません。', 'The cluster does not exist.');
  }
  const target = input.targetId ? await findTarget(db, input.targetId) : null;
  if (input.targetId && !target)
    throw unprocessable('指定された目標が見つかりません。', 'The target does not exist.');
  const problem = ledgerEntryProblem(
    input,
    target ? { startFiscalYear: target.startFiscalYear, endFiscalYear: target.endFiscalYear } : null,
  );
  if (problem === 'outside_target_span') {
    throw new AppError('outside_target_span', {
      messages: {
        ja: `効果額の年度（${input.fiscalYear}年度）が目標「${target!.name}」の対象期間（${target!.startFiscalYear}〜${target!.endFiscalYear}年度）外です。`,
        en: `FY${input.fiscalYear} is outside the span of "${target!.name}" (FY${target!.startFiscalYear}–FY${target!.endFiscalYear}).`,
      },
    });
  }
  if (problem) throw new AppError('validation_failed', { messages: LEDGER_ENTRY_PROBLEM_MESSAGES[problem] });
  return {
    targetId: input.targetId,
    title: input.title,
    fiscalYear: input.fiscalYear,
    endFiscalYear: input.endFiscalYear,
    category: input.category,
    recurrence: input.recurrence,
    stage: input.stage,
    amount: input.amount,
    basis: input.basis,
    sourceKind: input.sourceKind,
    sourceId: input.sourceId,
    orgUnitId,
    clusterId,
  };
}
