import type { AgendaItemKind, LocalizedText } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { listOpenActionsBefore } from '../actions/index.ts';
import { ANALYSIS_STAGE_REPORT_LABELS, ANALYSIS_STAGE_REPORT_LABELS_EN } from './meetings.presenter.ts';
import {
  listAgendaItems,
  listAgendaLinks,
  listAnalysesOfYear,
  listAnalysisDueMeetings,
  listAnalysisReportLinks,
  listPlatinumResponsesToAnnounce,
  type MeetingRow,
  orgUnitNames,
} from './meetings.queries.ts';
import type { AgendaLinkInput } from './save-agenda-item.ts';

/** An item Totonoe suggests for a meeting's agenda; the office accepts it by adding it. */
export type AgendaProposal = {
  kind: AgendaItemKind;
  title: string;
  presenterOrgUnitId: string | null;
  links: AgendaLinkInput[];
  reason: LocalizedText;
};

/** One kind of thing that can fall due at a meeting. */
type ProposalSource = (db: Executor, meeting: MeetingRow) => Promise<AgendaProposal[]>;

function isBefore(a: { fiscalYear: number; sequence: number }, b: { fiscalYear: number; sequence: number }) {
  return a.fiscalYear < b.fiscalYear || (a.fiscalYear === b.fiscalYear && a.sequence < b.sequence);
}

/** Analysis stages in the order an analysis reaches them. */
const STAGE_ORDER = [
  'planned',
  'started',
  'progress_reported',
  'direction_reported',
  'final_reported',
  'follow_up',
] as const;

/**
 * Analyses with a report due at this meeting by the year's plan (報告予定), and reports due at an
 * earlier meeting that were neither made nor put on any agenda (carried over). A report already on
 * some meeting's agenda, or a stage the analysis has already reached, is not proposed again.
 */
const dueAnalysisReports: ProposalSource = async (db, meeting) => {
  const [analysesOfYear, plan] = [
    await listAnalysesOfYear(db, meeting.fiscalYear),
    await listAnalysisDueMeetings(db, meeting.fiscalYear),
  ];
  const scheduled = await listAnalysisReportLinks(
    db,
    analysesOfYear.map((analysis) => analysis.id),
  );
  const proposals: AgendaProposal[] = [];
  for (const analysis of analysesOfYear) {
    const reached = STAGE_ORDER.indexOf(analysis.stage);
    // Only the next report the analysis owes: a final report never comes before the direction report.
    const due = plan
      .filter((row) => row.analysisId === analysis.id && STAGE_ORDER.indexOf(row.stage) > reached)
      .filter((row) => !scheduled.some((link) => link.analysisId === analysis.id && link.stage === row.stage))
      .sort((a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage))[0];
    if (!due) continue;
    const isDueHere = due.meetingId === meeting.id;
    if (!isDueHere && !isBefore(due, meeting)) continue;
    const stageLabel = ANALYSIS_STAGE_REPORT_LABELS[due.stage];
    const stageLabelEn = ANALYSIS_STAGE_REPORT_LABELS_EN[due.stage];
    proposals.push({
      kind: 'analysis_report',
      title: `${analysis.clusterName}の経営分析（${stageLabel}）`,
      presenterOrgUnitId: analysis.presenterOrgUnitId,
      links: [{ type: 'analysis', id: analysis.id, analysisStage: due.stage }],
      reason: isDueHere
        ? {
            ja: `事業クラスター${analysis.clusterNumber}「${analysis.clusterName}」の${stageLabel}は、この会議で報告する予定です。`,
            en: `The ${stageLabelEn} of cluster ${analysis.clusterNumber} is planned for this meeting.`,
          }
        : {
            ja: `事業クラスター${analysis.clusterNumber}「${analysis.clusterName}」の${stageLabel}は${due.meetingTitle}の予定でしたが、まだ報告されていません。`,
            en: `The ${stageLabelEn} of cluster ${analysis.clusterNumber} was planned for ${due.meetingTitle} and has not been made.`,
          },
    });
  }
  return proposals;
};

/** Instructions from earlier meetings that are not closed: one review item per owning unit. */
const openInstructionReviews: ProposalSource = async (db, meeting) => {
  const open = await listOpenActionsBefore(db, meeting);
  const byOwner = new Map<string, typeof open>();
  for (const action of open)
    byOwner.set(action.ownerOrgUnitId, [...(byOwner.get(action.ownerOrgUnitId) ?? []), action]);
  return [...byOwner.values()].map((actions) => {
    const owner = actions[0]!;
    const overdue = actions.filter(
      (action) => action.dueDate < (meeting.actualDate ?? meeting.plannedStart),
    ).length;
    return {
      kind: 'instruction_review',
      title: `指示事項の対応状況（${owner.ownerOrgUnitName}）`,
      presenterOrgUnitId: owner.ownerOrgUnitId,
      links: actions.map((action) => ({ type: 'action', id: action.id })),
      reason: {
        ja: `これまでの会議の指示事項のうち ${actions.length} 件が完了していません${overdue ? `（うち ${overdue} 件は期限超過）` : ''}。`,
        en: `${actions.length} instruction(s) from earlier meetings are not closed${overdue ? ` (${overdue} overdue)` : ''}.`,
      },
    };
  });
};

/**
 * Platinum responses (対応方針) the related bureau heads are to announce: one item per announcing
 * unit, linking the issues whose response is awaiting approval or approved and on no agenda yet.
 */
const platinumResponsesToAnnounce: ProposalSource = async (db, meeting) => {
  const responses = await listPlatinumResponsesToAnnounce(db, meeting.fiscalYear);
  const byUnit = new Map<string, typeof responses>();
  for (const response of responses) {
    const key = response.announcedByOrgUnitId ?? '';
    byUnit.set(key, [...(byUnit.get(key) ?? []), response]);
  }
  return [...byUnit.entries()].map(([unitId, issues]) => ({
    kind: 'platinum',
    title: 'プラチナ市役所プロジェクト 対応方針の表明',
    presenterOrgUnitId: unitId || null,
    links: issues.map((issue) => ({ type: 'platinum_issue', id: issue.issueId })),
    reason: {
      ja: `対応方針が決まった課題（${issues.map((issue) => `課題${issue.issueNumber}`).join('、')}）を、関係局長が表明します。`,
      en: `Responses to ${issues.length} issue(s) are ready for the related bureau head to announce.`,
    },
  }));
};

/** Everything that can fall due at a meeting; a new kind of due item is one more source here. */
const PROPOSAL_SOURCES: readonly ProposalSource[] = [
  dueAnalysisReports,
  platinumResponsesToAnnounce,
  openInstructionReviews,
];

/** What a link is about: an analysis is linked once per report (stage), anything else once. */
function linkKey(type: string, id: string, analysisStage: string | null | undefined): string {
  return type === 'analysis' ? `${type}:${id}:${analysisStage ?? ''}` : `${type}:${id}`;
}

/**
 * Proposes the items due at a meeting: what each source finds, less whatever this meeting's
 * agenda already covers (an item is left out when all it links to is on the agenda).
 */
export async function proposeAgendaItems(db: Executor, meeting: MeetingRow) {
  const items = await listAgendaItems(db, meeting.id);
  const onAgenda = new Set(
    (
      await listAgendaLinks(
        db,
        items.map((item) => item.id),
        meeting.fiscalYear,
      )
    ).map((link) => linkKey(link.targetType, link.targetId, link.analysisStage)),
  );
  const proposals: AgendaProposal[] = [];
  for (const source of PROPOSAL_SOURCES) {
    for (const proposal of await source(db, meeting)) {
      const links = proposal.links.filter(
        (link) => !onAgenda.has(linkKey(link.type, link.id, link.analysisStage)),
      );
      if (links.length) proposals.push({ ...proposal, links });
    }
  }
  const names = await orgUnitNames(
    db,
    proposals.flatMap((proposal) => (proposal.presenterOrgUnitId ? [proposal.presenterOrgUnitId] : [])),
  );
  return proposals.map((proposal) => ({
    ...proposal,
    presenterName: proposal.presenterOrgUnitId ? (names.get(proposal.presenterOrgUnitId) ?? null) : null,
  }));
}
