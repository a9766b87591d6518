import { Link } from '@tanstack/react-router';
import { type ReactNode, useId } from 'react';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatCount } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useDashboard } from '../api/dashboard';
import { useDashboardText } from '../messages';
import type { Dashboard } from '../types';
import { recordHref } from '../utils/record-links';
import { BreakdownChart, FigureLink } from './breakdown-chart';
import { DashboardFilters } from './dashboard-filters';
import { ProgressSubnav } from './progress-subnav';
import { ReportDownloads } from './report-downloads';

function Section({
  title,
  children,
  isAvailable = true,
}: {
  title: string;
  children: ReactNode;
  isAvailable?: boolean;
}) {
  const text = useDashboardText();
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 p-4 md:p-6"
    >
      <h2 id={headingId} className="text-std-24B-150">
        {title}
        {isAvailable ? null : (
          <span className="ml-3 text-std-16N-170 text-solid-gray-700">（{text('notYet')}）</span>
        )}
      </h2>
      {isAvailable ? null : <p className="text-solid-gray-700">{text('notYetLong')}</p>}
      {children}
    </section>
  );
}

/** Whole yen as 12,345,000円 (the server sends decimal strings). */
function yenText(value: string, language: 'ja' | 'en'): string {
  const amount = BigInt(value);
  const digits = (amount < 0n ? -amount : amount).toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB');
  return `${amount < 0n ? '▲' : ''}${digits}円`;
}

function Figures({ dashboard, orgUnitId }: { dashboard: Dashboard; orgUnitId: string | undefined }) {
  const text = useDashboardText();
  const { language } = useLanguage();
  const fy = dashboard.fiscalYear;
  const scope = { fiscalYear: fy, orgUnitId };
  const { analyses, meetings, policies, initiatives, effects, platinum, needs } = dashboard;
  return (
    <div className="flex flex-col gap-8">
      <Section title={text('section.analyses')}>
        <p>
          {text('section.analyses.summary', {
            clusters: analyses.clusterCount,
            targets: analyses.targetCount,
            year: language === 'ja' ? `${fy}年度` : `FY${fy}`,
          })}{' '}
          <FigureLink
            count={analyses.targetCount}
            label={text('column.targets')}
            metric="analyses"
            recordKey="targets"
            {...scope}
          />
        </p>
        <BreakdownChart
          title={text('section.analyses.byStage')}
          items={analyses.byStage}
          metric="analyses"
          keyOf={(key) => `stage:${key}`}
          {...scope}
        />
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-std-16N-170">
            <caption className="mb-1 text-left text-std-17B-170">{text('section.analyses.byGroup')}</caption>
            <thead>
              <tr className="border-b-2 border-solid-gray-420">
                <th scope="col" className="py-1 pr-3 text-left">
                  {text('column.group')}
                </th>
                <th scope="col" className="px-2 py-1 text-right">
                  {text('column.clusters')}
                </th>
                <th scope="col" className="px-2 py-1 text-right">
                  {text('column.targets')}
                </th>
                {analyses.byStage.map((stage) => (
                  <th key={stage.key} scope="col" className="px-2 py-1 text-right">
                    {stage.label[language]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {analyses.byGroup.map((group) => (
                <tr key={group.key} className="border-b border-solid-gray-200">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    {group.label[language]}
                    {group.subtitle ? (
                      <span className="text-solid-gray-700">（{group.subtitle}）</span>
                    ) : null}
                  </th>
                  <td className="px-2 py-1 text-right">
                    <FigureLink
                      count={group.clusterCount}
                      label={`${group.label[language]} ${text('column.clusters')}`}
                      metric="clusters"
                      recordKey={`group:${group.key}`}
                      {...scope}
                    />
                  </td>
                  <td className="px-2 py-1 text-right">
                    <FigureLink
                      count={group.targetCount}
                      label={`${group.label[language]} ${text('column.targets')}`}
                      metric="analyses"
                      recordKey={`group:${group.key}`}
                      {...scope}
                    />
                  </td>
                  {group.byStage.map((stage) => (
                    <td key={stage.key} className="px-2 py-1 text-right">
                      <FigureLink
                        count={stage.count}
                        label={`${group.label[language]} ${stage.label[language]}`}
                        metric="analyses"
                        recordKey={`group:${group.key}:stage:${stage.key}`}
                        {...scope}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <Section title={text('section.meetings')}>
        <p>
          {text('held')}{' '}
          <FigureLink
            count={meetings.held}
            label={text('held')}
            metric="meetings"
            recordKey="held"
            {...scope}
          />
          {' ・ '}
          {text('planned')}{' '}
          <FigureLink
            count={meetings.planned}
            label={text('planned')}
            metric="meetings"
            recordKey="planned"
            {...scope}
          />
        </p>
        {meetings.next ? (
          <p>
            {text('nextMeeting', { title: meetings.next.title, when: meetings.next.plannedLabel[language] })}
          </p>
        ) : null}
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-std-16N-170">
            <caption className="sr-only">{text('section.meetings')}</caption>
            <thead>
              <tr className="border-b-2 border-solid-gray-420">
                <th scope="col" className="py-1 pr-3 text-left">
                  {text('column.meeting')}
                </th>
                <th scope="col" className="px-2 py-1 text-left">
                  {text('column.planned')}
                </th>
                <th scope="col" className="px-2 py-1 text-left">
                  {text('column.heldOn')}
                </th>
                <th scope="col" className="px-2 py-1 text-left">
                  {text('column.reports')}
                </th>
              </tr>
            </thead>
            <tbody>
              {meetings.items.map((meeting) => (
                <tr key={meeting.id} className="border-b border-solid-gray-200">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    <Link to={recordHref({ type: 'meeting', id: meeting.id }) as never} className="link">
                      {meeting.title}
                    </Link>
                  </th>
                  <td className="px-2 py-1">{meeting.plannedLabel[language]}</td>
                  <td className="px-2 py-1">
                    {meeting.isHeld ? meeting.spanLabel[language] : text('planned')}
                  </td>
                  <td className="px-2 py-1">
                    {meeting.reports.length ? meeting.reports.map((report) => report.title).join('、') : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <div className="grid gap-8 lg:grid-cols-2">
        <Section title={text('section.policies')} isAvailable={policies.isAvailable}>
          <BreakdownChart
            title={text('section.policies')}
            items={policies.byStatus}
            metric="policies"
            keyOf={(key) => `status:${key}`}
            isAvailable={policies.isAvailable}
            {...scope}
          />
        </Section>
        <Section title={text('section.initiatives')} isAvailable={initiatives.isAvailable}>
          <BreakdownChart
            title={text('section.initiatives.byStatus')}
            items={initiatives.byStatus}
            metric="initiatives"
            keyOf={(key) => `status:${key}`}
            isAvailable={initiatives.isAvailable}
            {...scope}
          />
          <BreakdownChart
            title={text('section.initiatives.byHealth')}
            items={initiatives.byHealth}
            metric="initiatives"
            keyOf={(key) => `health:${key}`}
            isAvailable={initiatives.isAvailable}
            {...scope}
          />
          <p>
            {text('section.initiatives.stale')}{' '}
            <FigureLink
              count={initiatives.stale}
              label={text('section.initiatives.stale')}
              metric="initiatives"
              recordKey="stale"
              isAvailable={initiatives.isAvailable}
              {...scope}
            />
          </p>
        </Section>
        <Section title={text('section.effects')} isAvailable={effects.isAvailable}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
            <dt>{text('effects.planned')}</dt>
            <dd>
              <Link
                to="/progress/records"
                search={{ ...searchOf(scope), metric: 'effects', key: 'planned' }}
                className="link"
              >
                {yenText(effects.planned, language)}
              </Link>
            </dd>
            <dt>{text('effects.actual')}</dt>
            <dd>
              <Link
                to="/progress/records"
                search={{ ...searchOf(scope), metric: 'effects', key: 'actual' }}
                className="link"
              >
                {yenText(effects.actual, language)}
              </Link>
            </dd>
            <dt>{text('effects.total')}</dt>
            <dd>
              <Link
                to="/progress/records"
                search={{ ...searchOf(scope), metric: 'effects', key: 'all' }}
                className="link"
              >
                {yenText(effects.total, language)}
              </Link>
            </dd>
            <dt>{text('effects.target')}</dt>
            <dd>
              {effects.target
                ? `${effects.target.name} ${yenText(effects.target.amount, language)}（${effects.target.startFiscalYear}〜${effects.target.endFiscalYear}）`
                : text('effects.noTarget')}
            </dd>
            {effects.percentOfTarget !== null ? (
              <>
                <dt>{text('effects.percent')}</dt>
                <dd>{effects.percentOfTarget}%</dd>
              </>
            ) : null}
          </dl>
        </Section>
        <Section title={text('section.platinum')} isAvailable={platinum.isAvailable}>
          {platinum.campaignTitle ? <p lang="ja">{platinum.campaignTitle}</p> : null}
          <BreakdownChart
            title={text('section.platinum')}
            items={platinum.funnel}
            metric="platinum"
            keyOf={(key) => `stage:${key}`}
            isAvailable={platinum.isAvailable}
            {...scope}
          />
        </Section>
        <Section title={text('section.needs')} isAvailable={needs.isAvailable}>
          <BreakdownChart
            title={text('section.needs.bySide')}
            items={needs.bySide}
            metric="needs"
            keyOf={(key) => `side:${key}`}
            isAvailable={needs.isAvailable}
            {...scope}
          />
          <BreakdownChart
            title={text('section.needs.byStatus')}
            items={needs.byStatus}
            metric="needs"
            keyOf={(key) => `status:${key}`}
            isAvailable={needs.isAvailable}
            {...scope}
          />
          <p className="text-solid-gray-700">{formatCount(needs.total, language)}</p>
        </Section>
      </div>
    </div>
  );
}

function searchOf(scope: { fiscalYear: number; orgUnitId: string | undefined }) {
  return { fy: scope.fiscalYear, orgUnit: scope.orgUnitId };
}

/** 進捗状況: the progress dashboard of a year, every number a link to the records behind it. */
export function DashboardPage({
  fiscalYear,
  orgUnitId,
  onScopeChange,
}: {
  fiscalYear?: number | undefined;
  orgUnitId?: string | undefined;
  onScopeChange: (next: { fiscalYear: number; orgUnitId: string | undefined }) => void;
}) {
  const text = useDashboardText();
  const dashboard = useDashboard({ fiscalYear, orgUnitId });
  useDocumentTitle(text('title'));
  return (
    <>
      <PageHeading lead={text('lead')}>{text('title')}</PageHeading>
      <ProgressSubnav fiscalYear={dashboard.data?.fiscalYear ?? fiscalYear} />
      {dashboard.isPending ? <Loading /> : null}
      {dashboard.isError ? (
        <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : null}
      {dashboard.data ? (
        <div className="flex flex-col gap-8">
          <DashboardFilters
            key={`${dashboard.data.fiscalYear}-${orgUnitId ?? ''}`}
            fiscalYear={dashboard.data.fiscalYear}
            orgUnitId={orgUnitId}
            onApply={onScopeChange}
          />
          {dashboard.data.orgUnit ? (
            <Alert tone="info">{text('scopeNote', { unit: dashboard.data.orgUnit.name })}</Alert>
          ) : null}
          <Figures dashboard={dashboard.data} orgUnitId={orgUnitId} />
          <ReportDownloads fiscalYear={dashboard.data.fiscalYear} />
        </div>
      ) : null}
    </>
  );
}
