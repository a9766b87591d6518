import { z } from '@hono/zod-openapi';
import { highlightSegments, snippetSegments } from '@totonoe/domain';
import type { SearchHit } from './search.queries.ts';
import { SEARCH_KINDS, type SearchKind } from './search-documents.ts';

export const SEARCH_KIND_LABELS: Record<SearchKind, { ja: string; en: string }> = {
  cluster: { ja: '事業クラスター', en: 'Business cluster' },
  meeting: { ja: 'X会議', en: 'X meeting' },
  analysis: { ja: '経営分析', en: 'Management analysis' },
  bureau_policy: { ja: '局区X方針', en: 'Bureau X policy' },
  initiative: { ja: '取組', en: 'Initiative' },
  idea: { ja: 'アイデア', en: 'Idea' },
  need: { ja: 'ニーズ・課題', en: 'Need' },
  issue: { ja: 'プラチナ課題', en: 'Platinum issue' },
  response: { ja: '対応方針', en: 'Response' },
  user: { ja: '職員', en: 'Person' },
};

const segmentSchema = z.object({ text: z.string(), isMatch: z.boolean() });

export const searchResultSchema = z
  .object({
    kind: z.enum(SEARCH_KINDS),
    kindLabel: z.object({ ja: z.string(), en: z.string() }),
    id: z.string(),
    /** The title in segments; `isMatch` marks what matched (render as <mark>). */
    title: z.array(segmentSchema),
    snippet: z.array(segmentSchema),
    link: z.string(),
    fiscalYear: z.number().int().nullable(),
    status: z.string().nullable(),
  })
  .openapi('SearchResult');

export const searchResponseSchema = z
  .object({
    query: z.string(),
    terms: z.array(z.string()),
    total: z.number().int(),
    /** The total and facet counts are estimates (約): a frequent word; only a slice of the matches was ranked. */
    isTotalEstimated: z.boolean(),
    /** How many matches the pages go through: the total, or the ranked slice's when the total is an estimate. */
    rankedTotal: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Matches of each kind (ignoring the kind filter), counting only what the searcher may read. */
    facets: z.array(
      z.object({
        kind: z.enum(SEARCH_KINDS),
        label: z.object({ ja: z.string(), en: z.string() }),
        count: z.number().int(),
      }),
    ),
    items: z.array(searchResultSchema),
  })
  .openapi('SearchResults');

/** Shapes one hit: highlighted title and a snippet cut from the text its reader may read. */
export function presentSearchHit(hit: SearchHit, terms: string[]): z.infer<typeof searchResultSchema> {
  const kind = hit.kind as SearchKind;
  return {
    kind,
    kindLabel: SEARCH_KIND_LABELS[kind],
    id: hit.recordId,
    title: highlightSegments(hit.title, terms),
    snippet: snippetSegments(hit.body, terms),
    link: hit.link,
    fiscalYear: hit.fiscalYear,
    status: hit.status,
  };
}

/** The facets in the fixed order of kinds, only kinds with matches. */
export function presentFacets(facets: Record<string, number>) {
  return SEARCH_KINDS.filter((kind) => (facets[kind] ?? 0) > 0).map((kind) => ({
    kind,
    label: SEARCH_KIND_LABELS[kind],
    count: facets[kind]!,
  }));
}
