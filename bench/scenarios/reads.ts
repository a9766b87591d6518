// Read scenarios: each names who asks and finds its URL in the running app (a route a stream has not
// delivered yet is reported as unavailable, not as a failure).
import type { Api, Audience } from '../lib/api.ts';

export type ReadTarget = { p95Ms: number; minRatio?: number };

export type ReadScenario = {
  id: string;
  name: string;
  as: Audience;
  target: ReadTarget;
  /** The parts of the programme whose figures this row gives (analysis, platinum, progress, search, core). */
  areas: string[];
  /** The path to load, or null with the reason when this build has no such page. */
  resolve: (api: Api, years: { demo: number; full: number }) => Promise<string | { unavailable: string }>;
};

type Items<T> = { items: T[] };

const READ_P95 = 25;
const IDEA_LIST_P95 = 30;
const SEARCH_P95 = 50;
/** Similar ideas are asked for while a title is typed: held to the search target. */
const SIMILAR_P95 = 50;

async function firstId(api: Api, path: string, as: Audience): Promise<string | null> {
  const list = await api.json<Items<{ id: string }>>(path, as);
  return list?.items[0]?.id ?? null;
}

/** The campaign with the most ideas among those of the fully generated year (the demo's at small scale). */
async function busiestCampaign(api: Api, years: { demo: number; full: number }): Promise<string | null> {
  for (const year of [years.full, years.demo]) {
    const id = await firstId(api, `/api/v1/campaigns?fy=${year}`, 'staff');
    if (id) return id;
  }
  return null;
}

/** An analysis of the fully generated year (20 versions and 200 benchmark values at city scale). */
async function fullAnalysis(api: Api, years: { demo: number; full: number }): Promise<string | null> {
  for (const year of [years.full, years.demo]) {
    const id = await firstId(api, `/api/v1/analyses?fy=${year}`, 'reform');
    if (id) return id;
  }
  return null;
}

async function publicPath(api: Api, path: string): Promise<string | { unavailable: string }> {
  const response = await api.fetch(path, 'public');
  return response.status === 200
    ? path
    : { unavailable: `GET ${path} answers ${response.status} without a session` };
}

export const READ_SCENARIOS: ReadScenario[] = [
  {
    id: 'cluster-register',
    name: 'Cluster register (public)',
    as: 'public',
    target: { p95Ms: READ_P95, minRatio: 0.5 },
    areas: ['core'],
    resolve: async (api, years) => publicPath(api, `/api/v1/clusters?fy=${years.demo}`),
  },
  {
    id: 'analysis-list',
    name: 'Analysis plan of a year (57 analyses)',
    as: 'reform',
    target: { p95Ms: READ_P95 },
    areas: ['analysis'],
    resolve: async (_api, years) => `/api/v1/analyses?fy=${years.full}`,
  },
  {
    id: 'analysis-page',
    name: 'Analysis page: the analysis (20 versions at city scale)',
    as: 'reform',
    target: { p95Ms: READ_P95 },
    areas: ['analysis', 'core'],
    resolve: async (api, years) => {
      const id = await fullAnalysis(api, years);
      return id ? `/api/v1/analyses/${id}` : { unavailable: 'no analysis to open' };
    },
  },
  {
    id: 'analysis-versions',
    name: 'Analysis page: its versions (20 at city scale)',
    as: 'reform',
    target: { p95Ms: READ_P95 },
    areas: ['analysis'],
    resolve: async (api, years) => {
      const id = await fullAnalysis(api, years);
      return id ? `/api/v1/analyses/${id}/versions` : { unavailable: 'no analysis to open' };
    },
  },
  {
    id: 'analysis-compare',
    name: 'Analysis page: first version against the last',
    as: 'reform',
    target: { p95Ms: READ_P95 },
    areas: ['analysis'],
    resolve: async (api, years) => {
      const id = await fullAnalysis(api, years);
      if (!id) return { unavailable: 'no analysis to open' };
      const versions = await api.json<Items<{ number: number }>>(`/api/v1/analyses/${id}/versions`, 'reform');
      const numbers = (versions?.items ?? []).map((version) => version.number);
      if (numbers.length < 2) return { unavailable: 'fewer than two versions' };
      return `/api/v1/analyses/${id}/versions/compare?from=${Math.min(...numbers)}&to=${Math.max(...numbers)}`;
    },
  },
  {
    id: 'analysis-benchmarks',
    name: 'Analysis page: benchmarks (200 values at city scale)',
    as: 'reform',
    target: { p95Ms: READ_P95 },
    areas: ['analysis'],
    resolve: async (api, years) => {
      const id = await fullAnalysis(api, years);
      return id ? `/api/v1/analyses/${id}/benchmarks` : { unavailable: 'no analysis to open' };
    },
  },
  {
    id: 'analysis-effects',
    name: 'Analysis page: effects',
    as: 'reform',
    target: { p95Ms: READ_P95 },
    areas: ['analysis'],
    resolve: async (api, years) => {
      const id = await fullAnalysis(api, years);
      return id ? `/api/v1/analyses/${id}/effects` : { unavailable: 'no analysis to open' };
    },
  },
  {
    id: 'meeting-page',
    name: 'X meeting page',
    as: 'reform',
    target: { p95Ms: READ_P95 },
    areas: ['core'],
    resolve: async (api, years) => {
      for (const year of [years.full, years.demo]) {
        const list = await api.json<Items<{ id: string; sequence: number }>>(
          `/api/v1/meetings?fy=${year}`,
          'reform',
        );
        // 第1回: it has an agenda, materials, decisions and instructions in the demo and in every generated year.
        const meeting = list?.items.find((item) => item.sequence === 1) ?? list?.items[0];
        if (meeting) return `/api/v1/meetings/${meeting.id}`;
      }
      return { unavailable: 'no meeting to open' };
    },
  },
  {
    id: 'idea-list',
    name: 'Idea list: the busiest campaign, theme and progress filters, by supports, 50 a page with total',
    as: 'staff',
    target: { p95Ms: IDEA_LIST_P95 },
    areas: ['platinum', 'core'],
    resolve: async (api, years) => {
      const campaign = await busiestCampaign(api, years);
      if (!campaign) return { unavailable: 'no campaign' };
      return `/api/v1/ideas?campaign=${campaign}&theme=workstyle&status=submitted&sort=supports&page=1&pageSize=50`;
    },
  },
  {
    id: 'idea-list-campaign',
    name: 'Idea list: the busiest campaign, newest first, 50 a page with total',
    as: 'staff',
    target: { p95Ms: IDEA_LIST_P95 },
    areas: ['platinum'],
    resolve: async (api, years) => {
      const campaign = await busiestCampaign(api, years);
      if (!campaign) return { unavailable: 'no campaign' };
      return `/api/v1/ideas?campaign=${campaign}&sort=newest&page=1&pageSize=50`;
    },
  },
  {
    id: 'idea-similar',
    name: 'Similar ideas while typing a title (the busiest campaign)',
    as: 'staff',
    target: { p95Ms: SIMILAR_P95 },
    areas: ['platinum'],
    resolve: async (api, years) => {
      const campaign = await busiestCampaign(api, years);
      if (!campaign) return { unavailable: 'no campaign' };
      const list = await api.json<Items<{ title: string }>>(
        `/api/v1/ideas?campaign=${campaign}&sort=newest&page=1&pageSize=1`,
        'staff',
      );
      const title = list?.items[0]?.title;
      if (!title) return { unavailable: 'no idea in the campaign' };
      // What someone has typed so far: most of an existing title.
      const typed = Array.from(title)
        .slice(0, Math.max(4, Math.ceil(Array.from(title).length * 0.8)))
        .join('');
      return `/api/v1/ideas/similar?campaign=${campaign}&text=${encodeURIComponent(typed)}`;
    },
  },
  {
    id: 'idea-list-all',
    name: 'Idea list: every campaign, newest first, 50 a page with total',
    as: 'staff',
    target: { p95Ms: IDEA_LIST_P95 },
    areas: ['core'],
    resolve: async () => '/api/v1/ideas?sort=newest&page=1&pageSize=50',
  },
  {
    id: 'idea-search',
    name: 'Idea search (q=窓口, every campaign)',
    as: 'staff',
    target: { p95Ms: SEARCH_P95 },
    areas: ['search'],
    resolve: async () => `/api/v1/ideas?q=${encodeURIComponent('窓口')}&page=1&pageSize=50`,
  },
  {
    id: 'search',
    name: 'Search across the programme (q=子育て)',
    as: 'staff',
    target: { p95Ms: SEARCH_P95 },
    areas: ['search', 'core'],
    resolve: async (api) => {
      const path = `/api/v1/search?q=${encodeURIComponent('子育て')}`;
      const response = await api.fetch(path, 'staff');
      return response.status === 200
        ? path
        : { unavailable: `GET /api/v1/search answers ${response.status}` };
    },
  },
  {
    id: 'dashboard',
    name: 'Dashboard (executive)',
    as: 'mayor',
    target: { p95Ms: READ_P95 },
    areas: ['progress', 'core'],
    resolve: async (api, years) => {
      const path = `/api/v1/dashboard?fy=${years.demo}`;
      const response = await api.fetch(path, 'mayor');
      return response.status === 200
        ? path
        : { unavailable: `GET /api/v1/dashboard answers ${response.status}` };
    },
  },
  {
    id: 'dashboard-full-year',
    name: 'Dashboard (executive) of a fully generated year',
    as: 'mayor',
    target: { p95Ms: READ_P95 },
    areas: ['progress'],
    resolve: async (api, years) => {
      const path = `/api/v1/dashboard?fy=${years.full}`;
      const response = await api.fetch(path, 'mayor');
      return response.status === 200
        ? path
        : { unavailable: `GET /api/v1/dashboard answers ${response.status}` };
    },
  },
  {
    id: 'public-programme',
    name: 'Public portal: the programme',
    as: 'public',
    target: { p95Ms: READ_P95, minRatio: 0.5 },
    areas: ['core'],
    resolve: async (api, years) => publicPath(api, `/api/v1/public/programme?fy=${years.demo}`),
  },
  {
    id: 'public-open-data',
    name: 'Public portal: open data index',
    as: 'public',
    target: { p95Ms: READ_P95, minRatio: 0.5 },
    areas: ['core'],
    resolve: async (api, years) => publicPath(api, `/api/v1/public/open-data?fy=${years.demo}`),
  },
  {
    id: 'public-policies',
    name: 'Public portal: bureau policies',
    as: 'public',
    target: { p95Ms: READ_P95, minRatio: 0.5 },
    areas: ['core'],
    resolve: async (api, years) => publicPath(api, `/api/v1/public/bureau-policies?fy=${years.demo}`),
  },
  {
    id: 'public-needs',
    name: 'Public portal: published needs',
    as: 'public',
    target: { p95Ms: READ_P95, minRatio: 0.5 },
    areas: ['core'],
    resolve: async (api, years) => publicPath(api, `/api/v1/public/needs?fy=${years.demo}`),
  },
  {
    id: 'public-meeting',
    name: 'Public portal: an X meeting',
    as: 'public',
    target: { p95Ms: READ_P95, minRatio: 0.5 },
    areas: ['core'],
    resolve: async (api, years) => {
      const list = await api.json<Items<{ id: string; sequence: number }>>(
        `/api/v1/meetings?fy=${years.demo}`,
        'public',
      );
      const meeting = list?.items.find((item) => item.sequence === 1) ?? list?.items[0];
      return meeting
        ? publicPath(api, `/api/v1/meetings/${meeting.id}`)
        : { unavailable: 'no public meeting' };
    },
  },
];
