import type { ApprovalStatus } from '@totonoe/domain';
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  bureauPolicies,
  bureauPolicyConsultations,
  bureauPolicySteps,
  bureauPolicyVersions,
  clusterRevisions,
  orgUnits,
  users,
} from '../../db/schema/index.ts';

export type BureauPolicyRow = typeof bureauPolicies.$inferSelect;
export type BureauPolicyVersionRow = typeof bureauPolicyVersions.$inferSelect;
export type ConsultationRow = typeof bureauPolicyConsultations.$inferSelect;
export type StepRow = typeof bureauPolicySteps.$inferSelect;

/** One policy, or null. */
export async function findPolicy(db: Executor, id: string): Promise<BureauPolicyRow | null> {
  const rows = await db.select().from(bureauPolicies).where(eq(bureauPolicies.id, id)).limit(1);
  return rows[0] ?? null;
}

/** One policy locked for update, or null. */
export async function lockPolicy(db: Executor, id: string): Promise<BureauPolicyRow | null> {
  const rows = await db.select().from(bureauPolicies).where(eq(bureauPolicies.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

/** The policy of a unit in a year, or null. */
export async function findPolicyOf(db: Executor, orgUnitId: string, fiscalYear: number) {
  const rows = await db
    .select()
    .from(bureauPolicies)
    .where(and(eq(bureauPolicies.orgUnitId, orgUnitId), eq(bureauPolicies.fiscalYear, fiscalYear)))
    .limit(1);
  return rows[0] ?? null;
}

/** Every version of a policy, oldest first. */
export function listVersions(db: Executor, policyId: string): Promise<BureauPolicyVersionRow[]> {
  return db
    .select()
    .from(bureauPolicyVersions)
    .where(eq(bureauPolicyVersions.policyId, policyId))
    .orderBy(asc(bureauPolicyVersions.versionNumber));
}

/** The versions of many policies, oldest first. */
export function listVersionsOf(db: Executor, policyIds: string[]): Promise<BureauPolicyVersionRow[]> {
  if (policyIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(bureauPolicyVersions)
    .where(inArray(bureauPolicyVersions.policyId, policyIds))
    .orderBy(asc(bureauPolicyVersions.policyId), asc(bureauPolicyVersions.versionNumber));
}

/** The policies of a fiscal year (optionally of some units), in org-unit order. */
export function listPolicies(db: Executor, filter: { fiscalYear: number; orgUnitIds?: string[] }) {
  const conditions = [eq(bureauPolicies.fiscalYear, filter.fiscalYear)];
  if (filter.orgUnitIds) {
    if (filter.orgUnitIds.length === 0) return Promise.resolve([]);
    conditions.push(inArray(bureauPolicies.orgUnitId, filter.orgUnitIds));
  }
  return db
    .select({ policy: bureauPolicies })
    .from(bureauPolicies)
    .innerJoin(orgUnits, eq(orgUnits.id, bureauPolicies.orgUnitId))
    .where(and(...conditions))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code))
    .then((rows) => rows.map((row) => row.policy));
}

/** Policies with a published version in a fiscal year, for the public. */
export function listPublishedPolicies(db: Executor, fiscalYear: number) {
  return db
    .select({ policy: bureauPolicies, version: bureauPolicyVersions })
    .from(bureauPolicies)
    .innerJoin(orgUnits, eq(orgUnits.id, bureauPolicies.orgUnitId))
    .innerJoin(
      bureauPolicyVersions,
      and(
        eq(bureauPolicyVersions.policyId, bureauPolicies.id),
        eq(bureauPolicyVersions.versionNumber, bureauPolicies.publishedVersionNumber),
        eq(bureauPolicyVersions.status, 'published'),
      ),
    )
    .where(eq(bureauPolicies.fiscalYear, fiscalYear))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code));
}

/** The published version of a policy, or null. */
export async function findPublishedVersion(db: Executor, policyId: string) {
  const rows = await db
    .select({ policy: bureauPolicies, version: bureauPolicyVersions })
    .from(bureauPolicies)
    .innerJoin(
      bureauPolicyVersions,
      and(
        eq(bureauPolicyVersions.policyId, bureauPolicies.id),
        eq(bureauPolicyVersions.versionNumber, bureauPolicies.publishedVersionNumber),
        eq(bureauPolicyVersions.status, 'published'),
      ),
    )
    .where(eq(bureauPolicies.id, policyId))
    .limit(1);
  return rows[0] ?? null;
}

/** The consultations of versions in their current rounds, in the order the drafter named them. */
export async function listCurrentConsultations(
  db: Executor,
  versions: Pick<BureauPolicyVersionRow, 'id' | 'consultationRound'>[],
): Promise<ConsultationRow[]> {
  const withRounds = versions.filter((version) => version.consultationRound > 0);
  if (withRounds.length === 0) return [];
  return db
    .select()
    .from(bureauPolicyConsultations)
    .where(
      or(
        ...withRounds.map((version) =>
          and(
            eq(bureauPolicyConsultations.versionId, version.id),
            eq(bureauPolicyConsultations.round, version.consultationRound),
          ),
        ),
      ),
    )
    .orderBy(asc(bureauPolicyConsultations.versionId), asc(bureauPolicyConsultations.position));
}

/** The route's trail of a version, oldest first. */
export function listSteps(db: Executor, versionId: string): Promise<StepRow[]> {
  return db
    .select()
    .from(bureauPolicySteps)
    .where(eq(bureauPolicySteps.versionId, versionId))
    .orderBy(asc(bureauPolicySteps.id));
}

/** Display names of users by id. */
export async function userNames(db: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Cluster numbers and names as they stood in a fiscal year. */
export async function clusterLabels(db: Executor, ids: string[], fiscalYear: number) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, { id: string; number: number; name: string }>();
  const rows = await db
    .select({ id: clusterRevisions.clusterId, number: clusterRevisions.number, name: clusterRevisions.name })
    .from(clusterRevisions)
    .where(
      and(
        inArray(clusterRevisions.clusterId, unique),
        lte(clusterRevisions.validFromFiscalYear, fiscalYear),
        or(isNull(clusterRevisions.validToFiscalYear), gte(clusterRevisions.validToFiscalYear, fiscalYear)),
      ),
    );
  return new Map(rows.map((row) => [row.id, row]));
}

/** Inserts a policy. */
export async function insertPolicy(
  db: Executor,
  values: typeof bureauPolicies.$inferInsert,
): Promise<BureauPolicyRow> {
  const rows = await db.insert(bureauPolicies).values(values).returning();
  return rows[0]!;
}

/** Inserts a version. */
export async function insertVersion(
  db: Executor,
  values: typeof bureauPolicyVersions.$inferInsert,
): Promise<BureauPolicyVersionRow> {
  const rows = await db.insert(bureauPolicyVersions).values(values).returning();
  return rows[0]!;
}

/** Changes a version. */
export async function updateVersion(
  db: Executor,
  id: string,
  values: Partial<typeof bureauPolicyVersions.$inferInsert>,
  now: Date = new Date(),
) {
  await db
    .update(bureauPolicyVersions)
    .set({ ...values, updatedAt: now })
    .where(eq(bureauPolicyVersions.id, id));
}

/** Changes a policy and bumps its version (the ETag covers the policy and all its versions). */
export async function touchPolicy(
  db: Executor,
  policy: BureauPolicyRow,
  values: Partial<typeof bureauPolicies.$inferInsert> = {},
  now: Date = new Date(),
): Promise<BureauPolicyRow> {
  const rows = await db
    .update(bureauPolicies)
    .set({ ...values, version: policy.version + 1, updatedAt: now })
    .where(eq(bureauPolicies.id, policy.id))
    .returning();
  return rows[0]!;
}

/** Names the units of a new round of consultation. */
export async function insertConsultations(
  db: Executor,
  versionId: string,
  round: number,
  orgUnitIds: readonly string[],
) {
  if (orgUnitIds.length === 0) return;
  await db
    .insert(bureauPolicyConsultations)
    .values(orgUnitIds.map((orgUnitId, position) => ({ versionId, round, orgUnitId, position })));
}

/** Records one unit's answer in the current round. */
export async function decideConsultation(
  db: Executor,
  key: { versionId: string; round: number; orgUnitId: string },
  values: {
    decision: 'concurred' | 'returned';
    decidedBy: string | null;
    comment: string | null;
    decidedAt: Date;
  },
) {
  await db
    .update(bureauPolicyConsultations)
    .set(values)
    .where(
      and(
        eq(bureauPolicyConsultations.versionId, key.versionId),
        eq(bureauPolicyConsultations.round, key.round),
        eq(bureauPolicyConsultations.orgUnitId, key.orgUnitId),
      ),
    );
}

/** Appends a step to the route's trail. */
export async function insertStep(db: Executor, values: typeof bureauPolicySteps.$inferInsert) {
  await db.insert(bureauPolicySteps).values(values);
}

/** Latest versions in a given status, of any policy (for the approval inbox). */
export function listLatestVersionsIn(db: Executor, statuses: ApprovalStatus[]) {
  return db
    .select({ policy: bureauPolicies, version: bureauPolicyVersions })
    .from(bureauPolicies)
    .innerJoin(
      bureauPolicyVersions,
      and(
        eq(bureauPolicyVersions.policyId, bureauPolicies.id),
        eq(bureauPolicyVersions.versionNumber, bureauPolicies.latestVersionNumber),
      ),
    )
    .where(inArray(bureauPolicyVersions.status, statuses))
    .orderBy(desc(bureauPolicyVersions.updatedAt));
}

/** True when every id is a cluster. */
export async function countExistingClusters(db: Executor, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .select({ count: sql<number>`count(distinct ${clusterRevisions.clusterId})::int` })
    .from(clusterRevisions)
    .where(inArray(clusterRevisions.clusterId, ids));
  return rows[0]?.count ?? 0;
}
