import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { inputClassName } from '@/components/ui/form-field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { isApiError } from '@/lib/api-client';
import { useErrorText } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import type { Me } from '@/types/api';
import { useNeed, useNeedAction, useNeedReference } from '../api/needs';
import { needLabel, useNeedText } from '../messages';
import { type LinkKind, NEED_STATUSES, type Need, type NeedStatus } from '../types';

type Option = { id: string; label: string };

/** One need: the verbatim text, personal data for those who may see it, its links, status and publication. */
export function NeedPage({ needId, me }: { needId: string; me: Me }) {
  const text = useNeedText();
  const query = useNeed(needId);
  useDocumentTitle(text('title'));
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (isApiError(query.error, 404)) return <Alert tone="info" title={text('notFound')} />;
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <NeedView need={query.data} me={me} />;
}

function NeedView({ need, me }: { need: Need; me: Me }) {
  const text = useNeedText();
  const { language } = useLanguage();
  const id = useId();
  const action = useNeedAction(need.id);
  const errorText = useErrorText();
  const [notice, setNotice] = useState(false);
  const isReformOffice = me.roles.some((grant) => grant.role === 'reform_office');
  const clusters = useNeedReference<{ id: string; number: number; name: string }>('clusters', '/clusters', {
    fy: need.fiscalYear,
  });
  const analyses = useNeedReference<{ id: string; cluster: { number: number; name: string } }>(
    'analyses',
    '/analyses',
    { fy: need.fiscalYear },
  );
  const initiatives = useNeedReference<{ id: string; title: string }>('initiatives', '/initiatives', {
    fy: need.fiscalYear,
  });
  const options: Record<LinkKind, Option[]> = {
    cluster: (clusters.data?.items ?? []).map((cluster) => ({
      id: cluster.id,
      label: `${cluster.number} ${cluster.name}`,
    })),
    analysis: (analyses.data?.items ?? []).map((analysis) => ({
      id: analysis.id,
      label: `${analysis.cluster.number} ${analysis.cluster.name}`,
    })),
    initiative: (initiatives.data?.items ?? []).map((initiative) => ({
      id: initiative.id,
      label: initiative.title,
    })),
  };
  const [linked, setLinked] = useState<Record<string, LinkKind>>(() =>
    Object.fromEntries(need.links.map((link) => [link.targetId, link.kind])),
  );
  const [status, setStatus] = useState<NeedStatus>(need.status);
  const [isPublic, setIsPublic] = useState(need.isPublic);
  const [publicText, setPublicText] = useState(need.publicText ?? '');
  const run = (call: Parameters<typeof action.mutate>[0]['call']) => {
    setNotice(false);
    action.mutate({ call, version: need.version }, { onSuccess: () => setNotice(true) });
  };
  return (
    <div className="flex flex-col gap-8">
      <PageHeading
        lead={
          <span className="flex flex-wrap gap-3">
            <span>{formatDate(need.receivedOn, language, { weekday: false })}</span>
            <span>{need.sideLabel[language]}</span>
            <span>{need.channelLabel[language]}</span>
            <span lang="ja">{need.orgUnit.name}</span>
            <span>{need.statusLabel[language]}</span>
          </span>
        }
      >
        {text('title')}
      </PageHeading>
      <p>
        <Link to="/needs" search={{ fy: need.fiscalYear }} className="link">
          {text('backToList')}
        </Link>
      </p>
      {notice ? (
        <Alert tone="success" announce="polite">
          {text('saved')}
        </Alert>
      ) : null}
      {action.isError ? (
        <Alert tone="error" announce="assertive">
          {errorText(action.error)}
        </Alert>
      ) : null}
      <section aria-labelledby={`${id}-body`} className="flex max-w-4xl flex-col gap-2">
        <h2 id={`${id}-body`} className="text-std-20B-150">
          {text('body')}
        </h2>
        <blockquote
          className="whitespace-pre-wrap border-l-4 border-solid-gray-420 pl-4 text-std-17N-170"
          lang="ja"
        >
          {need.body}
        </blockquote>
        {need.reporter ? (
          <p>
            <span className="text-std-16B-170">{text('reporter')}: </span>
            <span lang="ja">
              {[need.reporter.name, need.reporter.contact].filter(Boolean).join('／') || text('noReporter')}
            </span>
          </p>
        ) : null}
        <p>
          <span className="text-std-16B-170">{text('publicPreview')}: </span>
          <span lang="ja">{need.publicPreview}</span>
        </p>
      </section>

      <section aria-labelledby={`${id}-links`} className="flex flex-col gap-4">
        <h2 id={`${id}-links`} className="text-std-20B-150">
          {text('links')}
        </h2>
        {(['cluster', 'analysis', 'initiative'] as const).map((kind) => (
          <fieldset key={kind} className="flex flex-col gap-2">
            <legend className="text-std-17B-170">{text(`link.${kind}`)}</legend>
            <div className="grid max-h-56 grid-cols-1 gap-1 overflow-y-auto rounded-8 border border-solid-gray-420 p-3 md:grid-cols-2">
              {options[kind].map((option) => (
                <label key={option.id} className="flex items-start gap-2" lang="ja">
                  <input
                    type="checkbox"
                    className="mt-1.5 size-5"
                    checked={linked[option.id] === kind}
                    onChange={(event) => {
                      const next = { ...linked };
                      if (event.target.checked) next[option.id] = kind;
                      else delete next[option.id];
                      setLinked(next);
                    }}
                  />
                  {option.label}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <Button
          className="self-start"
          disabled={action.isPending}
          onClick={() =>
            run({
              kind: 'links',
              body: { links: Object.entries(linked).map(([targetId, kind]) => ({ kind, targetId })) },
            })
          }
        >
          {text('editLinks')}
        </Button>
      </section>

      <section aria-labelledby={`${id}-status`} className="flex flex-col gap-4">
        <h2 id={`${id}-status`} className="text-std-20B-150">
          {text('status')}
        </h2>
        <div className="flex flex-wrap items-end gap-4">
          <SelectField
            label={text('column.status')}
            value={status}
            onChange={(event) => setStatus(event.target.value as NeedStatus)}
            options={NEED_STATUSES.map((value) => ({ value, label: needLabel('status', value, language) }))}
          />
          <Button
            variant="secondary"
            disabled={action.isPending}
            onClick={() => run({ kind: 'update', body: { status } })}
          >
            {text('save')}
          </Button>
        </div>
      </section>

      {isReformOffice ? (
        <section aria-labelledby={`${id}-publication`} className="flex max-w-4xl flex-col gap-3">
          <h2 id={`${id}-publication`} className="text-std-20B-150">
            {text('publication')}
          </h2>
          <p id={`${id}-publication-hint`}>{text('publicationHint')}</p>
          <CheckboxField
            label={text('isPublic')}
            checked={isPublic}
            onChange={(event) => setIsPublic(event.target.checked)}
          />
          <label htmlFor={`${id}-public-text`} className="text-std-17B-170">
            {text('publicText')}
          </label>
          <textarea
            id={`${id}-public-text`}
            aria-describedby={`${id}-publication-hint`}
            rows={3}
            maxLength={5000}
            className={inputClassName}
            value={publicText}
            onChange={(event) => setPublicText(event.target.value)}
          />
          <Button
            className="self-start"
            disabled={action.isPending}
            onClick={() => run({ kind: 'update', body: { isPublic, publicText: publicText.trim() || null } })}
          >
            {text('save')}
          </Button>
        </section>
      ) : null}
    </div>
  );
}
