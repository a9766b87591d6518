import { Link } from '@tanstack/react-router';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useCampaign, useFunnel } from '../api/campaigns';
import { usePlatinumText } from '../messages';
import { FUNNEL_STAGES, type FunnelStage, type Phase, type StageCount } from '../types';
import { CampaignNav } from './campaign-nav';

function countOf(stages: StageCount[], stage: string): number {
  return stages.find((entry) => entry.stage === stage)?.count ?? 0;
}

/** The campaign phase in which ideas normally reach each stage, so the funnel reads against the year's steps. */
const PHASE_OF_STAGE: Record<FunnelStage, Phase> = {
  submitted: 'submission',
  grouped: 'issue_identification',
  sent_on: 'solution_decision',
  decided: 'solution_decision',
  announced: 'response_announcement',
  implemented: 'trial',
};

/** The funnel: how many ideas reached each step, by theme and by rule-owning bureau; days per step; overdue. */
export function FunnelPage({ campaignId }: { campaignId: string }) {
  const text = usePlatinumText();
  const { language } = useLanguage();
  const campaign = useCampaign(campaignId);
  const funnel = useFunnel(campaignId);
  useDocumentTitle(text('funnel'));
  if (funnel.isPending) return <Loading />;
  if (funnel.isError) return <QueryError error={funnel.error} onRetry={() => void funnel.refetch()} />;
  const data = funnel.data;
  const max = Math.max(1, countOf(data.stages, 'submitted'));
  // 「8月・PTによる課題等の洗い出し」: when the campaign planned the step, if it set the phase.
  const phaseLabel = (stage: FunnelStage) => {
    const phase = campaign.data?.phases.find((item) => item.phase === PHASE_OF_STAGE[stage]);
    return phase ? `${phase.label[language]}・${text(`phase.${phase.phase}`)}` : null;
  };
  const stageHeader = (
    <tr className="border-b-2 border-solid-gray-900">
      <th scope="col" className="p-2" />
      {FUNNEL_STAGES.map((stage) => (
        <th key={stage} scope="col" className="p-2">
          {text(`stage.${stage}`)}
        </th>
      ))}
    </tr>
  );
  return (
    <div className="flex flex-col gap-8">
      <PageHeading lead={text('funnelLead')}>{text('funnel')}</PageHeading>
      {campaign.data ? <CampaignNav campaign={campaign.data} /> : null}
      <section aria-labelledby="funnel-overall" className="flex flex-col gap-3">
        <h2 id="funnel-overall" className="text-std-20B-150">
          {text('funnel')}
        </h2>
        <ol className="flex flex-col gap-2">
          {data.stages.map((entry) => (
            <li key={entry.stage} className="grid grid-cols-[14rem_1fr_4rem] items-center gap-3">
              <span className="flex flex-col">
                <span className="text-std-16N-170">{text(`stage.${entry.stage}`)}</span>
                {phaseLabel(entry.stage) ? (
                  <span className="text-dns-14N-130 text-solid-gray-700">{phaseLabel(entry.stage)}</span>
                ) : null}
              </span>
              <meter
                min={0}
                max={max}
                value={entry.count}
                className="h-6 w-full"
                aria-label={text(`stage.${entry.stage}`)}
              >
                {entry.count}
              </meter>
              <span className="text-right text-std-16B-170">{entry.count}</span>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="funnel-theme" className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-std-16N-170">
          <caption id="funnel-theme" className="mb-2 text-left text-std-20B-150">
            {text('byTheme')}
          </caption>
          <thead>{stageHeader}</thead>
          <tbody>
            {data.byTheme.map((row) => (
              <tr key={row.theme} className="border-b border-solid-gray-300">
                <th scope="row" className="p-2 text-left">
                  {text(`theme.${row.theme}`)}
                </th>
                {FUNNEL_STAGES.map((stage) => (
                  <td key={stage} className="p-2">
                    {countOf(row.stages, stage)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="funnel-bureau" className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-std-16N-170">
          <caption id="funnel-bureau" className="mb-2 text-left text-std-20B-150">
            {text('byBureau')}
          </caption>
          <thead>{stageHeader}</thead>
          <tbody>
            {data.byBureau.map((row) => (
              <tr key={row.orgUnit?.id ?? 'none'} className="border-b border-solid-gray-300">
                <th scope="row" className="p-2 text-left">
                  {row.orgUnit?.name ?? text('notAssigned')}
                </th>
                {FUNNEL_STAGES.map((stage) => (
                  <td key={stage} className="p-2">
                    {countOf(row.stages, stage)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="overflow-x-auto">
        <table className="border-collapse text-left text-std-16N-170">
          <caption className="mb-2 text-left text-std-20B-150">{text('stepDurations')}</caption>
          <thead>
            <tr className="border-b-2 border-solid-gray-900">
              <th scope="col" className="p-2">
                {text('step')}
              </th>
              <th scope="col" className="p-2">
                {text('averageDays')}
              </th>
              <th scope="col" className="p-2">
                {text('passed')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.stepDurations.map((row) => (
              <tr key={row.step} className="border-b border-solid-gray-300">
                <th scope="row" className="p-2 text-left font-normal">
                  {text(`step.${row.step}` as 'step.submitted_to_grouped')}
                </th>
                <td className="p-2">
                  {row.averageDays === null ? '—' : text('days', { value: row.averageDays })}
                </td>
                <td className="p-2">{row.passed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="funnel-overdue" className="flex flex-col gap-2">
        <h2 id="funnel-overdue" className="text-std-20B-150">
          {text('overdueTitle')}
        </h2>
        {data.overdue.length === 0 ? <p>{text('noOverdue')}</p> : null}
        <ul className="list-disc pl-6">
          {data.overdue.map((row) => (
            <li key={row.issueId}>
              <Link to="/platinum/issues/$issueId" params={{ issueId: row.issueId }} className="link">
                {text('number', { number: row.number })} {row.title}
              </Link>
              ：{row.orgUnit.name}・
              {row.dueOn
                ? text('dueLabel', { date: formatDate(row.dueOn, language, { weekday: false }) })
                : ''}
              ・<strong className="text-error-2">{text('daysOverdue', { days: row.daysOverdue })}</strong>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
