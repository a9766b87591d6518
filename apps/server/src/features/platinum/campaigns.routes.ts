import { createRoute, z } from '@hono/zod-openapi';
import { campaignPhasesSchema, platinumThemeSchema } from '@totonoe/domain';
import { authorize } from '../../lib/authorization.ts';
import { type App, actorOf } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, fiscalYearQuery, jsonBody, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import { campaignSchema, presentCampaign, teamMemberSchema } from './campaigns.presenter.ts';
import { findCampaign, listCampaigns, listTeam, searchStaff } from './campaigns.queries.ts';
import { type PlatinumViewer, platinumPolicy } from './platinum.policy.ts';
import { loadViewer, todayInJapan } from './platinum-context.ts';
import { createCampaign, updateCampaign } from './save-campaign.ts';
import { addTeamMember, removeTeamMember } from './set-team-member.ts';

const campaignFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).default(''),
  themes: z.array(platinumThemeSchema).min(1).max(3),
  phases: campaignPhasesSchema,
};
const createBody = z
  .strictObject({
    fiscalYear: z.number().int().min(1989).max(2100),
    title: campaignFields.title,
    description: campaignFields.description,
    themes: campaignFields.themes,
    phases: campaignFields.phases,
  })
  .openapi('PlatinumCampaignCreate');
const updateBody = z
  .strictObject({
    title: campaignFields.title.optional(),
    description: z.string().trim().max(4000).optional(),
    themes: campaignFields.themes.optional(),
    phases: campaignFields.phases.optional(),
  })
  .openapi('PlatinumCampaignUpdate');

const memberParams = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
  userId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'userId', in: 'path' } }),
});

const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/campaigns',
  tags: ['platinum'],
  summary: 'Platinum City Hall Project campaigns (signed in)',
  request: { query: z.object({ fy: fiscalYearQuery.optional() }) },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(campaignSchema), viewer: z.object({ canCreate: z.boolean() }) }),
      'Campaigns, newest first',
    ),
    ...errorResponses(400, 401),
  },
});
const getRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/campaigns/{id}',
  tags: ['platinum'],
  summary: 'One campaign with its phases (signed in)',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(campaignSchema, 'The campaign'), ...errorResponses(401, 404) },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/campaigns',
  tags: ['platinum'],
  summary: 'Open a campaign (reform office)',
  request: jsonBody(createBody),
  responses: { 201: jsonResponse(campaignSchema, 'Created'), ...errorResponses(400, 401, 403) },
});
const updateRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/campaigns/{id}',
  tags: ['platinum'],
  summary:
    'Change a campaign: title, description, themes (not one its ideas use), phases and their dates — submission opens and closes by its dates (reform office, If-Match)',
  request: { params: uuidParam, ...jsonBody(updateBody) },
  responses: {
    200: jsonResponse(campaignSchema, 'Updated'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 428),
  },
});
const teamRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/campaigns/{id}/team',
  tags: ['platinum'],
  summary: 'The project team (PT) of a campaign (signed in)',
  request: { params: uuidParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(teamMemberSchema) }), 'The team'),
    ...errorResponses(401, 404),
  },
});
const candidatesRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/campaigns/{id}/team/candidates',
  tags: ['platinum'],
  summary: 'Members of staff matching a name, to choose PT members (reform office)',
  request: { params: uuidParam, query: z.object({ q: z.string().trim().min(1).max(100) }) },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(
          z.object({ id: z.string().uuid(), displayName: z.string(), orgUnitName: z.string().nullable() }),
        ),
      }),
      'Candidates',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});
const addMemberRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/campaigns/{id}/team/{userId}',
  tags: ['platinum'],
  summary: 'Put a member of staff on the PT (reform office)',
  request: { params: memberParams },
  responses: {
    200: jsonResponse(z.object({ items: z.array(teamMemberSchema) }), 'The team'),
    ...errorResponses(400, 401, 403, 404),
  },
});
const removeMemberRouteDef = createRoute({
  method: 'delete',
  path: '/api/v1/campaigns/{id}/team/{userId}',
  tags: ['platinum'],
  summary: 'Take a member off the PT (reform office)',
  request: { params: memberParams },
  responses: { 204: { description: 'Removed (or was not a member)' }, ...errorResponses(401, 403, 404) },
});

function campaignViewer(viewer: PlatinumViewer, campaignId: string) {
  return {
    isTeamMember: viewer.teamCampaignIds.has(campaignId),
    canManage: platinumPolicy.canManageCampaigns(viewer.user),
    canSubmit: platinumPolicy.canParticipate(viewer.user),
    canTriage: platinumPolicy.canTriage(viewer, campaignId),
  };
}

function presentTeam(rows: Awaited<ReturnType<typeof listTeam>>) {
  return rows.map((row) => ({ ...row, addedAt: row.addedAt.toISOString() }));
}

/** Campaigns and their project teams. */
export function registerCampaignRoutes(app: App): void {
  app.openapi(listRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canRead(viewer.user));
    const rows = await listCampaigns(c.get('services').db, { fiscalYear: c.req.valid('query').fy });
    const today = todayInJapan();
    return c.json(
      {
        items: rows.map((row) =>
          presentCampaign(row.campaign, row.ideaCount, today, campaignViewer(viewer, row.campaign.id)),
        ),
        viewer: { canCreate: platinumPolicy.canManageCampaigns(viewer.user) },
      },
      200,
    );
  });

  app.openapi(createRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canManageCampaigns(viewer.user));
    const values = c.req.valid('json');
    const created = await c
      .get('services')
      .db.transaction((tx) => createCampaign(tx, { values, actor: actorOf(c) }));
    c.header('etag', etagOf(created.version));
    return c.json(presentCampaign(created, 0, todayInJapan(), campaignViewer(viewer, created.id)), 201);
  });

  app.openapi(getRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canRead(viewer.user));
    const id = c.req.valid('param').id;
    const row = (await listCampaigns(c.get('services').db, { id }))[0];
    if (!row) throw notFound();
    c.header('etag', etagOf(row.campaign.version));
    return c.json(
      presentCampaign(row.campaign, row.ideaCount, todayInJapan(), campaignViewer(viewer, id)),
      200,
    );
  });

  app.openapi(updateRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canManageCampaigns(viewer.user));
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const updated = await db.transaction((tx) =>
      updateCampaign(tx, {
        campaignId: id,
        expectedVersion,
        changes: c.req.valid('json'),
        actor: actorOf(c),
      }),
    );
    const row = (await listCampaigns(db, { id }))[0]!;
    c.header('etag', etagOf(updated.version));
    return c.json(presentCampaign(updated, row.ideaCount, todayInJapan(), campaignViewer(viewer, id)), 200);
  });

  app.openapi(teamRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canRead(viewer.user));
    const { db } = c.get('services');
    const campaign = await findCampaign(db, c.req.valid('param').id);
    if (!campaign) throw notFound();
    return c.json({ items: presentTeam(await listTeam(db, campaign.id)) }, 200);
  });

  app.openapi(candidatesRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canManageCampaigns(viewer.user));
    const { db } = c.get('services');
    const campaign = await findCampaign(db, c.req.valid('param').id);
    if (!campaign) throw notFound();
    return c.json({ items: await searchStaff(db, c.req.valid('query').q, 20) }, 200);
  });

  app.openapi(addMemberRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canManageCampaigns(viewer.user));
    const { db } = c.get('services');
    const { id, userId } = c.req.valid('param');
    await db.transaction((tx) => addTeamMember(tx, { campaignId: id, userId, actor: actorOf(c) }));
    return c.json({ items: presentTeam(await listTeam(db, id)) }, 200);
  });

  app.openapi(removeMemberRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canManageCampaigns(viewer.user));
    const { id, userId } = c.req.valid('param');
    await c
      .get('services')
      .db.transaction((tx) => removeTeamMember(tx, { campaignId: id, userId, actor: actorOf(c) }));
    return c.body(null, 204);
  });
}
