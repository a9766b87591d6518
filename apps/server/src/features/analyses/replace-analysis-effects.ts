import {
  type EffectCategory,
  type EffectRecurrence,
  type EffectStage,
  fiscalYearLabel,
  LEDGER_ENTRY_PROBLEM_MESSAGES,
  ledgerEntryProblem,
} from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorization.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import { type AnalysisAccess, analysisPolicy } from './analyses.policy.ts';
import { presentEffectLine } from './analyses.presenter.ts';
import { updateAnalysisRow } from './analyses.queries.ts';
import { listEffects, replaceEffects } from './analysis-figures.queries.ts';
import { assertDraftEditable, effectFiscalYearSpan, lockOpenAnalysis } from './analysis-guards.ts';

export type EffectLineInput = {
  label: string;
  fiscalYear: number;
  endFiscalYear: number | null;
  category: EffectCategory;
  recurrence: EffectRecurrence;
  stage: EffectStage;
  amount: bigint;
  basis: string;
};

/**
 * Replaces the 効果額 lines of an analysis. Each line's fiscal year must lie in the programme's
 * period; a recurring line may end in a later year, a one-off line may not.
 */
export async function replaceAnalysisEffects(
  tx: Transaction,
  options: {
    analysisId: string;
    expectedVersion: number;
    lines: EffectLineInput[];
    access: AnalysisAccess;
    actor: Actor;
  },
) {
  authorize(analysisPolicy.canEditReport(options.access));
  const analysis = await lockOpenAnalysis(tx, options.analysisId, options.expectedVersion);
  assertDraftEditable(analysis);
  const span = await effectFiscalYearSpan(tx, analysis.fiscalYear);
  const errors: FieldError[] = [];
  for (const [index, line] of options.lines.entries()) {
    const problem = ledgerEntryProblem(line, span);
    if (problem === 'outside_target_span') {
      errors.push({
        path: `items.${index}.fiscalYear`,
        messages: {
          ja: `効果額の年度は${fiscalYearLabel(span.startFiscalYear)}から${fiscalYearLabel(span.endFiscalYear)}までです。`,
          en: `Effects must fall in FY${span.startFiscalYear}–FY${span.endFiscalYear}, the programme's period.`,
        },
      });
    } else if (problem !== null) {
      errors.push({ path: `items.${index}.endFiscalYear`, messages: LEDGER_ENTRY_PROBLEM_MESSAGES[problem] });
    }
  }
  if (errors.length > 0) throw new AppError('validation_failed', { fieldErrors: errors });
  const before = (await listEffects(tx, analysis.id)).map(presentEffectLine);
  await replaceEffects(tx, analysis.id, options.lines);
  const after = (await listEffects(tx, analysis.id)).map(presentEffectLine);
  const updated = await updateAnalysisRow(tx, analysis.id, analysis.version);
  await recordAudit(tx, options.actor, {
    action: 'analysis.effects.replace',
    entityType: 'analysis',
    entityId: analysis.id,
    before,
    after,
  });
  return { analysis: updated, effects: after };
}
