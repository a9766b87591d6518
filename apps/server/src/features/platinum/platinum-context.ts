import { isoDateOf } from '@totonoe/domain';
import type { Context } from 'hono';
import { requireUser } from '../../lib/authorization.ts';
import type { AppEnv, CurrentUser } from '../../lib/context.ts';
import { teamCampaignIdsOf } from './campaigns.queries.ts';
import type { IdeaAudience } from './ideas.presenter.ts';
import { type PlatinumViewer, platinumPolicy } from './platinum.policy.ts';

/** Today in Japan (ISO date): phases open and close by the city's calendar. */
export function todayInJapan(): string {
  return isoDateOf(new Date());
}

/** The signed-in person with the campaigns whose PT they sit on; 401 without a session. */
export async function loadViewer(c: Context<AppEnv>): Promise<PlatinumViewer> {
  const user = requireUser(c);
  return { user, teamCampaignIds: await teamCampaignIdsOf(c.get('services').db, user.id) };
}

/** Who reads an idea, for the presenters' anonymity rule. */
export function audienceOf(viewer: PlatinumViewer): IdeaAudience {
  return audienceOfUser(viewer.user);
}

/** The same, for a route that needs no PT membership (and so does not read it). */
export function audienceOfUser(user: CurrentUser): IdeaAudience {
  return { userId: user.id, canSeeAnonymousAuthors: platinumPolicy.canSeeAnonymousAuthors(user) };
}
