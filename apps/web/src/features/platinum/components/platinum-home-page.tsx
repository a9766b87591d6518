import { Link } from '@tanstack/react-router';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { useMe } from '@/features/auth/api/get-me';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { hasAnyRole } from '@/lib/authorization';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useCampaigns } from '../api/campaigns';
import { usePlatinumText } from '../messages';
import { CreateCampaignForm } from './create-campaign-form';

/** プラチナ市役所プロジェクト: every campaign, newest first, with its current step. */
export function PlatinumHomePage() {
  const text = usePlatinumText();
  const { language } = useLanguage();
  const campaigns = useCampaigns();
  const me = useMe();
  useDocumentTitle(text('title'));
  return (
    <div className="flex flex-col gap-6">
      <PageHeading lead={text('lead')}>{text('title')}</PageHeading>
      {/* The bureau's inbox, for those who answer issues for a bureau; お知らせ is in the header. */}
      {hasAnyRole(me.data, ['department_staff', 'bureau_head']) ? (
        <p>
          <Link to="/platinum/assigned" className="link text-std-16N-170">
            {text('assigned')}
          </Link>
        </p>
      ) : null}
      <h2 className="text-std-20B-150 text-solid-gray-900">{text('campaigns')}</h2>
      {campaigns.isPending ? <Loading /> : null}
      {campaigns.isError ? (
        <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : null}
      {campaigns.data?.items.length === 0 ? <p>{text('noCampaigns')}</p> : null}
      <ul className="grid gap-4 md:grid-cols-2">
        {campaigns.data?.items.map((campaign) => {
          const current = campaign.phases.filter((phase) => phase.timing === 'current');
          return (
            <li
              key={campaign.id}
              className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 bg-white p-4"
            >
              <h3 className="text-std-18B-160">
                <Link
                  to="/platinum/campaigns/$campaignId"
                  params={{ campaignId: campaign.id }}
                  className="link"
                >
                  {campaign.title}
                </Link>
              </h3>
              <p className="text-std-16N-170 text-solid-gray-800">
                {campaign.fiscalYearLabel}・{text('ideaCount', { count: campaign.ideaCount })}
              </p>
              {current.length > 0 ? (
                <p className="text-std-16N-170 text-solid-gray-800">
                  {text('timing.current')}：
                  {current
                    .map((phase) => `${text(`phase.${phase.phase}`)}（${phase.label[language]}）`)
                    .join('、')}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {campaigns.data?.viewer.canCreate ? <CreateCampaignForm /> : null}
    </div>
  );
}
