import { createRoute, z } from '@hono/zod-openapi';
import { bigrams, searchTerms } from '@totonoe/domain';
import type { App } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { errorResponses, fiscalYearQuery, jsonResponse } from '../../lib/openapi.ts';
import { refreshSearchIndex, refreshSearchIndexInBackground } from './refresh-search-index.ts';
import { searchPolicy } from './search.policy.ts';
import { presentFacets, presentSearchHit, searchResponseSchema } from './search.presenter.ts';
import { searchRecords } from './search.queries.ts';
import { SEARCH_KINDS } from './search-documents.ts';

/** Queued records a search brings into the index itself before it searches; more go on in the background. */
const REFRESH_BEFORE_SEARCH = 2_000;

const searchQuery = z.object({
  q: z.string().min(1).max(200),
  kind: z.enum(SEARCH_KINDS).optional(),
  fy: fiscalYearQuery.optional(),
  orgUnit: z.string().uuid().optional(),
  status: z
    .string()
    .regex(/^[a-z_]{1,40}$/u)
    .optional(),
  /** `public`: only what the public may read (the portal), even when signed in. */
  scope: z.enum(['all', 'public']).default('all'),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

const searchRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/search',
  tags: ['search'],
  summary:
    'Search everything the caller may read (the public: published records only), in Japanese: two characters find words that hold them; width, case and katakana/hiragana fold',
  request: { query: searchQuery },
  responses: {
    200: jsonResponse(searchResponseSchema, 'Ranked matches with highlighted snippets'),
    ...errorResponses(400),
  },
});

/** One search over every feature's records. */
export function registerSearchRoutes(app: App): void {
  app.openapi(searchRouteDef, async (c) => {
    const query = c.req.valid('query');
    const terms = searchTerms(query.q);
    if (terms.length === 0) {
      throw new AppError('validation_failed', {
        fieldErrors: [
          {
            path: 'q',
            messages: { ja: '検索する言葉を入力してください。', en: 'Enter words to search for.' },
          },
        ],
      });
    }
    const { db } = c.get('services');
    // Whatever was written before this search is found by it: the queue is worked off first.
    if (!(await refreshSearchIndex(db, { limit: REFRESH_BEFORE_SEARCH }))) refreshSearchIndexInBackground(db);
    const viewer = searchPolicy.viewerOf(c.get('user'), { isPublicOnly: query.scope === 'public' });
    const termBigrams = [
      ...new Set(terms.flatMap((term) => (Array.from(term).length >= 2 ? bigrams(term) : []))),
    ];
    const result = await searchRecords(db, {
      terms,
      termBigrams,
      viewer,
      filters: { kind: query.kind, fiscalYear: query.fy, orgUnitId: query.orgUnit, status: query.status },
      page: query.page,
      pageSize: query.pageSize,
    });
    c.header('cache-control', 'private, no-store');
    return c.json(
      {
        query: query.q,
        terms,
        total: result.total,
        isTotalEstimated: result.isEstimated,
        rankedTotal: result.rankedTotal,
        page: query.page,
        pageSize: query.pageSize,
        facets: presentFacets(result.facets),
        items: result.items.map((hit) => presentSearchHit(hit, terms)),
      },
      200,
    );
  });
}
