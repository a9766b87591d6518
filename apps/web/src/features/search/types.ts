export type SearchKind =
  | 'cluster'
  | 'meeting'
  | 'analysis'
  | 'bureau_policy'
  | 'initiative'
  | 'idea'
  | 'need'
  | 'issue'
  | 'response'
  | 'user';

export type TextSegment = { text: string; isMatch: boolean };

export type SearchResult = {
  kind: SearchKind;
  kindLabel: { ja: string; en: string };
  id: string;
  title: TextSegment[];
  snippet: TextSegment[];
  link: string;
  fiscalYear: number | null;
  status: string | null;
};

export type SearchResults = {
  query: string;
  terms: string[];
  total: number;
  /** The total and facet counts are estimates (約). */
  isTotalEstimated: boolean;
  /** How many matches the pages go through. */
  rankedTotal: number;
  page: number;
  pageSize: number;
  facets: { kind: SearchKind; label: { ja: string; en: string }; count: number }[];
  items: SearchResult[];
};

export type SearchParams = {
  q?: string | undefined;
  kind?: SearchKind | undefined;
  fy?: number | undefined;
  page?: number | undefined;
  scope?: 'public' | undefined;
};
