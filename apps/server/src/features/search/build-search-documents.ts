import {
  assignmentDecisionLabel,
  clusterGroupLabel,
  clusterKindLabel,
  isIdeaVisibleToPeers,
  NEED_CHANNEL_LABELS,
  NEED_SIDE_LABELS,
  platinumThemeLabel,
  truncateText,
} from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { joinText, type SearchDocument, type SearchKind, textOfJson } from './search-documents.ts';
import {
  analysisIdsOfClusters,
  enqueueIssuesOfCampaigns,
  enqueueRecordsOfOrgUnits,
  listOrgUnitNodes,
  loadAnalyses,
  loadBureauPolicies,
  loadClusters,
  loadIdeas,
  loadInitiatives,
  loadIssues,
  loadMeetings,
  loadNeeds,
  loadUsers,
  policyIdsOfVersions,
} from './search-sources.queries.ts';

/**
 * Writes each kind's search documents from its feature's tables, with the audiences that feature's
 * policy allows (the policy it follows is named at each builder). A record gets one document per
 * audience that reads something different of it.
 */

type OrgTree = Map<string, { name: string; parentId: string | null }>;

/** A unit and every unit above it, nearest first. */
function pathOf(tree: OrgTree, orgUnitId: string | null | undefined): string[] {
  const path: string[] = [];
  let current = orgUnitId ?? null;
  while (current && !path.includes(current) && tree.has(current)) {
    path.push(current);
    current = tree.get(current)!.parentId;
  }
  return path;
}

/** The readers of a unit's own business: its head and department staff, or those of a unit above it. */
function unitReaders(tree: OrgTree, ...orgUnitIds: (string | null | undefined)[]): string[] {
  return [...new Set(orgUnitIds.flatMap((id) => pathOf(tree, id)))];
}

const EVERY_UNIT = ['reform_office', 'executive'] as const;

/** Clusters are public (clusters.policy: public to read); old names of a cluster stay searchable. */
async function clusterDocuments(db: Executor, ids: string[], tree: OrgTree): Promise<SearchDocument[]> {
  return (await loadClusters(db, ids)).flatMap((cluster) => {
    const latest = cluster.revisions.at(-1);
    if (!latest) return [];
    const first = cluster.revisions[0]!;
    const isOpen = cluster.revisions.some((revision) => revision.validToFiscalYear === null);
    const names = [...new Set(cluster.revisions.map((revision) => `${revision.number} ${revision.name}`))];
    const owners = cluster.ownerIds.map((id) => tree.get(id)?.name);
    return [
      {
        kind: 'cluster',
        recordId: cluster.id,
        tier: 'public',
        fiscalYear: first.validFromFiscalYear,
        fiscalYearTo: isOpen
          ? 9999
          : Math.max(...cluster.revisions.map((revision) => revision.validToFiscalYear ?? 0)),
        orgUnitPath: unitReaders(tree, ...cluster.ownerIds),
        status: latest.groupCode,
        title: `${latest.number}. ${latest.name}`,
        body: joinText(
          names.length > 1 ? `旧名称：${names.slice(0, -1).join('、')}` : null,
          clusterGroupLabel(latest.groupCode),
          latest.kindCode ? clusterKindLabel(latest.kindCode) : null,
          owners.filter(Boolean).join('、'),
        ),
        link: `/clusters?fy=${isOpen ? '' : latest.validFromFiscalYear}`.replace(/\?fy=$/u, ''),
        audience: { isPublic: true },
        sortAt: cluster.updatedAt,
      },
    ];
  });
}

/**
 * Meetings (meetings.policy): every employee reads every record except draft minutes (the office
 * and executives); the public reads public meetings and only what is published (the agenda once
 * published, published materials, published minutes — never decisions or instructions).
 */
async function meetingDocuments(db: Executor, ids: string[], tree: OrgTree): Promise<SearchDocument[]> {
  return (await loadMeetings(db, ids)).flatMap((meeting) => {
    const base = {
      kind: 'meeting' as const,
      recordId: meeting.id,
      fiscalYear: meeting.fiscalYear,
      orgUnitPath: unitReaders(tree, ...meeting.items.map((item) => item.presenterOrgUnitId)),
      status: meeting.minutes?.status ?? null,
      title: meeting.title,
      link: `/meetings/${meeting.id}`,
      sortAt: meeting.updatedAt,
    };
    const documents: SearchDocument[] = [];
    if (meeting.isPublic) {
      documents.push({
        ...base,
        tier: 'public',
        body: joinText(
          meeting.place,
          meeting.isAgendaPublished ? meeting.items.map((item) => item.title).join('\n') : null,
          meeting.isAgendaPublished
            ? meeting.materials
                .filter((material) => material.isPublished)
                .map((material) => material.title)
                .join('\n')
            : null,
          meeting.minutes?.status === 'published' ? meeting.minutes.body : null,
        ),
        audience: { isPublic: true },
      });
    }
    const staffBody = joinText(
      meeting.place,
      meeting.items.map((item) => joinText(item.title, item.note)).join('\n'),
      meeting.materials.map((material) => material.title).join('\n'),
      meeting.decisions.join('\n'),
      meeting.actions.join('\n'),
      meeting.minutes && meeting.minutes.status !== 'draft' ? meeting.minutes.body : null,
    );
    documents.push({ ...base, tier: 'staff', body: staffBody, audience: { isForSignedIn: true } });
    if (meeting.minutes?.status === 'draft') {
      documents.push({
        ...base,
        tier: 'restricted',
        body: joinText(staffBody, meeting.minutes.body),
        audience: { roles: EVERY_UNIT },
      });
    }
    return documents;
  });
}

/** People (users.policy): only system administrators search accounts. */
async function userDocuments(db: Executor, ids: string[], tree: OrgTree): Promise<SearchDocument[]> {
  return (await loadUsers(db, ids)).map((user) => ({
    kind: 'user',
    recordId: user.id,
    tier: 'restricted',
    fiscalYear: null,
    orgUnitPath: pathOf(tree, user.orgUnitId),
    status: user.isActive ? 'active' : 'inactive',
    title: user.displayName,
    body: joinText(user.displayNameKana, user.login, user.email, user.orgUnitName),
    link: `/admin/users?q=${encodeURIComponent(user.login)}`,
    audience: { roles: ['system_admin'] },
    sortAt: user.updatedAt,
  }));
}

/**
 * Platinum ideas (platinum.policy and ideas.routes canView): every employee reads live and merged
 * ideas; withdrawn and hidden ones only their author and the reform office. An anonymous author's
 * name (and unit) is written only into the document the reform office and the author read —
 * never into what peers search. Nothing of the project is public.
 */
async function ideaDocuments(db: Executor, ids: string[], tree: OrgTree): Promise<SearchDocument[]> {
  return (await loadIdeas(db, ids)).flatMap((idea) => {
    const base = {
      kind: 'idea' as const,
      recordId: idea.id,
      fiscalYear: idea.fiscalYear,
      status: idea.status,
      title: `No.${idea.number} ${idea.title}`,
      link: `/platinum/ideas/${idea.id}`,
      sortAt: idea.updatedAt,
    };
    const content = joinText(idea.problem, idea.proposal, idea.expectedEffect, idea.comments.join('\n'));
    const author = joinText(
      idea.authorName,
      idea.authorOrgUnitId ? tree.get(idea.authorOrgUnitId)?.name : null,
    );
    const named = joinText(content, author);
    const isPeerVisible = isIdeaVisibleToPeers(idea.status);
    const documents: SearchDocument[] = [];
    if (isPeerVisible) {
      documents.push({
        ...base,
        tier: 'staff',
        orgUnitPath: idea.isAnonymous ? [] : pathOf(tree, idea.authorOrgUnitId),
        body: idea.isAnonymous ? content : named,
        audience: { isForSignedIn: true },
      });
    }
    if (!isPeerVisible || idea.isAnonymous) {
      documents.push({
        ...base,
        tier: 'restricted',
        orgUnitPath: pathOf(tree, idea.authorOrgUnitId),
        body: named,
        audience: { roles: ['reform_office'], userIds: [idea.authorId] },
      });
    }
    return documents;
  });
}

/**
 * 局区X方針 (bureau-policies.policy): the published version is read by everyone, the public
 * included; a newer draft by the unit's own people (and those above it), the units consulted,
 * the reform office and the executive.
 */
async function bureauPolicyDocuments(db: Executor, ids: string[], tree: OrgTree): Promise<SearchDocument[]> {
  return (await loadBureauPolicies(db, ids)).flatMap((policy) => {
    const textOf = (version: (typeof policy.versions)[number]) =>
      joinText(
        policy.orgUnitName,
        version.vision,
        version.priorityThemes.map((theme) => joinText(theme.title, theme.description)).join('\n'),
        version.kpis.map((kpi) => joinText(kpi.name, kpi.unit)).join('\n'),
        version.revisionNote,
      );
    const base = {
      kind: 'bureau_policy' as const,
      recordId: policy.id,
      fiscalYear: policy.fiscalYear,
      orgUnitPath: pathOf(tree, policy.orgUnitId),
      link: `/policies/${policy.id}`,
      sortAt: policy.updatedAt,
    };
    const documents: SearchDocument[] = [];
    const published = policy.versions.find(
      (version) => version.versionNumber === policy.publishedVersionNumber,
    );
    if (published) {
      documents.push({
        ...base,
        tier: 'public',
        status: 'published',
        title: published.title,
        body: textOf(published),
        audience: { isPublic: true },
      });
    }
    const latest = policy.versions.find((version) => version.versionNumber === policy.latestVersionNumber);
    if (latest && latest.versionNumber !== policy.publishedVersionNumber) {
      documents.push({
        ...base,
        tier: 'restricted',
        status: latest.status,
        title: latest.title,
        body: joinText(textOf(latest), published ? textOf(published) : null),
        audience: {
          roles: EVERY_UNIT,
          unitIds: unitReaders(tree, policy.orgUnitId, ...policy.consultedUnitIds),
        },
      });
    }
    return documents;
  });
}

/**
 * 経営分析 (analyses.policy): the plan and reported versions are read by every employee, and by
 * the public once the analysis is published; the working copy and versions under review by the
 * reform office, executives and the owning department and bureau head.
 */
async function analysisDocuments(db: Executor, ids: string[], tree: OrgTree): Promise<SearchDocument[]> {
  return (await loadAnalyses(db, ids)).flatMap((analysis) => {
    const owners = [analysis.leadOrgUnitId, ...analysis.ownerIds];
    const reported = analysis.versions.filter((version) => version.status === 'reported');
    const reportedText = reported.map((version) => textOfJson(version.content)).join('\n');
    const base = {
      kind: 'analysis' as const,
      recordId: analysis.id,
      fiscalYear: analysis.fiscalYear,
      orgUnitPath: unitReaders(tree, ...owners),
      status: analysis.stage,
      title: `経営分析 ${analysis.clusterNumber ?? ''}. ${analysis.clusterName ?? ''}`
        .replace(/\s+/gu, ' ')
        .trim(),
      link: `/analyses/${analysis.id}`,
      sortAt: analysis.updatedAt,
    };
    const planText = joinText(
      analysis.leadOrgUnitId ? tree.get(analysis.leadOrgUnitId)?.name : null,
      reportedText,
    );
    const documents: SearchDocument[] = [
      {
        ...base,
        tier: analysis.isPublished ? 'public' : 'staff',
        body: planText,
        audience: analysis.isPublished ? { isPublic: true } : { isForSignedIn: true },
      },
    ];
    const working = joinText(
      analysis.workingCopy ? textOfJson(analysis.workingCopy) : null,
      analysis.versions
        .filter((version) => version.status !== 'reported')
        .map((version) => textOfJson(version.content))
        .join('\n'),
    );
    if (working) {
      documents.push({
        ...base,
        tier: 'restricted',
        body: joinText(planText, working),
        audience: { roles: EVERY_UNIT, unitIds: unitReaders(tree, ...owners) },
      });
    }
    return documents;
  });
}

/** 取組 (initiatives.policy): every employee reads them; nothing is public yet. */
async function initiativeDocuments(db: Executor, ids: string[], tree: OrgTree): Promise<SearchDocument[]> {
  return (await loadInitiatives(db, ids)).map((initiative) => ({
    kind: 'initiative',
    recordId: initiative.id,
    tier: 'staff',
    fiscalYear: initiative.fiscalYear,
    orgUnitPath: pathOf(tree, initiative.ownerOrgUnitId),
    status: initiative.status,
    title: initiative.title,
    body: joinText(
      initiative.summary,
      tree.get(initiative.ownerOrgUnitId)?.name,
      initiative.updates.join('\n'),
    ),
    link: `/initiatives/${initiative.id}`,
    audience: { isForSignedIn: true },
    sortAt: initiative.updatedAt,
  }));
}

/**
 * 受け手・担い手のニーズ・課題 (needs.policy): the reform office, the executive and the holding
 * unit read a need; the public reads only the text the reform office published. The reporter's
 * name and contact are never indexed.
 */
async function needDocuments(db: Executor, ids: string[], tree: OrgTree): Promise<SearchDocument[]> {
  return (await loadNeeds(db, ids)).flatMap((need) => {
    const label = `${NEED_SIDE_LABELS[need.side].ja}のニーズ・課題`;
    const base = {
      kind: 'need' as const,
      recordId: need.id,
      fiscalYear: need.fiscalYear,
      orgUnitPath: pathOf(tree, need.orgUnitId),
      sortAt: need.updatedAt,
    };
    const documents: SearchDocument[] = [
      {
        ...base,
        tier: 'restricted',
        status: need.status,
        title: `${label}：${truncateText(need.body.replace(/\s+/gu, ' '), 40)}`,
        body: joinText(need.body, NEED_CHANNEL_LABELS[need.channel].ja, tree.get(need.orgUnitId)?.name),
        link: `/needs/${need.id}`,
        audience: { roles: EVERY_UNIT, unitIds: pathOf(tree, need.orgUnitId) },
      },
    ];
    if (need.isPublic && need.publicText) {
      documents.push({
        ...base,
        tier: 'public',
        status: 'published',
        title: `${label}：${truncateText(need.publicText.replace(/\s+/gu, ' '), 40)}`,
        body: joinText(need.publicText, tree.get(need.orgUnitId)?.name),
        link: '/public',
        audience: { isPublic: true },
      });
    }
    return documents;
  });
}

type IssueSource = Awaited<ReturnType<typeof loadIssues>>[number];

/** True once the issue's decision and response are announced (public-responses: announced or implemented). */
function isAnnounced(issue: IssueSource): boolean {
  return issue.status === 'announced' || issue.status === 'implemented';
}

/**
 * Who reads a Platinum issue's decision and draft response before they are announced
 * (platinum.policy canSeeUnannounced): the campaign's project team, the reform office, the
 * executive, and the assigned bureau's department staff and head (or those above it).
 */
function unannouncedReaders(issue: IssueSource, tree: OrgTree) {
  return {
    roles: EVERY_UNIT,
    unitIds: unitReaders(tree, issue.assignedOrgUnitId),
    userIds: issue.teamUserIds,
  };
}

/**
 * Platinum issues (課題, the ideas a PT grouped; platinum.policy): every employee reads an issue,
 * its assigned bureau and, once announced, the decision; the options and an unannounced decision
 * only those who may see the unannounced. Nothing of the grouped ideas goes in, so no author can
 * be found through an issue. Nothing is public but the responses.
 */
async function issueDocuments(db: Executor, ids: string[], tree: OrgTree): Promise<SearchDocument[]> {
  return (await loadIssues(db, ids)).flatMap((issue) => {
    const base = {
      kind: 'issue' as const,
      recordId: issue.id,
      fiscalYear: issue.fiscalYear,
      orgUnitPath: pathOf(tree, issue.assignedOrgUnitId),
      status: issue.status,
      title: `課題 No.${issue.number} ${issue.title}`,
      link: `/platinum/issues/${issue.id}`,
      sortAt: issue.updatedAt,
    };
    const shared = joinText(
      issue.summary,
      issue.statusReason,
      platinumThemeLabel(issue.theme),
      issue.campaignTitle,
      issue.assignedOrgUnitId ? tree.get(issue.assignedOrgUnitId)?.name : null,
    );
    const decision = joinText(
      issue.decision ? assignmentDecisionLabel(issue.decision) : null,
      issue.decisionReason,
    );
    const documents: SearchDocument[] = [
      {
        ...base,
        tier: 'staff',
        body: joinText(shared, isAnnounced(issue) ? decision : null),
        audience: { isForSignedIn: true },
      },
    ];
    const options = (issue.options ?? []).map((option) => joinText(option.title, option.summary)).join('\n');
    if (issue.assignedOrgUnitId && (options || (!isAnnounced(issue) && decision))) {
      documents.push({
        ...base,
        tier: 'restricted',
        body: joinText(shared, decision, options),
        audience: unannouncedReaders(issue, tree),
      });
    }
    return documents;
  });
}

/**
 * 対応方針 (the related bureau heads' responses; platinum.policy and public-responses): a
 * published response of an announced issue is read by everyone, the public included; a draft or
 * one waiting for approval only by those who may see the unannounced.
 */
async function responseDocuments(db: Executor, ids: string[], tree: OrgTree): Promise<SearchDocument[]> {
  return (await loadIssues(db, ids)).flatMap((issue): SearchDocument[] => {
    if (issue.responseBody === null || issue.responseStatus === null) return [];
    const unitName = (id: string | null) => (id ? tree.get(id)?.name : null);
    const base = {
      kind: 'response' as const,
      recordId: issue.id,
      fiscalYear: issue.fiscalYear,
      orgUnitPath: pathOf(tree, issue.assignedOrgUnitId),
      title: `対応方針：${issue.title}`,
      body: joinText(
        issue.responseBody,
        issue.decision ? assignmentDecisionLabel(issue.decision) : null,
        unitName(issue.announcedByOrgUnitId),
        unitName(issue.assignedOrgUnitId),
        issue.campaignTitle,
      ),
      sortAt: issue.responseUpdatedAt ?? issue.updatedAt,
    };
    if (issue.responseStatus === 'published' && isAnnounced(issue)) {
      return [
        {
          ...base,
          tier: 'public',
          status: 'published',
          link: '/public/platinum',
          audience: { isPublic: true },
        },
        {
          ...base,
          tier: 'staff',
          status: 'published',
          link: `/platinum/issues/${issue.id}`,
          audience: { isForSignedIn: true },
        },
      ];
    }
    return [
      {
        ...base,
        tier: 'restricted',
        status: issue.responseStatus,
        link: `/platinum/issues/${issue.id}`,
        audience: unannouncedReaders(issue, tree),
      },
    ];
  });
}

const BUILDERS: Record<
  SearchKind,
  (db: Executor, ids: string[], tree: OrgTree) => Promise<SearchDocument[]>
> = {
  cluster: clusterDocuments,
  meeting: meetingDocuments,
  user: userDocuments,
  idea: ideaDocuments,
  bureau_policy: bureauPolicyDocuments,
  analysis: analysisDocuments,
  initiative: initiativeDocuments,
  need: needDocuments,
  issue: issueDocuments,
  response: responseDocuments,
};

/**
 * The documents of queued records, by kind. Some queue entries stand for others: a changed
 * consultation for its policy, a cluster (its owners) also for the cluster's analyses, an issue
 * for its response; a campaign (its team) and an org unit (its name, its place in the tree) put the
 * records that depend on them back in the queue.
 */
export async function buildSearchDocuments(
  db: Executor,
  queued: { kind: string; recordId: string }[],
): Promise<{ records: { kind: SearchKind; recordId: string }[]; documents: SearchDocument[] }> {
  const idsByKind = new Map<SearchKind, Set<string>>();
  const add = (kind: SearchKind, id: string) => {
    const set = idsByKind.get(kind) ?? new Set<string>();
    set.add(id);
    idsByKind.set(kind, set);
  };
  const versionIds: string[] = [];
  const campaignIds: string[] = [];
  const orgUnitIds: string[] = [];
  for (const entry of queued) {
    if (entry.kind === 'bureau_policy_version') versionIds.push(entry.recordId);
    else if (entry.kind === 'platinum_campaign') campaignIds.push(entry.recordId);
    else if (entry.kind === 'org_unit') orgUnitIds.push(entry.recordId);
    // An issue's response is written from the same rows.
    else if (entry.kind === 'issue') {
      add('issue', entry.recordId);
      add('response', entry.recordId);
    } else if ((Object.keys(BUILDERS) as string[]).includes(entry.kind))
      add(entry.kind as SearchKind, entry.recordId);
  }
  const uuid = /^[0-9a-f-]{36}$/iu;
  if (versionIds.length) {
    for (const id of await policyIdsOfVersions(
      db,
      versionIds.filter((id) => uuid.test(id)),
    ))
      add('bureau_policy', id);
  }
  // A team or a unit stands for many records: they join the queue and are rebuilt in later batches.
  await enqueueIssuesOfCampaigns(
    db,
    campaignIds.filter((id) => uuid.test(id)),
  );
  await enqueueRecordsOfOrgUnits(
    db,
    orgUnitIds.filter((id) => uuid.test(id)),
  );
  const clusterIds = [...(idsByKind.get('cluster') ?? [])].filter((id) => uuid.test(id));
  if (clusterIds.length) for (const id of await analysisIdsOfClusters(db, clusterIds)) add('analysis', id);

  const tree: OrgTree = new Map((await listOrgUnitNodes(db)).map((unit) => [unit.id, unit]));
  const records: { kind: SearchKind; recordId: string }[] = [];
  const documents: SearchDocument[] = [];
  for (const [kind, set] of idsByKind) {
    const ids = [...set].filter((id) => uuid.test(id));
    for (const id of set) records.push({ kind, recordId: id });
    if (ids.length) documents.push(...(await BUILDERS[kind](db, ids, tree)));
  }
  return { records, documents };
}
