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
import type { Breakdown, Dashboard, MeetingFigure } from '../types';
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
        <p>
          {text('section.analyses.effects', {
            planned: yenText(analyses.effects.planned, language),
            actual: yenText(analyses.effects.actual, language),
            count: analyses.effects.analysesWithEffects,
          })}
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
        <NextMeetingDue meeting={meetings.next} />
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
        <p>
          {text('meetings.decisions')}{' '}
          <FigureLink
            count={meetings.decisions}
            label={text('meetings.decisions')}
            metric="meetings"
            recordKey="decisions"
            {...scope}
          />
          {' ・ '}
          {text('meetings.actionsOpen')}{' '}
          <FigureLink
            count={meetings.actions.open}
            label={text('meetings.actionsOpen')}
            metric="meetings"
            recordKey="actions:open"
            {...scope}
          />
          {'（'}
          {text('meetings.actionsOverdue')}{' '}
          <FigureLink
            count={meetings.actions.overdue}
            label={text('meetings.actionsOverdue')}
            metric="meetings"
            recordKey="actions:overdue"
            {...scope}
          />
          {'）'}
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
                <th scope="col" className="whitespace-nowrap px-2 py-1 text-left">
                  {text('column.planned')}
                </th>
                <th scope="col" className="whitespace-nowrap px-2 py-1 text-left">
                  {text('column.heldOn')}
                </th>
                <th scope="col" className="px-2 py-1 text-left">
                  {text('column.reports')}
                </th>
                <th scope="col" className="whitespace-nowrap px-2 py-1 text-right">
                  {text('column.decisions')}
                </th>
                <th scope="col" className="whitespace-nowrap px-2 py-1 text-right">
                  {text('column.openActions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {meetings.items.map((meeting) => (
                <tr key={meeting.id} className="border-b border-solid-gray-200">
                  <th scope="row" className="whitespace-nowrap py-1 pr-3 text-left font-normal">
                    <Link to={recordHref({ type: 'meeting', id: meeting.id }) as never} className="link">
                      {meeting.title}
                    </Link>
                  </th>
                  <td className="whitespace-nowrap px-2 py-1">{meeting.plannedLabel[language]}</td>
                  <td className="whitespace-nowrap px-2 py-1">
                    {meeting.isHeld ? meeting.spanLabel[language] : text('planned')}
                  </td>
                  <td className="px-2 py-1">
                    <MeetingReports meeting={meeting} />
                  </td>
                  <td className="px-2 py-1 text-right tabular-nums">{meeting.decisionCount}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{meeting.openActionCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <BreakdownChart
          title={text('meetings.actionsByStatus')}
          items={meetings.actions.byStatus}
          metric="meetings"
          keyOf={(key) => `actions:status:${key}`}
          {...scope}
        />
      </Section>

      <Section title={text('section.policies')} isAvailable={policies.isAvailable}>
        <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <BreakdownChart
            title={text('policies.byStatus')}
            items={policies.byStatus}
            metric="policies"
            keyOf={(key) => `status:${key}`}
            isAvailable={policies.isAvailable}
            {...scope}
          />
          <PoliciesByBureau policies={policies.byBureau} />
        </div>
      </Section>

      <Section title={text('section.platinum')} isAvailable={platinum.isAvailable}>
        <PlatinumFigures platinum={platinum} scope={scope} />
      </Section>

      <div className="grid gap-8 lg:grid-cols-2">
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

type Scope = { fiscalYear: number; orgUnitId: string | undefined };

/** What the next X meeting is to hear from the analyses, each linking to its analysis. */
function NextMeetingDue({ meeting }: { meeting: Dashboard['meetings']['next'] }) {
  const text = useDashboardText();
  const { language } = useLanguage();
  const headingId = useId();
  if (!meeting) return null;
  if (meeting.analysesDue.length === 0) return <p>{text('section.analyses.noneDue')}</p>;
  return (
    <div>
      <h3 id={headingId} className="text-std-17B-170">
        {text('section.analyses.nextDue', { title: meeting.title, when: meeting.plannedLabel[language] })}
      </h3>
      <ul aria-labelledby={headingId} className="ml-6 list-disc">
        {meeting.analysesDue.map((due) => (
          <li key={`${due.analysisId}-${due.stage}`}>
            <Link to={recordHref({ type: 'analysis', id: due.analysisId }) as never} className="link">
              {due.label}
            </Link>
            （{due.stageLabel[language]}
            {due.isReported ? `・${text('due.reported')}` : ''}）
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What a meeting reported; for a meeting not yet held, the analysis reports planned for it. */
function MeetingReports({ meeting }: { meeting: MeetingFigure }) {
  const text = useDashboardText();
  const { language } = useLanguage();
  if (meeting.reports.length) {
    return (
      <ul>
        {meeting.reports.map((report) => (
          <li key={`${report.link?.id ?? ''}-${report.title}`}>
            {report.link ? (
              <Link to={recordHref(report.link) as never} className="link">
                {report.title}
              </Link>
            ) : (
              report.title
            )}
          </li>
        ))}
      </ul>
    );
  }
  if (meeting.analysesDue.length) {
    return (
      <p>
        <span className="text-solid-gray-700">{text('column.due')}：</span>
        {meeting.analysesDue.map((due) => `${due.label}（${due.stageLabel[language]}）`).join('、')}
      </p>
    );
  }
  return <>—</>;
}

/** Each bureau's policy of the year and the state of its latest version. */
function PoliciesByBureau({ policies }: { policies: Dashboard['policies']['byBureau'] }) {
  const text = useDashboardText();
  const { language } = useLanguage();
  if (policies.length === 0) return <p>{text('policies.none')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-std-16N-170">
        <caption className="mb-1 text-left text-std-17B-170">{text('policies.byBureau')}</caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-420">
            <th scope="col" className="py-1 pr-3 text-left">
              {text('column.orgUnit')}
            </th>
            <th scope="col" className="px-2 py-1 text-left">
              {text('column.policyTitle')}
            </th>
            <th scope="col" className="px-2 py-1 text-left">
              {text('column.status')}
            </th>
          </tr>
        </thead>
        <tbody>
          {policies.map((policy) => (
            <tr key={policy.policyId} className="border-b border-solid-gray-200">
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                {policy.orgUnit.name}
              </th>
              <td className="px-2 py-1">
                <Link
                  to={recordHref({ type: 'bureau_policy', id: policy.policyId }) as never}
                  className="link"
                >
                  {policy.title}
                </Link>
              </td>
              <td className="px-2 py-1">{policy.statusLabel[language]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The Platinum funnel: ideas that reached each stage overall and by theme, by bureau, days per step, overdue. */
function PlatinumFigures({ platinum, scope }: { platinum: Dashboard['platinum']; scope: Scope }) {
  const text = useDashboardText();
  const { language } = useLanguage();
  const countIn = (funnel: Breakdown[], key: string) => funnel.find((entry) => entry.key === key)?.count ?? 0;
  return (
    <>
      {platinum.campaignTitle ? <p lang="ja">{platinum.campaignTitle}</p> : null}
      <BreakdownChart
        title={text('platinum.funnel')}
        items={platinum.funnel}
        metric="platinum"
        keyOf={(key) => `stage:${key}`}
        isAvailable={platinum.isAvailable}
        {...scope}
      />
      {platinum.isAvailable ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-std-16N-170">
              <caption className="mb-1 text-left text-std-17B-170">{text('platinum.byTheme')}</caption>
              <thead>
                <tr className="border-b-2 border-solid-gray-420">
                  <th scope="col" className="py-1 pr-3 text-left">
                    {text('column.stage')}
                  </th>
                  {platinum.byTheme.map((theme) => (
                    <th key={theme.key} scope="col" className="px-2 py-1 text-right">
                      {theme.label[language]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {platinum.funnel.map((stage) => (
                  <tr key={stage.key} className="border-b border-solid-gray-200">
                    <th scope="row" className="py-1 pr-3 text-left font-normal">
                      {stage.label[language]}
                    </th>
                    {platinum.byTheme.map((theme) => (
                      <td key={theme.key} className="px-2 py-1 text-right">
                        <FigureLink
                          count={countIn(theme.funnel, stage.key)}
                          label={`${theme.label[language]} ${stage.label[language]}`}
                          metric="platinum"
                          recordKey={`theme:${theme.key}:stage:${stage.key}`}
                          {...scope}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-std-16N-170">
              <caption className="mb-1 text-left text-std-17B-170">{text('platinum.byBureau')}</caption>
              <thead>
                <tr className="border-b-2 border-solid-gray-420">
                  <th scope="col" className="py-1 pr-3 text-left">
                    {text('column.orgUnit')}
                  </th>
                  {platinum.funnel.slice(2).map((stage) => (
                    <th key={stage.key} scope="col" className="px-2 py-1 text-right">
                      {stage.label[language]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {platinum.byBureau
                  .filter((bureau) => bureau.orgUnit !== null)
                  .map((bureau) => (
                    <tr key={bureau.orgUnit!.id} className="border-b border-solid-gray-200">
                      <th scope="row" className="py-1 pr-3 text-left font-normal">
                        {bureau.orgUnit!.name}
                      </th>
                      {platinum.funnel.slice(2).map((stage) => (
                        <td key={stage.key} className="px-2 py-1 text-right tabular-nums">
                          {formatCount(countIn(bureau.funnel, stage.key), language)}
                        </td>
                      ))}
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          <div>
            <h3 className="text-std-17B-170">{text('platinum.steps')}</h3>
            <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
              {platinum.stepDurations.map((step) => (
                <div key={step.step} className="contents">
                  <dt>{step.label[language]}</dt>
                  <dd className="tabular-nums">
                    {step.averageDays === null
                      ? text('platinum.noDays')
                      : text('platinum.days', { days: step.averageDays, count: step.passed })}
                  </dd>
                </div>
              ))}
            </dl>
          </div>
          <p>
            {text('platinum.overdue')}{' '}
            <FigureLink
              count={platinum.overdue}
              label={text('platinum.overdue')}
              metric="platinum"
              recordKey="overdue"
              {...scope}
            />
          </p>
        </div>
      ) : null}
    </>
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
