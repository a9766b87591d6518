import { Link } from '@tanstack/react-router';
import { usePlatinumText } from '../messages';
import type { Campaign } from '../types';

const linkClass = 'link text-std-16N-170';

/** Links between a campaign's screens; the current one is marked with aria-current. */
export function CampaignNav({ campaign }: { campaign: Campaign }) {
  const text = usePlatinumText();
  const params = { campaignId: campaign.id };
  const active = { className: 'font-bold no-underline', 'aria-current': 'page' as const };
  return (
    <nav aria-label={campaign.title} className="border-b border-solid-gray-200 pb-3">
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link
            to="/platinum/campaigns/$campaignId"
            params={params}
            activeOptions={{ exact: true }}
            activeProps={active}
            className={linkClass}
          >
            {campaign.title}
          </Link>
        </li>
        <li>
          <Link
            to="/platinum/campaigns/$campaignId/ideas"
            params={params}
            activeOptions={{ exact: true }}
            activeProps={active}
            className={linkClass}
          >
            {text('ideaList')}
          </Link>
        </li>
        {campaign.viewer.canSubmit ? (
          <li>
            <Link
              to="/platinum/campaigns/$campaignId/ideas/new"
              params={params}
              activeProps={active}
              className={linkClass}
            >
              {text('submitIdea')}
            </Link>
          </li>
        ) : null}
        {campaign.viewer.canTriage ? (
          <li>
            <Link
              to="/platinum/campaigns/$campaignId/triage"
              params={params}
              activeProps={active}
              className={linkClass}
            >
              {text('triage')}
            </Link>
          </li>
        ) : null}
        <li>
          <Link
            to="/platinum/campaigns/$campaignId/board"
            params={params}
            activeProps={active}
            className={linkClass}
          >
            {text('board')}
          </Link>
        </li>
        <li>
          <Link
            to="/platinum/campaigns/$campaignId/funnel"
            params={params}
            activeProps={active}
            className={linkClass}
          >
            {text('funnel')}
          </Link>
        </li>
        {campaign.viewer.canManage ? (
          <li>
            <Link
              to="/platinum/campaigns/$campaignId/edit"
              params={params}
              activeProps={active}
              className={linkClass}
            >
              {text('editCampaign')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
