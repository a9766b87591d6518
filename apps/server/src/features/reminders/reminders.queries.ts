import type { Role } from '@totonoe/domain';
import { and, asc, between, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  analyses,
  analysisVersions,
  bureauPolicies,
  bureauPolicyConsultations,
  bureauPolicySteps,
  bureauPolicyVersions,
  clusterOwners,
  clusterRevisions,
  initiatives,
  meetingActions,
  platinumAssignments,
  platinumIssues,
  reminderDeliveries,
  userRoles,
  users,
} from '../../db/schema/index.ts';

/** The roles reminders go to: those who report, decide and approve for a unit, and the reform office. */
const REMINDED_ROLES: Role[] = ['bureau_head', 'department_staff', 'reform_office'];

/** Active people holding a role reminders go to, with their role grants. */
export async function listRemindedPeople(db: Executor) {
  const rows = await db
    .select({
      id: users.id,
      login: users.login,
      displayName: users.displayName,
      orgUnitId: users.orgUnitId,
      role: userRoles.role,
      roleOrgUnitId: userRoles.orgUnitId,
    })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(users.isActive, true), inArray(userRoles.role, REMINDED_ROLES)))
    .orderBy(asc(users.id));
  return rows;
}

/** Open initiatives of the given fiscal years, with what their reporting rule needs. */
export function listOpenInitiatives(db: Executor, fiscalYears: number[]) {
  return db
    .select({
      id: initiatives.id,
      title: initiatives.title,
      fiscalYear: initiatives.fiscalYear,
      ownerOrgUnitId: initiatives.ownerOrgUnitId,
      status: initiatives.status,
      updateCadence: initiatives.updateCadence,
      lastUpdateOn: initiatives.lastUpdateOn,
      createdAt: initiatives.createdAt,
    })
    .from(initiatives)
    .where(
      and(
        inArray(initiatives.fiscalYear, fiscalYears),
        inArray(initiatives.status, ['not_started', 'in_progress']),
      ),
    );
}

/** 指示事項 not yet reported whose due date lies between two days. */
export function listOpenActionsDueBetween(db: Executor, from: string, to: string) {
  return db
    .select({
      id: meetingActions.id,
      body: meetingActions.body,
      ownerOrgUnitId: meetingActions.ownerOrgUnitId,
      dueDate: meetingActions.dueDate,
    })
    .from(meetingActions)
    .where(
      and(inArray(meetingActions.status, ['open', 'in_progress']), between(meetingActions.dueDate, from, to)),
    );
}

/** Platinum issues sent to a bureau and still undecided, whose due date lies between two days. */
export function listUndecidedAssignmentsDueBetween(db: Executor, from: string, to: string) {
  return db
    .select({
      issueId: platinumAssignments.issueId,
      title: platinumIssues.title,
      orgUnitId: platinumAssignments.orgUnitId,
      dueOn: platinumAssignments.dueOn,
    })
    .from(platinumAssignments)
    .innerJoin(platinumIssues, eq(platinumIssues.id, platinumAssignments.issueId))
    .where(
      and(
        eq(platinumIssues.status, 'sent_on'),
        isNull(platinumAssignments.decision),
        between(platinumAssignments.dueOn, from, to),
      ),
    );
}

/**
 * Bureau-policy versions waiting for a 合議 or a 決裁, with the moment they started waiting (the
 * route step that put them in their status) and the units still to answer in the current round.
 */
export async function listWaitingPolicyVersions(db: Executor) {
  const waitingSince = sql<Date>`(select max(${bureauPolicySteps.occurredAt}) from ${bureauPolicySteps}
    where ${bureauPolicySteps.versionId} = ${bureauPolicyVersions.id}
      and ${bureauPolicySteps.toStatus} = ${bureauPolicyVersions.status}
      and ${bureauPolicySteps.fromStatus} is distinct from ${bureauPolicySteps.toStatus})`.mapWith((value) =>
    value === null ? null : new Date(value),
  );
  const versions = await db
    .select({
      versionId: bureauPolicyVersions.id,
      policyId: bureauPolicies.id,
      orgUnitId: bureauPolicies.orgUnitId,
      title: bureauPolicyVersions.title,
      status: bureauPolicyVersions.status,
      drafterId: bureauPolicyVersions.drafterId,
      consultationRound: bureauPolicyVersions.consultationRound,
      waitingSince,
    })
    .from(bureauPolicyVersions)
    .innerJoin(bureauPolicies, eq(bureauPolicies.id, bureauPolicyVersions.policyId))
    .where(inArray(bureauPolicyVersions.status, ['consulting', 'awaiting_approval']));
  const consulting = versions.filter((version) => version.status === 'consulting');
  const pending = consulting.length
    ? await db
        .select({
          versionId: bureauPolicyConsultations.versionId,
          round: bureauPolicyConsultations.round,
          orgUnitId: bureauPolicyConsultations.orgUnitId,
        })
        .from(bureauPolicyConsultations)
        .where(
          and(
            inArray(
              bureauPolicyConsultations.versionId,
              consulting.map((version) => version.versionId),
            ),
            eq(bureauPolicyConsultations.decision, 'pending'),
          ),
        )
    : [];
  return versions.map((version) => ({
    ...version,
    pendingUnitIds: pending
      .filter((entry) => entry.versionId === version.versionId && entry.round === version.consultationRound)
      .map((entry) => entry.orgUnitId),
  }));
}

/**
 * Analyses whose report waits for the bureau head's approval (submitted, not yet approved or
 * returned): the cluster as it stood that year, the owning units, and when the report was submitted.
 */
export async function listAnalysesAwaitingBureauHead(db: Executor) {
  const rows = await db
    .select({
      id: analyses.id,
      clusterId: analyses.clusterId,
      fiscalYear: analyses.fiscalYear,
      leadOrgUnitId: analyses.leadOrgUnitId,
      number: clusterRevisions.number,
      name: clusterRevisions.name,
      submittedAt: sql<Date>`(select max(${analysisVersions.submittedAt}) from ${analysisVersions}
        where ${analysisVersions.analysisId} = ${analyses.id} and ${analysisVersions.status} = 'submitted')`.mapWith(
        (value) => (value === null ? null : new Date(value)),
      ),
    })
    .from(analyses)
    .innerJoin(
      clusterRevisions,
      and(
        eq(clusterRevisions.clusterId, analyses.clusterId),
        sql`${clusterRevisions.validFromFiscalYear} <= ${analyses.fiscalYear}`,
        sql`(${clusterRevisions.validToFiscalYear} is null or ${clusterRevisions.validToFiscalYear} >= ${analyses.fiscalYear})`,
      ),
    )
    .where(and(eq(analyses.reviewStatus, 'submitted'), isNull(analyses.closedAt)));
  const owners = rows.length
    ? await db
        .select({ clusterId: clusterOwners.clusterId, orgUnitId: clusterOwners.orgUnitId })
        .from(clusterOwners)
        .where(
          inArray(
            clusterOwners.clusterId,
            rows.map((row) => row.clusterId),
          ),
        )
    : [];
  return rows.map((row) => ({
    ...row,
    owningOrgUnitIds: [
      ...new Set([
        ...(row.leadOrgUnitId ? [row.leadOrgUnitId] : []),
        ...owners.filter((owner) => owner.clusterId === row.clusterId).map((owner) => owner.orgUnitId),
      ]),
    ],
  }));
}

export type ReminderKey = { kind: string; subjectId: string; recipientId: string; remindedFor: string };

/**
 * Claims reminders: returns the recipients this call recorded, leaving out those sent before (by
 * this process or another). A concurrent claim of the same key waits for the first to commit.
 */
export async function claimReminders(db: Executor, keys: ReminderKey[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .insert(reminderDeliveries)
    .values(keys)
    .onConflictDoNothing()
    .returning({ recipientId: reminderDeliveries.recipientId });
  return rows.map((row) => row.recipientId);
}

/** Notes the notification a claimed reminder became. */
export async function linkReminderNotification(db: Executor, key: ReminderKey, notificationId: string) {
  await db
    .update(reminderDeliveries)
    .set({ notificationId })
    .where(
      and(
        eq(reminderDeliveries.kind, key.kind),
        eq(reminderDeliveries.subjectId, key.subjectId),
        eq(reminderDeliveries.recipientId, key.recipientId),
        eq(reminderDeliveries.remindedFor, key.remindedFor),
      ),
    );
}

/** The reminders sent about records, newest first (for the stale list and tests). */
export function listRemindersAbout(db: Executor, subjectIds: string[]) {
  if (subjectIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(reminderDeliveries)
    .where(inArray(reminderDeliveries.subjectId, subjectIds))
    .orderBy(sql`${reminderDeliveries.createdAt} desc`);
}
