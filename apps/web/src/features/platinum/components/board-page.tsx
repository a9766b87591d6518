import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useBoard, useCampaign, useOrgUnitOptions } from '../api/campaigns';
import { usePlatinumText } from '../messages';
import { ISSUE_STATUSES, type IssueStatus, type Theme } from '../types';
import { DecisionBadge, ProgressBadge, ThemeBadge } from './badges';
import { CampaignNav } from './campaign-nav';

/** 「あなたの声から実現したこと」: each issue with its ideas, where it stands, the decision and response. */
export function BoardPage({ campaignId }: { campaignId: string }) {
  const text = usePlatinumText();
  const { language } = useLanguage();
  const campaign = useCampaign(campaignId);
  const [theme, setTheme] = useState<Theme | ''>('');
  const [status, setStatus] = useState<IssueStatus | ''>('');
  const [orgUnit, setOrgUnit] = useState('');
  const orgUnits = useOrgUnitOptions();
  const bureaus = (orgUnits.data?.items ?? []).filter(
    (unit) => unit.level === 'bureau' || unit.level === 'office' || unit.level === 'ward',
  );
  const board = useBoard(campaignId, {
    theme: theme || undefined,
    status: status || undefined,
    orgUnit: orgUnit || undefined,
  });
  useDocumentTitle(text('board'));
  const totals = board.data?.totals;
  return (
    <div className="flex flex-col gap-6">
      <PageHeading lead={text('boardLead')}>{text('board')}</PageHeading>
      {campaign.data ? <CampaignNav campaign={campaign.data} /> : null}
      {totals ? (
        <section aria-labelledby="totals-heading">
          <h2 id="totals-heading" className="sr-only">
            {text('totals')}
          </h2>
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-6">
            {(
              [
                ['totalIdeas', totals.ideaCount],
                ['totalSupporters', totals.supporterCount],
                ['totalBureaus', totals.submitterBureauCount],
                ['totalIssues', totals.issueCount],
                ['totalAssigned', totals.assignedBureauCount],
                ['totalAnnounced', totals.announcedCount],
              ] as const
            ).map(([key, value]) => (
              <div key={key} className="flex flex-col rounded-8 border border-solid-gray-300 p-3">
                <dt className="text-dns-14N-130 text-solid-gray-700">{text(key)}</dt>
                <dd className="text-std-24B-150 text-solid-gray-900">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="sr-only">{text('filters')}</legend>
        <SelectField
          label={text('theme')}
          value={theme}
          onChange={(event) => setTheme(event.target.value as Theme | '')}
          options={[
            { value: '', label: text('allThemes') },
            ...(campaign.data?.themes ?? []).map((value) => ({ value, label: text(`theme.${value}`) })),
          ]}
        />
        <SelectField
          label={text('progress')}
          value={status}
          onChange={(event) => setStatus(event.target.value as IssueStatus | '')}
          options={[
            { value: '', label: text('allStatuses') },
            ...ISSUE_STATUSES.map((value) => ({
              value,
              label: text(value === 'open' ? 'progress.grouped' : `progress.${value}`),
            })),
          ]}
        />
        <SelectField
          label={text('boardBureau')}
          value={orgUnit}
          onChange={(event) => setOrgUnit(event.target.value)}
          options={[
            { value: '', label: text('allBureaus') },
            ...bureaus.map((unit) => ({ value: unit.id, label: unit.name })),
          ]}
        />
      </fieldset>
      {board.isPending ? <Loading /> : null}
      {board.isError ? <QueryError error={board.error} onRetry={() => void board.refetch()} /> : null}
      {board.data?.items.length === 0 ? <p>{text('boardEmpty')}</p> : null}
      <ul className="flex flex-col gap-4" aria-live="polite">
        {board.data?.items.map((item) => (
          <li key={item.id}>
            <article className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-4">
              <div className="flex flex-wrap items-center gap-2">
                <span>{text('number', { number: item.number })}</span>
                <ThemeBadge theme={item.theme} />
                <ProgressBadge progress={item.status} />
                {item.decision ? <DecisionBadge decision={item.decision} /> : null}
              </div>
              <h2 className="text-std-20B-150">
                <Link to="/platinum/issues/$issueId" params={{ issueId: item.id }} className="link">
                  {item.title}
                </Link>
              </h2>
              <div className="grid gap-4 md:grid-cols-2">
                <div>
                  <h3 className="text-std-16B-170">{text('issueIdeas')}</h3>
                  <ul className="list-disc pl-6 text-std-16N-170">
                    {item.ideas.map((idea) => (
                      <li key={idea.id}>
                        <Link to="/platinum/ideas/$ideaId" params={{ ideaId: idea.id }} className="link">
                          {idea.title}
                        </Link>
                        （{text('supports', { count: idea.supportCount })}）
                      </li>
                    ))}
                  </ul>
                </div>
                <div className="flex flex-col gap-2">
                  {item.statusReason ? (
                    <p className="whitespace-pre-wrap text-std-16N-170">
                      {text('reason')}：{item.statusReason}
                    </p>
                  ) : null}
                  {item.assignment ? (
                    <p>{text('assignedTo', { name: item.assignment.orgUnit.name })}</p>
                  ) : null}
                  {item.decisionReason ? (
                    <p className="whitespace-pre-wrap text-std-16N-170">
                      {text('decisionReason')}：{item.decisionReason}
                    </p>
                  ) : null}
                  {item.implementationDateLabel ? (
                    <p>
                      {text('implementationDate')}：{item.implementationDateLabel[language]}
                    </p>
                  ) : null}
                  {item.response ? (
                    <div className="rounded-6 border-l-4 border-blue-900 bg-blue-50 p-3">
                      <p className="text-dns-14N-130 text-solid-gray-700">
                        {item.response.announcedBy
                          ? text('announcedBy', { name: item.response.announcedBy })
                          : text('responseTitle')}
                        {item.response.publishedAt
                          ? `・${text('publishedOn', { date: formatDate(item.response.publishedAt, language, { weekday: false }) })}`
                          : ''}
                      </p>
                      <p className="whitespace-pre-wrap text-std-16N-170">{item.response.body}</p>
                    </div>
                  ) : null}
                </div>
              </div>
            </article>
          </li>
        ))}
      </ul>
    </div>
  );
}
