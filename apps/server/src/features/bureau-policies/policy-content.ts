import type { Executor } from '../../db/client.ts';
import type { BureauPolicyKpi, BureauPolicyTheme } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { countExistingClusters } from './bureau-policies.queries.ts';

/** The text of a policy version as a drafter writes it. */
export type PolicyContent = {
  title: string;
  vision: string;
  priorityThemes: BureauPolicyTheme[];
  clusterIds: string[];
  kpis: BureauPolicyKpi[];
  revisionNote?: string | null;
};

/** Refuses clusters that do not exist, before anything is written. */
export async function assertClustersExist(db: Executor, clusterIds: string[]): Promise<string[]> {
  const unique = [...new Set(clusterIds)];
  if ((await countExistingClusters(db, unique)) !== unique.length) {
    throw new AppError('unprocessable', {
      messages: { ja: '指定された事業クラスターが見つかりません。', en: 'A cluster does not exist.' },
    });
  }
  return unique;
}
