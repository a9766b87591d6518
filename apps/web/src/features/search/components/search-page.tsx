import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { Pagination } from '@/components/ui/pagination';
import { QueryError } from '@/components/ui/query-error';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { SEARCH_PAGE_SIZE, useSearchResults } from '../api/get-search-results';
import { useSearchText } from '../messages';
import type { SearchKind } from '../types';
import { HighlightedText } from './highlighted-text';

const routeApi = getRouteApi('/search');

/** 検索: everything the person may read, ranked, with the matched words highlighted and kinds to narrow by. */
export function SearchPage() {
  const text = useSearchText();
  const { language } = useLanguage();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const results = useSearchResults(search);
  const [query, setQuery] = useState(search.q ?? '');
  const queryId = useId();
  const statusRef = useRef<HTMLParagraphElement>(null);
  useDocumentTitle(search.q ? `${text('title')}：${search.q}` : text('title'));

  useEffect(() => setQuery(search.q ?? ''), [search.q]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void navigate({ search: { q: query.trim() || undefined, scope: search.scope } });
  }

  const setKind = (kind: SearchKind | undefined) =>
    void navigate({ search: { ...search, kind, page: undefined } });

  const data = results.data;
  return (
    <div>
      <PageHeading lead={search.scope === 'public' ? text('publicLead') : text('lead')}>
        {text('title')}
      </PageHeading>
      <search aria-label={text('title')}>
        <form onSubmit={onSubmit} className="mb-8 flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-2">
            <label htmlFor={queryId} className="text-std-16B-170 text-solid-gray-900">
              {text('queryLabel')}
            </label>
            <input
              id={queryId}
              type="search"
              value={query}
              maxLength={200}
              onChange={(event) => setQuery(event.target.value)}
              className="min-h-12 w-80 max-w-full rounded-8 border border-solid-gray-600 px-4 py-2 text-std-16N-170"
            />
          </div>
          <button
            type="submit"
            className="min-h-12 rounded-8 bg-blue-900 px-6 py-3 text-oln-16B-100 text-white hover:bg-blue-1000 hover:underline"
          >
            {text('submit')}
          </button>
        </form>
      </search>

      {!search.q ? <p className="text-std-16N-170">{text('empty')}</p> : null}
      {search.q && results.isPending ? <Loading /> : null}
      {results.isError ? <QueryError error={results.error} onRetry={() => void results.refetch()} /> : null}
      {data && search.q ? (
        <section aria-labelledby="search-results-heading">
          <h2 id="search-results-heading" className="sr-only">
            {text('results')}
          </h2>
          <p ref={statusRef} role="status" className="mb-4 text-std-17B-170 text-solid-gray-900">
            {data.total > 0
              ? text(data.isTotalEstimated ? 'countEstimated' : 'count', {
                  query: search.q,
                  total: data.total.toLocaleString(language === 'en' ? 'en-US' : 'ja-JP'),
                })
              : text('none', { query: search.q })}
          </p>
          {data.facets.length > 0 ? (
            <nav aria-label={text('kind')} className="mb-6">
              <ul className="flex flex-wrap gap-2">
                <li>
                  <button
                    type="button"
                    onClick={() => setKind(undefined)}
                    aria-pressed={!search.kind}
                    className={`min-h-10 rounded-full border px-4 py-1 text-std-16N-170 ${!search.kind ? 'border-blue-900 bg-blue-900 font-bold text-white' : 'border-solid-gray-600 bg-white text-solid-gray-900 hover:bg-blue-50'}`}
                  >
                    {text('allKinds')}
                  </button>
                </li>
                {data.facets.map((facet) => (
                  <li key={facet.kind}>
                    <button
                      type="button"
                      onClick={() => setKind(facet.kind)}
                      aria-pressed={search.kind === facet.kind}
                      className={`min-h-10 rounded-full border px-4 py-1 text-std-16N-170 ${search.kind === facet.kind ? 'border-blue-900 bg-blue-900 font-bold text-white' : 'border-solid-gray-600 bg-white text-solid-gray-900 hover:bg-blue-50'}`}
                    >
                      {facet.label[language]}（
                      {data.isTotalEstimated ? text('facetEstimated', { count: facet.count }) : facet.count}）
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {data.items.length > 0 ? <p className="sr-only">{text('matchHint')}</p> : null}
          <ol className="flex flex-col gap-4">
            {data.items.map((item) => (
              <li
                key={`${item.kind}:${item.id}`}
                className="rounded-8 border border-solid-gray-420 bg-white p-4"
              >
                <p className="mb-1 text-dns-14N-130 text-solid-gray-700">
                  <span className="rounded-4 border border-solid-gray-600 px-2 py-0.5">
                    {item.kindLabel[language]}
                  </span>
                  {item.fiscalYear && item.fiscalYear < 9999 ? (
                    <span className="ml-2">{text('fiscalYear', { year: item.fiscalYear })}</span>
                  ) : null}
                </p>
                <h3 className="text-std-18B-160" lang="ja">
                  <a href={item.link} className="link">
                    <HighlightedText segments={item.title} />
                  </a>
                </h3>
                <p className="mt-1 text-std-16N-170 text-solid-gray-800" lang="ja">
                  <HighlightedText segments={item.snippet} />
                </p>
              </li>
            ))}
          </ol>
          {data.rankedTotal > SEARCH_PAGE_SIZE ? (
            <Pagination
              page={search.page ?? 1}
              pageSize={SEARCH_PAGE_SIZE}
              total={data.rankedTotal}
              label={text('pagination')}
              onPageChange={(page) => void navigate({ search: { ...search, page } })}
            />
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
