import type {
  InitiativeHealth,
  InitiativeSourceKind,
  InitiativeStatus,
  UpdateCadence,
} from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { OrgUnitTree } from '../bureau-policies/index.ts';
import { countClusters, isAnalysis, isBureauPolicy } from './initiatives.queries.ts';

/** What a person sets on an initiative. */
export type InitiativeFields = {
  title: string;
  summary: string;
  sourceKind: InitiativeSourceKind;
  sourceId: string | null;
  ownerOrgUnitId: string;
  clusterIds: string[];
  updateCadence: UpdateCadence;
  status: InitiativeStatus;
  health: InitiativeHealth;
};

function unprocessable(ja: string, en: string): AppError {
  return new AppError('unprocessable', { messages: { ja, en } });
}

/**
 * Checks where an initiative says it comes from. Bureau policies and analyses are checked here;
 * Platinum responses and meeting instructions live in other features and are kept as plain ids.
 */
export async function assertSource(
  db: Executor,
  kind: InitiativeSourceKind,
  sourceId: string | null,
): Promise<void> {
  if (kind === 'voluntary_reform') {
    if (sourceId !== null) {
      throw unprocessable(
        '自主的な改革には出典の指定は不要です（経営分析の対象にかかわらない取組です）。',
        'A voluntary reform has no source to link.',
      );
    }
    return;
  }
  if (sourceId === null)
    throw unprocessable(
      '出典（元になった方針・分析・対応方針・指示事項）を指定してください。',
      'Name the source.',
    );
  if (kind === 'bureau_policy' && !(await isBureauPolicy(db, sourceId))) {
    throw unprocessable('指定された局区X方針が見つかりません。', 'The bureau policy does not exist.');
  }
  if (kind === 'analysis_direction' && !(await isAnalysis(db, sourceId))) {
    throw unprocessable('指定された経営分析が見つかりません。', 'The analysis does not exist.');
  }
}

/** Checks the owner unit and the clusters; returns the clusters without duplicates. */
export async function assertOwnerAndClusters(
  db: Executor,
  tree: OrgUnitTree,
  ownerOrgUnitId: string,
  clusterIds: string[],
): Promise<string[]> {
  if (!tree.byId.has(ownerOrgUnitId))
    throw unprocessable('担当組織が見つかりません。', 'The owner org unit does not exist.');
  const unique = [...new Set(clusterIds)];
  if ((await countClusters(db, unique)) !== unique.length) {
    throw unprocessable('指定された事業クラスターが見つかりません。', 'A cluster does not exist.');
  }
  return unique;
}
