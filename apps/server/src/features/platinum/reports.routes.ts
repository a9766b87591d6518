import { createRoute, z } from '@hono/zod-openapi';
import {
  ANONYMOUS_AUTHOR_LABEL,
  ASSIGNMENT_DECISIONS,
  FUNNEL_STAGES,
  type FunnelStage,
  funnelStageOf,
  hasReachedStage,
  ISSUE_STATUSES,
  ideaProgress,
  ideaProgressLabel,
  PLATINUM_THEMES,
  type PlatinumTheme,
  platinumThemeLabel,
  platinumThemeSchema,
  preciseDateLabel,
} from '@totonoe/domain';
import { authorize } from '../../lib/authorization.ts';
import type { App } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { errorResponses, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import { findCampaign, orgUnitDescendants, topLevelUnitOf } from './campaigns.queries.ts';
import { listIdeasForExport } from './ideas.queries.ts';
import { issueSummarySchema, presentIssueSummary } from './issues.presenter.ts';
import { listIssues } from './issues.queries.ts';
import { platinumPolicy } from './platinum.policy.ts';
import { loadViewer, todayInJapan } from './platinum-context.ts';
import {
  averageStepDays,
  countIdeasByStage,
  listIdeasOfIssues,
  listOverdueAssignments,
  participationOf,
} from './reports.queries.ts';

const stageCounts = z.array(z.object({ stage: z.enum(FUNNEL_STAGES), count: z.number().int() }));

const boardItemSchema = issueSummarySchema
  .extend({
    ideas: z.array(
      z.object({
        id: z.string().uuid(),
        number: z.number().int(),
        title: z.string(),
        supportCount: z.number().int(),
      }),
    ),
    decision: z.enum(ASSIGNMENT_DECISIONS).nullable(),
    decisionReason: z.string().nullable(),
    implementationDateLabel: z.object({ ja: z.string(), en: z.string() }).nullable(),
    response: z
      .object({ body: z.string(), publishedAt: z.string().nullable(), announcedBy: z.string().nullable() })
      .nullable(),
  })
  .openapi('PlatinumBoardItem');

const boardRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/campaigns/{id}/board',
  tags: ['platinum'],
  summary:
    '"You said, we did": every issue with its ideas, status, and the decision and response once announced',
  request: {
    params: uuidParam,
    query: z.object({
      theme: platinumThemeSchema.optional(),
      status: z.enum(ISSUE_STATUSES).optional(),
      orgUnit: z.string().uuid().optional(),
    }),
  },
  responses: {
    200: jsonResponse(
      z.object({
        totals: z.object({
          ideaCount: z.number().int(),
          supporterCount: z.number().int(),
          submitterBureauCount: z.number().int(),
          assignedBureauCount: z.number().int(),
          issueCount: z.number().int(),
          announcedCount: z.number().int(),
        }),
        items: z.array(boardItemSchema),
      }),
      'The board',
    ),
    ...errorResponses(400, 401, 404),
  },
});
const funnelRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/campaigns/{id}/funnel',
  tags: ['platinum'],
  summary:
    'The funnel: ideas that reached each step, by theme and by assigned bureau; days per step; overdue assignments',
  request: { params: uuidParam },
  responses: {
    200: jsonResponse(
      z
        .object({
          stages: stageCounts,
          byTheme: z.array(z.object({ theme: z.enum(PLATINUM_THEMES), stages: stageCounts })),
          byBureau: z.array(
            z.object({
              orgUnit: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
              stages: stageCounts,
            }),
          ),
          stepDurations: z.array(
            z.object({ step: z.string(), averageDays: z.number().nullable(), passed: z.number().int() }),
          ),
          overdue: z.array(
            z.object({
              issueId: z.string().uuid(),
              number: z.number().int(),
              title: z.string(),
              orgUnit: z.object({ id: z.string().uuid(), name: z.string() }),
              dueOn: z.string().nullable(),
              daysOverdue: z.number().int(),
            }),
          ),
        })
        .openapi('PlatinumFunnel'),
      'The funnel',
    ),
    ...errorResponses(401, 404),
  },
});
const exportRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/campaigns/{id}/ideas.csv',
  tags: ['platinum'],
  summary: 'The campaign’s ideas as CSV (UTF-8 with BOM); anonymous authors appear to the reform office only',
  request: { params: uuidParam },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(401, 404),
  },
});

function emptyCounts(): Map<FunnelStage, number> {
  return new Map(FUNNEL_STAGES.map((stage) => [stage, 0]));
}

function addReached(counts: Map<FunnelStage, number>, reached: FunnelStage, total: number) {
  for (const stage of FUNNEL_STAGES)
    if (hasReachedStage(reached, stage)) counts.set(stage, counts.get(stage)! + total);
}

function countsOut(counts: Map<FunnelStage, number>) {
  return FUNNEL_STAGES.map((stage) => ({ stage, count: counts.get(stage)! }));
}

// A spreadsheet must never run a cell as a formula: cells starting with = + - @ (or a tab/CR) get a leading quote.
function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const MILLISECONDS_PER_DAY = 86_400_000;

/** The "you said, we did" board, the funnel dashboard and the idea export. */
export function registerPlatinumReportRoutes(app: App): void {
  app.openapi(boardRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canRead(viewer.user));
    const { db } = c.get('services');
    const campaign = await findCampaign(db, c.req.valid('param').id);
    if (!campaign) throw notFound();
    const query = c.req.valid('query');
    const rows = await listIssues(db, {
      campaignId: campaign.id,
      theme: query.theme,
      statuses: query.status ? [query.status] : undefined,
      assignedOrgUnitIds: query.orgUnit ? await orgUnitDescendants(db, [query.orgUnit]) : undefined,
    });
    const ideas = await listIdeasOfIssues(
      db,
      rows.map((row) => row.issue.id),
    );
    const [participation, topLevel, allIssues] = await Promise.all([
      participationOf(db, campaign.id),
      topLevelUnitOf(db),
      listIssues(db, { campaignId: campaign.id }),
    ]);
    const today = todayInJapan();
    // The board is the published face: decisions and responses appear once announced, for everyone alike.
    const items = rows.map((row) => {
      const isAnnounced = row.issue.status === 'announced' || row.issue.status === 'implemented';
      const assignment = row.assignment;
      const date =
        assignment?.implementationPrecision && assignment.implementationStart && assignment.implementationEnd
          ? {
              precision: assignment.implementationPrecision,
              start: assignment.implementationStart,
              end: assignment.implementationEnd,
            }
          : null;
      return {
        ...presentIssueSummary(row, { canSeeScores: false, canSeeUnannounced: false, today }, 0),
        scoreProgress: null,
        ideas: ideas
          .filter((idea) => idea.issueId === row.issue.id)
          .map(({ id, number, title, supportCount }) => ({ id, number, title, supportCount })),
        decision: isAnnounced ? (assignment?.decision ?? null) : null,
        decisionReason: isAnnounced ? (assignment?.decisionReason ?? null) : null,
        implementationDateLabel:
          isAnnounced && date
            ? {
                ja: preciseDateLabel(date, { locale: 'ja', withYear: true }),
                en: preciseDateLabel(date, { locale: 'en', withYear: true }),
              }
            : null,
        response:
          isAnnounced && row.response?.status === 'published'
            ? {
                body: row.response.body,
                publishedAt: row.response.publishedAt?.toISOString() ?? null,
                announcedBy: row.assignedOrgUnitName,
              }
            : null,
      };
    });
    const bureausOf = (ids: (string | null | undefined)[]) =>
      new Set(ids.filter((id): id is string => Boolean(id)).map((id) => topLevel.get(id)?.id ?? id)).size;
    return c.json(
      {
        totals: {
          ideaCount: participation.ideaCount,
          supporterCount: participation.supporterCount,
          submitterBureauCount: bureausOf(participation.submitterOrgUnitIds),
          assignedBureauCount: bureausOf(allIssues.map((row) => row.assignment?.orgUnitId)),
          issueCount: allIssues.length,
          announcedCount: allIssues.filter(
            (row) => row.issue.status === 'announced' || row.issue.status === 'implemented',
          ).length,
        },
        items,
      },
      200,
    );
  });

  app.openapi(funnelRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canRead(viewer.user));
    const { db } = c.get('services');
    const campaign = await findCampaign(db, c.req.valid('param').id);
    if (!campaign) throw notFound();
    const today = todayInJapan();
    const [counts, steps, overdue, topLevel] = await Promise.all([
      countIdeasByStage(db, campaign.id),
      averageStepDays(db, campaign.id),
      listOverdueAssignments(db, campaign.id, today),
      topLevelUnitOf(db),
    ]);
    const overall = emptyCounts();
    const byTheme = new Map<PlatinumTheme, Map<FunnelStage, number>>(
      campaign.themes.map((theme) => [theme, emptyCounts()]),
    );
    const byBureau = new Map<
      string,
      { orgUnit: { id: string; name: string } | null; counts: Map<FunnelStage, number> }
    >();
    for (const row of counts) {
      const reached = funnelStageOf(row.status, row.issueStatus);
      if (reached === null) continue;
      addReached(overall, reached, row.total);
      if (!byTheme.has(row.theme)) byTheme.set(row.theme, emptyCounts());
      addReached(byTheme.get(row.theme)!, reached, row.total);
      const bureau = row.assignedOrgUnitId ? (topLevel.get(row.assignedOrgUnitId) ?? null) : null;
      const key = bureau?.id ?? 'none';
      if (!byBureau.has(key)) byBureau.set(key, { orgUnit: bureau, counts: emptyCounts() });
      addReached(byBureau.get(key)!.counts, reached, row.total);
    }
    return c.json(
      {
        stages: countsOut(overall),
        byTheme: [...byTheme].map(([theme, themeCounts]) => ({ theme, stages: countsOut(themeCounts) })),
        byBureau: [...byBureau.values()]
          .sort((a, b) =>
            a.orgUnit === null
              ? 1
              : b.orgUnit === null
                ? -1
                : a.orgUnit.name.localeCompare(b.orgUnit.name, 'ja'),
          )
          .map((entry) => ({ orgUnit: entry.orgUnit, stages: countsOut(entry.counts) })),
        stepDurations: steps,
        overdue: overdue.map((row) => ({
          issueId: row.issueId,
          number: row.number,
          title: row.title,
          orgUnit: { id: row.orgUnitId, name: row.orgUnitName },
          dueOn: row.dueOn,
          daysOverdue: row.dueOn
            ? Math.round(
                (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${row.dueOn}T00:00:00Z`)) /
                  MILLISECONDS_PER_DAY,
              )
            : 0,
        })),
      },
      200,
    );
  });

  app.openapi(exportRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canRead(viewer.user));
    const { db } = c.get('services');
    const campaign = await findCampaign(db, c.req.valid('param').id);
    if (!campaign) throw notFound();
    const canSeeAuthors = platinumPolicy.canSeeAnonymousAuthors(viewer.user);
    const rows = await listIdeasForExport(db, campaign.id, {
      id: viewer.user.id,
      canSeeEverything: canSeeAuthors,
    });
    const header = [
      'No.',
      'テーマ',
      'タイトル',
      '現状の課題',
      '提案内容',
      '期待される効果',
      '提案者',
      '所属',
      '匿名',
      '賛同数',
      'コメント数',
      '状況',
      '課題No.',
      '投稿日時',
    ];
    const lines = [header.map(csvCell).join(',')];
    for (const row of rows) {
      const { idea } = row;
      const isAuthorShown = !idea.isAnonymous || canSeeAuthors;
      lines.push(
        [
          idea.number,
          platinumThemeLabel(idea.theme),
          idea.title,
          idea.problem,
          idea.proposal,
          idea.expectedEffect,
          isAuthorShown ? row.authorName : ANONYMOUS_AUTHOR_LABEL.ja,
          isAuthorShown ? row.authorOrgUnitName : '',
          idea.isAnonymous ? '匿名' : '',
          idea.supportCount,
          idea.commentCount,
          ideaProgressLabel(ideaProgress(idea.status, row.issueStatus)),
          row.issueNumber,
          idea.createdAt.toISOString(),
        ]
          .map(csvCell)
          .join(','),
      );
    }
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="platinum-ideas-${campaign.fiscalYear}.csv"`);
    c.header('cache-control', 'no-store');
    return c.body(`\uFEFF${lines.join('\r\n')}\r\n`, 200);
  });
}
