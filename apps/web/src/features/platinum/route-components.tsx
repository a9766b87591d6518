import { getRouteApi } from '@tanstack/react-router';
import { BoardPage } from './components/board-page';
import { CampaignEditPage } from './components/campaign-edit-page';
import { CampaignPage } from './components/campaign-page';
import { FunnelPage } from './components/funnel-page';
import { IdeaFormPage } from './components/idea-form-page';
import { IdeaListPage } from './components/idea-list-page';
import { IdeaPage } from './components/idea-page';
import { IssuePage } from './components/issue-page';
import { TriagePage } from './components/triage-page';

/** The Platinum route components: each reads its URL parameters and renders its page. */

const campaignApi = getRouteApi('/authenticated/platinum/campaigns/$campaignId');
const campaignEditApi = getRouteApi('/authenticated/platinum/campaigns/$campaignId/edit');
const ideasApi = getRouteApi('/authenticated/platinum/campaigns/$campaignId/ideas');
const newIdeaApi = getRouteApi('/authenticated/platinum/campaigns/$campaignId/ideas/new');
const triageApi = getRouteApi('/authenticated/platinum/campaigns/$campaignId/triage');
const boardApi = getRouteApi('/authenticated/platinum/campaigns/$campaignId/board');
const funnelApi = getRouteApi('/authenticated/platinum/campaigns/$campaignId/funnel');
const ideaApi = getRouteApi('/authenticated/platinum/ideas/$ideaId');
const issueApi = getRouteApi('/authenticated/platinum/issues/$issueId');

export function CampaignRoute() {
  return <CampaignPage campaignId={campaignApi.useParams().campaignId} />;
}

export function CampaignEditRoute() {
  return <CampaignEditPage campaignId={campaignEditApi.useParams().campaignId} />;
}

export function IdeasRoute() {
  const { campaignId } = ideasApi.useParams();
  const search = ideasApi.useSearch();
  const navigate = ideasApi.useNavigate();
  return (
    <IdeaListPage
      campaignId={campaignId}
      search={search}
      onSearch={(next) => void navigate({ search: next })}
    />
  );
}

export function NewIdeaRoute() {
  return <IdeaFormPage campaignId={newIdeaApi.useParams().campaignId} />;
}

export function TriageRoute() {
  return <TriagePage campaignId={triageApi.useParams().campaignId} />;
}

export function BoardRoute() {
  return <BoardPage campaignId={boardApi.useParams().campaignId} />;
}

export function FunnelRoute() {
  return <FunnelPage campaignId={funnelApi.useParams().campaignId} />;
}

export function IdeaRoute() {
  return <IdeaPage ideaId={ideaApi.useParams().ideaId} />;
}

export function IssueRoute() {
  return <IssuePage issueId={issueApi.useParams().issueId} />;
}
