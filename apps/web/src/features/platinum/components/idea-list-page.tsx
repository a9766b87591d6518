import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { Pagination } from '@/components/ui/pagination';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useCampaign } from '../api/campaigns';
import { useIdeas } from '../api/ideas';
import { usePlatinumText } from '../messages';
import { IDEA_PROGRESS, IDEA_SORTS, type IdeaProgress, type IdeaSort, type Theme } from '../types';
import { CampaignNav } from './campaign-nav';
import { IdeaCard } from './idea-card';

export type IdeaListSearch = {
  theme?: Theme | undefined;
  status?: IdeaProgress | undefined;
  q?: string | undefined;
  mine?: true | undefined;
  sort?: IdeaSort | undefined;
  page?: number | undefined;
};

const PAGE_SIZE = 20;

/** アイデア一覧: filters by theme, progress and keywords (kept in the URL), with support buttons. */
export function IdeaListPage({
  campaignId,
  search,
  onSearch,
}: {
  campaignId: string;
  search: IdeaListSearch;
  onSearch: (next: IdeaListSearch) => void;
}) {
  const text = usePlatinumText();
  const campaign = useCampaign(campaignId);
  const ideas = useIdeas({ campaignId, ...search, pageSize: PAGE_SIZE });
  const [draft, setDraft] = useState(search);
  useDocumentTitle(text('ideaList'));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch({ ...draft, q: draft.q?.trim() || undefined, page: undefined });
  }

  return (
    <div className="flex flex-col gap-6">
      <PageHeading>{text('ideaList')}</PageHeading>
      {campaign.data ? <CampaignNav campaign={campaign.data} /> : null}
      <form
        onSubmit={onSubmit}
        aria-label={text('filters')}
        className="grid gap-4 rounded-8 bg-solid-gray-50 p-4 md:grid-cols-4"
      >
        <SelectField
          label={text('theme')}
          value={draft.theme ?? ''}
          onChange={(event) =>
            setDraft({ ...draft, theme: (event.target.value || undefined) as Theme | undefined })
          }
          options={[
            { value: '', label: text('allThemes') },
            ...(campaign.data?.themes ?? []).map((theme) => ({
              value: theme,
              label: text(`theme.${theme}`),
            })),
          ]}
        />
        <SelectField
          label={text('progress')}
          value={draft.status ?? ''}
          onChange={(event) =>
            setDraft({ ...draft, status: (event.target.value || undefined) as IdeaProgress | undefined })
          }
          options={[
            { value: '', label: text('allProgress') },
            ...IDEA_PROGRESS.filter((progress) => progress !== 'hidden').map((progress) => ({
              value: progress,
              label: text(`progress.${progress}`),
            })),
          ]}
        />
        <TextField
          label={text('search')}
          hint={text('searchHint')}
          type="search"
          maxLength={100}
          value={draft.q ?? ''}
          onChange={(event) => setDraft({ ...draft, q: event.target.value })}
        />
        <SelectField
          label={text('sort')}
          value={draft.sort ?? 'newest'}
          onChange={(event) => setDraft({ ...draft, sort: event.target.value as IdeaSort })}
          options={IDEA_SORTS.map((sort) => ({ value: sort, label: text(`sort.${sort}`) }))}
        />
        <CheckboxField
          label={text('mineOnly')}
          checked={draft.mine === true}
          onChange={(event) => setDraft({ ...draft, mine: event.target.checked ? true : undefined })}
        />
        <div className="md:col-span-3 md:self-end">
          <Button type="submit">{text('apply')}</Button>
        </div>
      </form>
      {ideas.isPending ? <Loading /> : null}
      {ideas.isError ? <QueryError error={ideas.error} onRetry={() => void ideas.refetch()} /> : null}
      {ideas.data ? (
        <>
          <p role="status" className="text-std-16N-170">
            {text('resultCount', { total: ideas.data.total })}
          </p>
          {ideas.data.items.length === 0 ? <p>{text('noIdeas')}</p> : null}
          <ul className="flex flex-col gap-3">
            {ideas.data.items.map((idea) => (
              <li key={idea.id}>
                <IdeaCard idea={idea} />
              </li>
            ))}
          </ul>
          <Pagination
            page={ideas.data.page}
            pageSize={ideas.data.pageSize}
            total={ideas.data.total}
            label={text('pagination')}
            onPageChange={(page) => onSearch({ ...search, page })}
          />
        </>
      ) : null}
    </div>
  );
}
