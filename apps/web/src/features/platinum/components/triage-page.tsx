import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormField, inputClassName } from '@/components/ui/form-field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useErrorText, useFieldErrors } from '@/lib/errors';
import { useCampaign } from '../api/campaigns';
import { useIdeas, useMergeIdea } from '../api/ideas';
import { useCreateIssue, useIssues } from '../api/issues';
import { usePlatinumText } from '../messages';
import type { IdeaSummary, Theme } from '../types';
import { ThemeBadge } from './badges';
import { CampaignNav } from './campaign-nav';
import { IssueTable } from './issue-list';

/** PT triage: group submitted ideas into issues, merge duplicates, and see every issue with its scoring. */
export function TriagePage({ campaignId }: { campaignId: string }) {
  const text = usePlatinumText();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const campaign = useCampaign(campaignId);
  const waiting = useIdeas({ campaignId, status: 'submitted', sort: 'supports', pageSize: 200 });
  const merged = useIdeas({ campaignId, status: 'merged', pageSize: 200 });
  const live = useIdeas({ campaignId, sort: 'oldest', pageSize: 200 });
  const issues = useIssues({ campaignId });
  const create = useCreateIssue();
  const mergeIdea = useMergeIdea();
  const createErrors = useFieldErrors(create.error);
  const [selected, setSelected] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [theme, setTheme] = useState<Theme | ''>('');
  const [merging, setMerging] = useState<IdeaSummary | null>(null);
  useDocumentTitle(text('triageTitle'));

  if (campaign.isPending) return <Loading />;
  if (campaign.isError) return <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const ideas = waiting.data?.items ?? [];
  const firstSelected = ideas.find((idea) => idea.id === selected[0]);
  const issueTheme = theme || firstSelected?.theme || campaign.data.themes[0]!;

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending || selected.length === 0 || !title.trim()) return;
    create.mutate(
      { campaignId, theme: issueTheme, title, summary, ideaIds: selected },
      {
        onSuccess: (issue) => {
          setSelected([]);
          setTitle('');
          setSummary('');
          void navigate({ to: '/platinum/issues/$issueId', params: { issueId: issue.id } });
        },
      },
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <PageHeading lead={text('triageLead')}>{text('triageTitle')}</PageHeading>
      <CampaignNav campaign={campaign.data} />
      {mergeIdea.isError ? <Alert tone="error">{errorText(mergeIdea.error)}</Alert> : null}
      <section aria-labelledby="waiting-heading" className="flex flex-col gap-3">
        <h2 id="waiting-heading" className="text-std-20B-150">
          {text('ungrouped')}
        </h2>
        {waiting.isPending ? <Loading /> : null}
        {waiting.isError ? <QueryError error={waiting.error} onRetry={() => void waiting.refetch()} /> : null}
        {waiting.data && ideas.length === 0 ? <p>{text('noIdeas')}</p> : null}
        <ul className="flex flex-col gap-2">
          {ideas.map((idea) => {
            const isSelected = selected.includes(idea.id);
            return (
              <li
                key={idea.id}
                className="flex flex-wrap items-center gap-3 rounded-6 border border-solid-gray-300 p-3"
              >
                <input
                  type="checkbox"
                  id={`select-${idea.id}`}
                  className="size-6 accent-blue-900"
                  checked={isSelected}
                  onChange={() =>
                    setSelected(isSelected ? selected.filter((id) => id !== idea.id) : [...selected, idea.id])
                  }
                />
                <label htmlFor={`select-${idea.id}`} className="sr-only">
                  {text('selectIdea', { number: idea.number, title: idea.title })}
                </label>
                <span className="text-dns-14N-130">{text('number', { number: idea.number })}</span>
                <ThemeBadge theme={idea.theme} />
                <Link to="/platinum/ideas/$ideaId" params={{ ideaId: idea.id }} className="link grow">
                  {idea.title}
                </Link>
                <span className="text-dns-14N-130">{text('supports', { count: idea.supportCount })}</span>
                <Button variant="tertiary" size="xs" onClick={() => setMerging(idea)}>
                  {text('merge')}
                </Button>
              </li>
            );
          })}
        </ul>
      </section>
      <form onSubmit={onCreate} noValidate className="flex flex-col gap-4 rounded-8 bg-solid-gray-50 p-4">
        <h2 className="text-std-20B-150">{text('createIssue')}</h2>
        <p role="status" className="text-std-16N-170">
          {text('selectedCount', { count: selected.length })}
        </p>
        {create.isError && Object.keys(createErrors).length === 0 ? (
          <Alert tone="error">{errorText(create.error)}</Alert>
        ) : null}
        <TextField
          label={text('issueTitle')}
          required
          maxLength={120}
          value={title}
          error={createErrors.title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <SelectField
          label={text('theme')}
          value={issueTheme}
          onChange={(event) => setTheme(event.target.value as Theme)}
          options={campaign.data.themes.map((value) => ({ value, label: text(`theme.${value}`) }))}
        />
        <FormField label={text('issueSummary')}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={4000}
              value={summary}
              onChange={(event) => setSummary(event.target.value)}
              className={inputClassName}
            />
          )}
        </FormField>
        <div>
          <Button
            type="submit"
            aria-disabled={create.isPending || selected.length === 0 || !title.trim() || undefined}
          >
            {text('createIssue')}
          </Button>
        </div>
      </form>
      {merged.data && merged.data.items.length > 0 ? (
        <section aria-labelledby="merged-heading" className="flex flex-col gap-2">
          <h2 id="merged-heading" className="text-std-20B-150">
            {text('progress.merged')}
          </h2>
          <ul className="flex flex-col gap-2">
            {merged.data.items.map((idea) => (
              <li key={idea.id} className="flex flex-wrap items-center gap-3">
                <span>
                  {text('number', { number: idea.number })} {idea.title} →{' '}
                  {idea.mergedInto ? text('number', { number: idea.mergedInto.number }) : ''}
                </span>
                <Button
                  variant="tertiary"
                  size="xs"
                  onClick={() => mergeIdea.mutate({ id: idea.id, keptIdeaId: null })}
                >
                  {text('unmerge')}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {issues.isPending ? <Loading /> : null}
      {issues.data ? (
        issues.data.items.length === 0 ? (
          <p>{text('noIssues')}</p>
        ) : (
          <IssueTable issues={issues.data.items} caption={text('issues')} />
        )
      ) : null}
      {merging ? (
        <MergeDialog
          idea={merging}
          candidates={(live.data?.items ?? []).filter((idea) => idea.id !== merging.id)}
          onClose={() => setMerging(null)}
        />
      ) : null}
    </div>
  );
}

function MergeDialog({
  idea,
  candidates,
  onClose,
}: {
  idea: IdeaSummary;
  candidates: IdeaSummary[];
  onClose: () => void;
}) {
  const text = usePlatinumText();
  const errorText = useErrorText();
  const merge = useMergeIdea();
  const [keptId, setKeptId] = useState(candidates[0]?.id ?? '');
  return (
    <Dialog open onClose={onClose} title={text('mergeTitle', { number: idea.number })}>
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (keptId) merge.mutate({ id: idea.id, keptIdeaId: keptId }, { onSuccess: onClose });
        }}
      >
        {merge.isError ? <Alert tone="error">{errorText(merge.error)}</Alert> : null}
        <SelectField
          label={text('mergeInto')}
          value={keptId}
          onChange={(event) => setKeptId(event.target.value)}
          options={candidates.map((candidate) => ({
            value: candidate.id,
            label: `${text('number', { number: candidate.number })} ${candidate.title}`,
          }))}
        />
        <div>
          <Button type="submit">{text('merge')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
