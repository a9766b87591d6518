import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  agendaItems,
  analyses,
  analysisReports,
  analysisVersions,
  bureauPolicies,
  bureauPolicyConsultations,
  bureauPolicyVersions,
  clusterOwners,
  clusterRevisions,
  clusters,
  initiatives,
  initiativeUpdates,
  meetingActions,
  meetingDecisions,
  meetingMaterials,
  meetingMinutes,
  meetings,
  needs,
  orgUnits,
  platinumAssignments,
  platinumCampaigns,
  platinumComments,
  platinumIdeas,
  platinumIssues,
  platinumResponses,
  platinumTeamMembers,
  searchQueue,
  users,
} from '../../db/schema/index.ts';

/** Rows grouped by a key, in their order: one pass instead of a search of every row per record. */
function groupBy<T>(rows: T[], keyOf: (row: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** The group of a key (none: an empty list). */
function of<T>(groups: Map<string, T[]>, key: string | null): T[] {
  return (key === null ? undefined : groups.get(key)) ?? [];
}

/**
 * What the search index reads from each feature's tables to write its documents. Read-only; the
 * features own these tables and their rules, the index copies what each audience may read.
 */

/** Every org unit (id, name, parent) for paths and readers. */
export function listOrgUnitNodes(db: Executor) {
  return db.select({ id: orgUnits.id, name: orgUnits.name, parentId: orgUnits.parentId }).from(orgUnits);
}

/** Clusters with their revisions and owners. */
export async function loadClusters(db: Executor, ids: string[]) {
  const rows = await db
    .select({ id: clusters.id, updatedAt: clusters.updatedAt })
    .from(clusters)
    .where(inArray(clusters.id, ids));
  const revisions = await db
    .select()
    .from(clusterRevisions)
    .where(inArray(clusterRevisions.clusterId, ids))
    .orderBy(asc(clusterRevisions.validFromFiscalYear));
  const owners = await db.select().from(clusterOwners).where(inArray(clusterOwners.clusterId, ids));
  const revisionsByCluster = groupBy(revisions, (revision) => revision.clusterId);
  const ownersByCluster = groupBy(owners, (owner) => owner.clusterId);
  return rows.map((row) => ({
    ...row,
    revisions: of(revisionsByCluster, row.id),
    ownerIds: of(ownersByCluster, row.id).map((owner) => owner.orgUnitId),
  }));
}

/** Analyses of the given clusters (their readers follow the clusters' owners). */
export async function analysisIdsOfClusters(db: Executor, clusterIds: string[]) {
  const rows = await db
    .select({ id: analyses.id })
    .from(analyses)
    .where(inArray(analyses.clusterId, clusterIds));
  return rows.map((row) => row.id);
}

/** Meetings with agenda, materials, decisions, minutes and instructions. */
export async function loadMeetings(db: Executor, ids: string[]) {
  const rows = await db.select().from(meetings).where(inArray(meetings.id, ids));
  const items = await db
    .select({
      meetingId: agendaItems.meetingId,
      title: agendaItems.title,
      note: agendaItems.note,
      presenterOrgUnitId: agendaItems.presenterOrgUnitId,
    })
    .from(agendaItems)
    .where(inArray(agendaItems.meetingId, ids))
    .orderBy(asc(agendaItems.position));
  const materials = await db
    .select({
      meetingId: meetingMaterials.meetingId,
      title: meetingMaterials.title,
      isPublished: meetingMaterials.isPublished,
    })
    .from(meetingMaterials)
    .where(inArray(meetingMaterials.meetingId, ids))
    .orderBy(asc(meetingMaterials.position));
  const decisions = await db
    .select({ meetingId: meetingDecisions.meetingId, body: meetingDecisions.body })
    .from(meetingDecisions)
    .where(inArray(meetingDecisions.meetingId, ids));
  const minutes = await db
    .select({ meetingId: meetingMinutes.meetingId, body: meetingMinutes.body, status: meetingMinutes.status })
    .from(meetingMinutes)
    .where(inArray(meetingMinutes.meetingId, ids));
  const actions = await db
    .select({ meetingId: meetingActions.meetingId, body: meetingActions.body })
    .from(meetingActions)
    .where(inArray(meetingActions.meetingId, ids));
  const itemsByMeeting = groupBy(items, (item) => item.meetingId);
  const materialsByMeeting = groupBy(materials, (material) => material.meetingId);
  const decisionsByMeeting = groupBy(decisions, (decision) => decision.meetingId);
  const minutesByMeeting = groupBy(minutes, (entry) => entry.meetingId);
  const actionsByMeeting = groupBy(actions, (action) => action.meetingId);
  return rows.map((row) => ({
    ...row,
    items: of(itemsByMeeting, row.id),
    materials: of(materialsByMeeting, row.id),
    decisions: of(decisionsByMeeting, row.id).map((decision) => decision.body),
    minutes: of(minutesByMeeting, row.id)[0] ?? null,
    actions: of(actionsByMeeting, row.id).map((action) => action.body),
  }));
}

/** Accounts with their org unit's name. */
export function loadUsers(db: Executor, ids: string[]) {
  return db
    .select({
      id: users.id,
      login: users.login,
      displayName: users.displayName,
      displayNameKana: users.displayNameKana,
      email: users.email,
      orgUnitId: users.orgUnitId,
      orgUnitName: orgUnits.name,
      isActive: users.isActive,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(inArray(users.id, ids));
}

/** Platinum ideas with their author, campaign year and visible comments. */
export async function loadIdeas(db: Executor, ids: string[]) {
  const rows = await db
    .select({
      id: platinumIdeas.id,
      number: platinumIdeas.number,
      title: platinumIdeas.title,
      problem: platinumIdeas.problem,
      proposal: platinumIdeas.proposal,
      expectedEffect: platinumIdeas.expectedEffect,
      authorId: platinumIdeas.authorId,
      authorName: users.displayName,
      authorOrgUnitId: platinumIdeas.authorOrgUnitId,
      isAnonymous: platinumIdeas.isAnonymous,
      status: platinumIdeas.status,
      fiscalYear: platinumCampaigns.fiscalYear,
      updatedAt: platinumIdeas.updatedAt,
    })
    .from(platinumIdeas)
    .innerJoin(platinumCampaigns, eq(platinumCampaigns.id, platinumIdeas.campaignId))
    .leftJoin(users, eq(users.id, platinumIdeas.authorId))
    .where(inArray(platinumIdeas.id, ids));
  const comments = await db
    .select({ ideaId: platinumComments.ideaId, body: platinumComments.body })
    .from(platinumComments)
    .where(and(inArray(platinumComments.ideaId, ids), eq(platinumComments.isHidden, false)))
    .orderBy(asc(platinumComments.createdAt), asc(platinumComments.id));
  const commentsByIdea = groupBy(comments, (comment) => comment.ideaId);
  return rows.map((row) => ({
    ...row,
    comments: of(commentsByIdea, row.id).map((comment) => comment.body),
  }));
}

/** Bureau policies with their versions and the units consulted on the latest one. */
export async function loadBureauPolicies(db: Executor, ids: string[]) {
  const rows = await db
    .select({
      id: bureauPolicies.id,
      orgUnitId: bureauPolicies.orgUnitId,
      orgUnitName: orgUnits.name,
      fiscalYear: bureauPolicies.fiscalYear,
      latestVersionNumber: bureauPolicies.latestVersionNumber,
      publishedVersionNumber: bureauPolicies.publishedVersionNumber,
      updatedAt: bureauPolicies.updatedAt,
    })
    .from(bureauPolicies)
    .innerJoin(orgUnits, eq(orgUnits.id, bureauPolicies.orgUnitId))
    .where(inArray(bureauPolicies.id, ids));
  const versions = await db
    .select()
    .from(bureauPolicyVersions)
    .where(inArray(bureauPolicyVersions.policyId, ids));
  const versionIds = versions.map((version) => version.id);
  const consultations = versionIds.length
    ? await db
        .select({
          versionId: bureauPolicyConsultations.versionId,
          orgUnitId: bureauPolicyConsultations.orgUnitId,
        })
        .from(bureauPolicyConsultations)
        .where(inArray(bureauPolicyConsultations.versionId, versionIds))
    : [];
  const versionsByPolicy = groupBy(versions, (version) => version.policyId);
  const consultationsByVersion = groupBy(consultations, (consultation) => consultation.versionId);
  return rows.map((row) => {
    const own = of(versionsByPolicy, row.id);
    return {
      ...row,
      versions: own,
      consultedUnitIds: own.flatMap((version) =>
        of(consultationsByVersion, version.id).map((consultation) => consultation.orgUnitId),
      ),
    };
  });
}

/** The policies the given versions belong to. */
export async function policyIdsOfVersions(db: Executor, versionIds: string[]) {
  const rows = await db
    .select({ policyId: bureauPolicyVersions.policyId })
    .from(bureauPolicyVersions)
    .where(inArray(bureauPolicyVersions.id, versionIds));
  return rows.map((row) => row.policyId);
}

/** Analyses with their cluster's name in their year, owners, working copy and versions. */
export async function loadAnalyses(db: Executor, ids: string[]) {
  const rows = await db
    .select({
      id: analyses.id,
      clusterId: analyses.clusterId,
      fiscalYear: analyses.fiscalYear,
      stage: analyses.stage,
      leadOrgUnitId: analyses.leadOrgUnitId,
      isPublished: analyses.isPublished,
      updatedAt: analyses.updatedAt,
      clusterName: sql<string | null>`(
        select ${clusterRevisions.name} from ${clusterRevisions}
        where ${clusterRevisions.clusterId} = ${analyses.clusterId}
          and ${clusterRevisions.validFromFiscalYear} <= ${analyses.fiscalYear}
          and (${clusterRevisions.validToFiscalYear} is null or ${clusterRevisions.validToFiscalYear} >= ${analyses.fiscalYear})
        order by ${clusterRevisions.validFromFiscalYear} desc limit 1)`,
      clusterNumber: sql<number | null>`(
        select ${clusterRevisions.number} from ${clusterRevisions}
        where ${clusterRevisions.clusterId} = ${analyses.clusterId}
          and ${clusterRevisions.validFromFiscalYear} <= ${analyses.fiscalYear}
          and (${clusterRevisions.validToFiscalYear} is null or ${clusterRevisions.validToFiscalYear} >= ${analyses.fiscalYear})
        order by ${clusterRevisions.validFromFiscalYear} desc limit 1)`,
    })
    .from(analyses)
    .where(inArray(analyses.id, ids));
  if (rows.length === 0) return [];
  const clusterIds = [...new Set(rows.map((row) => row.clusterId))];
  const reports = await db
    .select({ analysisId: analysisReports.analysisId, content: analysisReports.content })
    .from(analysisReports)
    .where(inArray(analysisReports.analysisId, ids));
  const versions = await db
    .select({
      analysisId: analysisVersions.analysisId,
      status: analysisVersions.status,
      content: analysisVersions.content,
    })
    .from(analysisVersions)
    .where(inArray(analysisVersions.analysisId, ids))
    .orderBy(asc(analysisVersions.number));
  const owners = await db.select().from(clusterOwners).where(inArray(clusterOwners.clusterId, clusterIds));
  const reportsByAnalysis = groupBy(reports, (report) => report.analysisId);
  const versionsByAnalysis = groupBy(versions, (version) => version.analysisId);
  const ownersByCluster = groupBy(owners, (owner) => owner.clusterId);
  return rows.map((row) => ({
    ...row,
    workingCopy: of(reportsByAnalysis, row.id)[0]?.content ?? null,
    versions: of(versionsByAnalysis, row.id),
    ownerIds: of(ownersByCluster, row.clusterId).map((owner) => owner.orgUnitId),
  }));
}

/** Initiatives with their progress reports. */
export async function loadInitiatives(db: Executor, ids: string[]) {
  const rows = await db.select().from(initiatives).where(inArray(initiatives.id, ids));
  const updates = await db
    .select({ initiativeId: initiativeUpdates.initiativeId, body: initiativeUpdates.body })
    .from(initiativeUpdates)
    .where(inArray(initiativeUpdates.initiativeId, ids))
    .orderBy(asc(initiativeUpdates.reportedOn));
  const updatesByInitiative = groupBy(updates, (update) => update.initiativeId);
  return rows.map((row) => ({
    ...row,
    updates: of(updatesByInitiative, row.id).map((update) => update.body),
  }));
}

/** Needs with their unit (never the reporter's name or contact: personal data stays out of the index). */
export function loadNeeds(db: Executor, ids: string[]) {
  return db
    .select({
      id: needs.id,
      side: needs.side,
      channel: needs.channel,
      body: needs.body,
      fiscalYear: needs.fiscalYear,
      orgUnitId: needs.orgUnitId,
      status: needs.status,
      isPublic: needs.isPublic,
      publicText: needs.publicText,
      updatedAt: needs.updatedAt,
    })
    .from(needs)
    .where(inArray(needs.id, ids));
}

/** Platinum issues with their campaign, assignment, response and the campaign's project team. */
export async function loadIssues(db: Executor, ids: string[]) {
  const rows = await db
    .select({
      id: platinumIssues.id,
      campaignId: platinumIssues.campaignId,
      number: platinumIssues.number,
      theme: platinumIssues.theme,
      title: platinumIssues.title,
      summary: platinumIssues.summary,
      status: platinumIssues.status,
      statusReason: platinumIssues.statusReason,
      updatedAt: platinumIssues.updatedAt,
      campaignTitle: platinumCampaigns.title,
      fiscalYear: platinumCampaigns.fiscalYear,
      assignedOrgUnitId: platinumAssignments.orgUnitId,
      options: platinumAssignments.options,
      decision: platinumAssignments.decision,
      decisionReason: platinumAssignments.decisionReason,
      responseBody: platinumResponses.body,
      responseStatus: platinumResponses.status,
      announcedByOrgUnitId: platinumResponses.announcedByOrgUnitId,
      responseUpdatedAt: platinumResponses.updatedAt,
    })
    .from(platinumIssues)
    .innerJoin(platinumCampaigns, eq(platinumCampaigns.id, platinumIssues.campaignId))
    .leftJoin(platinumAssignments, eq(platinumAssignments.issueId, platinumIssues.id))
    .leftJoin(platinumResponses, eq(platinumResponses.issueId, platinumIssues.id))
    .where(inArray(platinumIssues.id, ids));
  const campaignIds = [...new Set(rows.map((row) => row.campaignId))];
  const members = campaignIds.length
    ? await db
        .select({ campaignId: platinumTeamMembers.campaignId, userId: platinumTeamMembers.userId })
        .from(platinumTeamMembers)
        .where(inArray(platinumTeamMembers.campaignId, campaignIds))
    : [];
  const membersByCampaign = groupBy(members, (member) => member.campaignId);
  return rows.map((row) => ({
    ...row,
    teamUserIds: of(membersByCampaign, row.campaignId).map((member) => member.userId),
  }));
}

/** Queues every issue of the given campaigns (their project team reads the issues' drafts). */
export async function enqueueIssuesOfCampaigns(db: Executor, campaignIds: string[]) {
  if (campaignIds.length === 0) return;
  await db.execute(sql`insert into ${searchQueue} (kind, record_id)
    select 'issue', id::text from ${platinumIssues} where campaign_id in (${sql.join(
      campaignIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
    on conflict do nothing`);
}

/**
 * Queues every record that shows the name of one of the given org units or of a unit below them,
 * or whose readers and bureau filter follow their place in the tree: people, policies, clusters
 * and their analyses, initiatives, needs, ideas, issues and meetings with items they present.
 */
export async function enqueueRecordsOfOrgUnits(db: Executor, orgUnitIds: string[]) {
  if (orgUnitIds.length === 0) return;
  const roots = sql.join(
    orgUnitIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  await db.execute(sql`
    with recursive units(id) as (
      select id from ${orgUnits} where id in (${roots})
      union
      select child.id from ${orgUnits} child join units on child.parent_id = units.id
    )
    insert into ${searchQueue} (kind, record_id)
    select kind, record_id from (
      select 'user' as kind, id::text as record_id from ${users} where org_unit_id in (select id from units)
      union select 'bureau_policy', id::text from ${bureauPolicies} where org_unit_id in (select id from units)
      union select 'bureau_policy', v.policy_id::text from ${bureauPolicyConsultations} c
        join ${bureauPolicyVersions} v on v.id = c.version_id where c.org_unit_id in (select id from units)
      union select 'cluster', cluster_id::text from ${clusterOwners} where org_unit_id in (select id from units)
      union select 'analysis', id::text from ${analyses} where lead_org_unit_id in (select id from units)
        or cluster_id in (select cluster_id from ${clusterOwners} where org_unit_id in (select id from units))
      union select 'initiative', id::text from ${initiatives} where owner_org_unit_id in (select id from units)
      union select 'need', id::text from ${needs} where org_unit_id in (select id from units)
      union select 'idea', id::text from ${platinumIdeas} where author_org_unit_id in (select id from units)
      union select 'issue', issue_id::text from ${platinumAssignments} where org_unit_id in (select id from units)
      union select 'issue', issue_id::text from ${platinumResponses} where announced_by_org_unit_id in (select id from units)
      union select 'meeting', meeting_id::text from ${agendaItems} where presenter_org_unit_id in (select id from units)
    ) records
    on conflict do nothing`);
}
