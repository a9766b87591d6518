import { Link } from '@tanstack/react-router';
import { Alert } from '@/components/ui/alert';
import { buttonClassName } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { ideasCsvUrl, useCampaign } from '../api/campaigns';
import { usePlatinumText } from '../messages';
import { CampaignNav } from './campaign-nav';
import { TeamEditor } from './team-editor';

/** A campaign: its themes, the year's steps with where it stands, the PT and the ways in. */
export function CampaignPage({ campaignId }: { campaignId: string }) {
  const text = usePlatinumText();
  const { language } = useLanguage();
  const campaign = useCampaign(campaignId);
  useDocumentTitle(campaign.data?.title);
  if (campaign.isPending) return <Loading />;
  if (campaign.isError) return <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const data = campaign.data;
  return (
    <div className="flex flex-col gap-6">
      <PageHeading lead={data.description}>{data.title}</PageHeading>
      <CampaignNav campaign={data} />
      <dl className="flex flex-wrap gap-x-8 gap-y-1 text-std-16N-170">
        <div className="flex gap-2">
          <dt className="font-bold">{text('fiscalYear')}</dt>
          <dd>{data.fiscalYearLabel}</dd>
        </div>
        <div className="flex gap-2">
          <dt className="font-bold">{text('themes')}</dt>
          <dd>{data.themes.map((theme) => text(`theme.${theme}`)).join('、')}</dd>
        </div>
        <div className="flex gap-2">
          <dt className="font-bold">{text('ideaCountLabel')}</dt>
          <dd>{text('ideaCount', { count: data.ideaCount })}</dd>
        </div>
      </dl>
      {data.viewer.canSubmit ? (
        <p>
          <Link
            to="/platinum/campaigns/$campaignId/ideas/new"
            params={{ campaignId }}
            className={buttonClassName('primary', 'md', 'no-underline')}
          >
            {text('submitIdea')}
          </Link>
        </p>
      ) : !data.isSubmissionOpen ? (
        <Alert tone="info">{text('submissionClosed')}</Alert>
      ) : null}
      <section aria-labelledby="phases-heading" className="flex flex-col gap-3">
        <h2 id="phases-heading" className="text-std-20B-150">
          {text('phases')}
        </h2>
        <ol className="flex flex-col gap-2">
          {data.phases.map((phase) => (
            <li
              key={phase.phase}
              aria-current={phase.timing === 'current' ? 'step' : undefined}
              className={`flex flex-wrap items-center gap-3 rounded-8 border p-3 ${phase.timing === 'current' ? 'border-2 border-blue-900 bg-blue-50' : 'border-solid-gray-300'}`}
            >
              <span className="min-w-32 text-std-16B-170">{phase.label[language]}</span>
              <span className="text-std-16N-170">{text(`phase.${phase.phase}`)}</span>
              <span className="text-dns-14N-130 rounded-4 border border-solid-gray-600 px-2">
                {text(`timing.${phase.timing}`)}
              </span>
            </li>
          ))}
        </ol>
      </section>
      <TeamEditor campaignId={campaignId} canManage={data.viewer.canManage} />
      <p>
        <a href={ideasCsvUrl(campaignId)} className="link text-std-16N-170" download>
          {text('exportCsv')}
        </a>
      </p>
    </div>
  );
}
