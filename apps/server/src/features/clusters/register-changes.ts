import { type ClusterGroup, type ClusterKind, fiscalYearLabel, isKindAllowedForGroup } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import {
  analysesFrom,
  existingOrgUnits,
  hasLaterRevision,
  insertCluster,
  replaceOwners,
  revisionsInEffect,
  takenNumbers,
} from './cluster-history.queries.ts';
import { insertRevision, updateRevision } from './clusters.queries.ts';

/** A cluster to add to the register: what it is called, where it sits, who owns it. */
export type NewClusterInput = {
  number: number;
  name: string;
  group: ClusterGroup;
  kind: ClusterKind | null;
  owningOrgUnitIds?: string[];
};

function conflict(ja: string, en: string): AppError {
  return new AppError('conflict', { messages: { ja, en } });
}

/** 400 unless each new cluster's kind fits its group. */
export function assertKinds(inputs: NewClusterInput[], pathOf: (index: number) => string): void {
  const errors: FieldError[] = [];
  for (const [index, input] of inputs.entries()) {
    if (!isKindAllowedForGroup(input.group, input.kind)) {
      errors.push({
        path: `${pathOf(index)}.kind`,
        messages: {
          ja: '施策・事業グループには種類（オペレーション系施策・市独自施策・国制度関連施策）が必要で、他のグループには指定できません。',
          en: 'policy_program needs a kind; the other groups take none.',
        },
      });
    }
  }
  if (errors.length > 0) throw new AppError('validation_failed', { fieldErrors: errors });
}

/**
 * 409 when a number is used twice in the request or by another cluster in the register that year;
 * `paths` names the field of each number, so the form can show the refusal beside it.
 */
export async function assertNumbersFree(
  tx: Transaction,
  fiscalYear: number,
  numbers: number[],
  leavingClusterIds: string[],
  paths: string[] = [],
): Promise<void> {
  const repeated = numbers.filter((number, index) => numbers.indexOf(number) !== index);
  const taken = [...repeated, ...(await takenNumbers(tx, fiscalYear, numbers, leavingClusterIds))];
  if (taken.length > 0) {
    const list = [...new Set(taken)].join('、');
    const fieldErrors: FieldError[] = numbers.flatMap((number, index) =>
      taken.includes(number) && paths[index]
        ? [
            {
              path: paths[index],
              messages: {
                ja: `番号 ${number} は${fiscalYearLabel(fiscalYear)}の一覧で既に使われています。`,
                en: `Number ${number} is already used in the FY${fiscalYear} register.`,
              },
            },
          ]
        : [],
    );
    throw new AppError('conflict', {
      messages: { ja: `番号 ${list} は既に使われています。`, en: `Number ${list} is already used.` },
      ...(fieldErrors.length > 0 ? { fieldErrors } : {}),
    });
  }
}

/** 422 unless every id is an org unit. */
export async function assertOrgUnits(tx: Transaction, ids: string[]): Promise<void> {
  const wanted = [...new Set(ids)];
  const found = await existingOrgUnits(tx, wanted);
  if (found.length !== wanted.length) {
    throw new AppError('unprocessable', {
      messages: { ja: '所管組織が見つかりません。', en: 'An owning org unit does not exist.' },
    });
  }
}

/** 409 when a cluster leaving the register from a year already has an analysis that year or later. */
export async function assertNoAnalysesFrom(
  tx: Transaction,
  clusterIds: string[],
  fiscalYear: number,
): Promise<void> {
  const found = await analysesFrom(tx, clusterIds, fiscalYear);
  if (found.length > 0) {
    throw conflict(
      `${fiscalYearLabel(fiscalYear)}以降の経営分析がある事業クラスターは、その年度から外せません。先に経営分析を整理してください。`,
      `A cluster with an analysis in FY${fiscalYear} or later cannot leave the register from that year.`,
    );
  }
}

/**
 * Takes a cluster out of the register from a fiscal year on: its revision then in effect ends the
 * year before. The register as it stood in earlier years is kept.
 */
export async function closeFrom(tx: Transaction, clusterId: string, fiscalYear: number): Promise<void> {
  const [revision] = await revisionsInEffect(tx, [clusterId], fiscalYear);
  if (!revision) {
    throw conflict(
      `この事業クラスターは${fiscalYearLabel(fiscalYear)}の一覧にありません。`,
      `The cluster is not in the FY${fiscalYear} register.`,
    );
  }
  if (revision.validFromFiscalYear >= fiscalYear || (await hasLaterRevision(tx, clusterId, fiscalYear))) {
    throw conflict(
      `この事業クラスターには${fiscalYearLabel(fiscalYear)}から適用する変更（名称・グループ・番号など）があるため、${fiscalYearLabel(fiscalYear)}からは統合・分割・廃止できません。翌年度以降から行ってください。`,
      `The cluster has a change starting in FY${fiscalYear}; it cannot leave the register from that year.`,
    );
  }
  await updateRevision(tx, revision.id, { validToFiscalYear: fiscalYear - 1 });
}

/** Adds a cluster to the register from a fiscal year on and returns its id. */
export async function addCluster(
  tx: Transaction,
  input: NewClusterInput,
  fiscalYear: number,
  changeKind: string,
  changeNote: string,
): Promise<string> {
  const clusterId = await insertCluster(tx);
  await insertRevision(tx, {
    clusterId,
    validFromFiscalYear: fiscalYear,
    number: input.number,
    name: input.name,
    groupCode: input.group,
    kindCode: input.kind,
    changeKind,
    changeNote: changeNote || null,
  });
  await replaceOwners(tx, clusterId, input.owningOrgUnitIds ?? []);
  return clusterId;
}
