import { Link } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { inputClassName } from '@/components/ui/form-field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { isApiError } from '@/lib/api-client';
import { useErrorText } from '@/lib/errors';
import { formatDate, todayInTokyo } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useInitiative, useInitiativeAction, useInitiativeEffects } from '../api/initiatives';
import { useInitiativeText } from '../messages';
import {
  CADENCES,
  HEALTHS,
  type Initiative,
  type InitiativeHealth,
  type InitiativeStatus,
  type Milestone,
  STATUSES,
  type UpdateCadence,
} from '../types';
import { filterLabel } from './initiatives-page';
import {
  captionClass,
  cellClass,
  HealthBadge,
  headRowClass,
  rowClass,
  Section,
  StatusBadge,
  TableFrame,
  tableClass,
  thClass,
} from './shared';

const STATUS_LABELS = {
  not_started: ['未着手', 'Not started'],
  in_progress: ['取組中', 'In progress'],
  done: ['完了', 'Done'],
  stopped: ['中止', 'Stopped'],
} as const;
const HEALTH_LABELS = {
  on_track: ['順調', 'On track'],
  at_risk: ['要注意', 'At risk'],
  delayed: ['遅延', 'Delayed'],
} as const;

/** One initiative: where it comes from, its 工程表, progress reports, KPIs and effects. */
export function InitiativePage({ initiativeId }: { initiativeId: string }) {
  const text = useInitiativeText();
  const query = useInitiative(initiativeId);
  useDocumentTitle(query.data?.title ?? text('title'));
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (isApiError(query.error, 404)) return <Alert tone="info" title={text('notFound')} />;
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <InitiativeView initiative={query.data} />;
}

function InitiativeView({ initiative }: { initiative: Initiative }) {
  const text = useInitiativeText();
  const { language } = useLanguage();
  const id = useId();
  const action = useInitiativeAction(initiative.id);
  const errorText = useErrorText();
  const [notice, setNotice] = useState<string | null>(null);
  const run = (call: Parameters<typeof action.mutate>[0]['call'], message: string, then?: () => void) => {
    setNotice(null);
    action.mutate(
      { call, version: initiative.version },
      {
        onSuccess: () => {
          setNotice(message);
          then?.();
        },
      },
    );
  };
  return (
    <div className="flex flex-col gap-8">
      <PageHeading
        lead={
          <span className="flex flex-wrap items-center gap-3">
            <span lang="ja">{initiative.ownerOrgUnit.name}</span>
            <StatusBadge status={initiative.status} label={initiative.statusLabel} />
            <HealthBadge health={initiative.health} label={initiative.healthLabel} />
            {initiative.isUpdateDue ? <Badge tone="target">{text('due')}</Badge> : null}
          </span>
        }
      >
        <span lang="ja">{initiative.title}</span>
      </PageHeading>
      <p>
        <Link to="/initiatives" search={{ fy: initiative.fiscalYear }} className="link">
          {text('backToList')}
        </Link>
      </p>
      {notice ? (
        <Alert tone="success" announce="polite">
          {notice}
        </Alert>
      ) : null}
      {action.isError ? (
        <Alert tone="error" announce="assertive">
          {errorText(action.error)}
        </Alert>
      ) : null}
      <dl className="grid max-w-4xl grid-cols-1 gap-x-6 gap-y-2 md:grid-cols-[12rem_1fr]">
        <dt className="text-std-16B-170">{text('column.source')}</dt>
        <dd>
          {initiative.sourceKindLabel[language]}
          {initiative.sourceLabel ? <span lang="ja">：{initiative.sourceLabel}</span> : null}
        </dd>
        <dt className="text-std-16B-170">{text('clusters')}</dt>
        <dd lang="ja">
          {initiative.clusters.map((cluster) => `${cluster.number} ${cluster.name}`).join('、') || '—'}
        </dd>
        <dt className="text-std-16B-170">{text('column.lastUpdate')}</dt>
        <dd>
          {initiative.lastUpdateOn
            ? formatDate(initiative.lastUpdateOn, language, { weekday: false })
            : text('noReport')}
          （{text('asOf', { date: formatDate(initiative.asOf, language, { weekday: false }) })}：
          {initiative.isUpdateDue ? text('due') : text('notDue')}）
        </dd>
        <dt className="text-std-16B-170">{text('form.cadence')}</dt>
        <dd>{text(`cadence.${initiative.updateCadence}`)}</dd>
        <dt className="text-std-16B-170">{text('column.reportDue')}</dt>
        <dd>
          {initiative.reportDueOn
            ? formatDate(initiative.reportDueOn, language, { weekday: false })
            : text('noReportDue')}
          {initiative.isReportOverdue ? (
            <>
              {' '}
              <Badge tone="target">{text('overdue')}</Badge>
            </>
          ) : null}
        </dd>
        <dt className="text-std-16B-170">{text('summary')}</dt>
        <dd className="whitespace-pre-wrap" lang="ja">
          {initiative.summary || '—'}
        </dd>
      </dl>

      {initiative.permissions.canManage ? (
        <StatusForm
          initiative={initiative}
          isPending={action.isPending}
          onSave={(status, health, updateCadence) =>
            run({ method: 'PATCH', path: '', body: { status, health, updateCadence } }, text('saved'))
          }
        />
      ) : null}

      <Section title={text('updates')} id={`${id}-updates`}>
        {initiative.permissions.canReport ? (
          <ReportForm
            isPending={action.isPending}
            initial={initiative}
            onReport={(report, reset) =>
              run({ method: 'POST', path: '/updates', body: report }, text('reported'), reset)
            }
          />
        ) : null}
        {initiative.updates.length === 0 ? <p>{text('noUpdates')}</p> : null}
        <ol className="flex max-w-4xl flex-col gap-3">
          {initiative.updates.map((update) => (
            <li key={update.id} className="rounded-8 border border-solid-gray-420 p-4">
              <p className="flex flex-wrap items-center gap-3 text-std-16B-170">
                <time dateTime={update.reportedOn}>
                  {formatDate(update.reportedOn, language, { weekday: false })}
                </time>
                <span lang="ja">{update.author?.name ?? ''}</span>
                <span className="text-dns-14N-130">
                  {filterLabel(STATUS_LABELS, update.status, language)}・
                  {filterLabel(HEALTH_LABELS, update.health, language)}
                </span>
              </p>
              <p className="whitespace-pre-wrap" lang="ja">
                {update.body}
              </p>
            </li>
          ))}
        </ol>
      </Section>

      <Section title={text('milestones')} id={`${id}-milestones`}>
        <MilestonesSection
          initiative={initiative}
          isPending={action.isPending}
          onSave={(milestones, done) =>
            run({ method: 'PUT', path: '/milestones', body: { milestones } }, text('saved'), done)
          }
        />
      </Section>

      <Section title={text('kpis')} id={`${id}-kpis`}>
        <KpiSection
          initiative={initiative}
          isPending={action.isPending}
          onRecord={(kpiId, fiscalYear, actual) =>
            run(
              { method: 'PUT', path: `/kpis/${kpiId}/actuals/${fiscalYear}`, body: { actual } },
              text('saved'),
            )
          }
        />
      </Section>

      <EffectsSection initiative={initiative} />
    </div>
  );
}

function StatusForm({
  initiative,
  isPending,
  onSave,
}: {
  initiative: Initiative;
  isPending: boolean;
  onSave: (status: InitiativeStatus, health: InitiativeHealth, updateCadence: UpdateCadence) => void;
}) {
  const text = useInitiativeText();
  const { language } = useLanguage();
  const [status, setStatus] = useState(initiative.status);
  const [health, setHealth] = useState(initiative.health);
  const [cadence, setCadence] = useState(initiative.updateCadence);
  return (
    <form
      className="flex flex-wrap items-end gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(status, health, cadence);
      }}
    >
      <SelectField
        label={text('column.status')}
        value={status}
        onChange={(event) => setStatus(event.target.value as InitiativeStatus)}
        options={STATUSES.map((value) => ({ value, label: filterLabel(STATUS_LABELS, value, language) }))}
      />
      <SelectField
        label={text('column.health')}
        value={health}
        onChange={(event) => setHealth(event.target.value as InitiativeHealth)}
        options={HEALTHS.map((value) => ({ value, label: filterLabel(HEALTH_LABELS, value, language) }))}
      />
      <SelectField
        label={text('form.cadence')}
        value={cadence}
        onChange={(event) => setCadence(event.target.value as UpdateCadence)}
        options={CADENCES.map((value) => ({ value, label: text(`cadence.${value}`) }))}
      />
      <Button type="submit" variant="secondary" disabled={isPending}>
        {text('changeStatus')}
      </Button>
    </form>
  );
}

function ReportForm({
  isPending,
  initial,
  onReport,
}: {
  isPending: boolean;
  initial: Initiative;
  onReport: (
    report: { reportedOn: string; body: string; status: InitiativeStatus; health: InitiativeHealth },
    reset: () => void,
  ) => void;
}) {
  const text = useInitiativeText();
  const { language } = useLanguage();
  const id = useId();
  const [reportedOn, setReportedOn] = useState(todayInTokyo());
  const [body, setBody] = useState('');
  const [status, setStatus] = useState<InitiativeStatus>(
    initial.status === 'not_started' ? 'in_progress' : initial.status,
  );
  const [health, setHealth] = useState<InitiativeHealth>(initial.health);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onReport({ reportedOn, body, status, health }, () => setBody(''));
  };
  return (
    <form
      onSubmit={submit}
      className="flex max-w-4xl flex-col gap-4 rounded-8 border border-solid-gray-420 p-4"
    >
      <h3 className="text-std-20B-150">{text('report')}</h3>
      <div className="flex flex-wrap gap-4">
        <TextField
          label={text('reportedOn')}
          type="date"
          required
          value={reportedOn}
          onChange={(event) => setReportedOn(event.target.value)}
        />
        <SelectField
          label={text('column.status')}
          value={status}
          onChange={(event) => setStatus(event.target.value as InitiativeStatus)}
          options={STATUSES.map((value) => ({ value, label: filterLabel(STATUS_LABELS, value, language) }))}
        />
        <SelectField
          label={text('column.health')}
          value={health}
          onChange={(event) => setHealth(event.target.value as InitiativeHealth)}
          options={HEALTHS.map((value) => ({ value, label: filterLabel(HEALTH_LABELS, value, language) }))}
        />
      </div>
      <div className="flex flex-col gap-2">
        <label htmlFor={`${id}-body`} className="text-std-17B-170">
          {text('body')}
        </label>
        <textarea
          id={`${id}-body`}
          required
          aria-required="true"
          rows={4}
          maxLength={5000}
          className={inputClassName}
          value={body}
          onChange={(event) => setBody(event.target.value)}
        />
      </div>
      <Button type="submit" className="self-start" disabled={isPending || body.trim() === ''}>
        {text('report')}
      </Button>
    </form>
  );
}

type MilestoneDraft = {
  title: string;
  from: { fiscalYear: number; quarter: number };
  to: { fiscalYear: number; quarter: number };
  isDone: boolean;
};

function MilestonesSection({
  initiative,
  isPending,
  onSave,
}: {
  initiative: Initiative;
  isPending: boolean;
  onSave: (milestones: MilestoneDraft[], done: () => void) => void;
}) {
  const text = useInitiativeText();
  const [drafts, setDrafts] = useState<MilestoneDraft[] | null>(null);
  const years = Array.from({ length: 6 }, (_, offset) => initiative.fiscalYear - 1 + offset);
  const quarterFields = (
    label: string,
    value: { fiscalYear: number; quarter: number },
    change: (next: { fiscalYear: number; quarter: number }) => void,
  ) => (
    <fieldset className="flex gap-2">
      <legend className="text-std-16B-170">{label}</legend>
      <SelectField
        label={text('fiscalYear')}
        value={String(value.fiscalYear)}
        onChange={(event) => change({ ...value, fiscalYear: Number(event.target.value) })}
        options={years.map((year) => ({ value: String(year), label: `${year}年度` }))}
      />
      <SelectField
        label={text('quarter')}
        value={String(value.quarter)}
        onChange={(event) => change({ ...value, quarter: Number(event.target.value) })}
        options={[1, 2, 3, 4].map((quarter) => ({
          value: String(quarter),
          label: text('quarterOption', { number: quarter }),
        }))}
      />
    </fieldset>
  );
  if (drafts) {
    return (
      <form
        className="flex max-w-5xl flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          onSave(
            drafts.filter((draft) => draft.title.trim() !== ''),
            () => setDrafts(null),
          );
        }}
      >
        {drafts.map((draft, index) => {
          const number = index + 1;
          const update = (changes: Partial<MilestoneDraft>) =>
            setDrafts(drafts.map((entry, at) => (at === index ? { ...entry, ...changes } : entry)));
          return (
            <fieldset
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              key={index}
              className="flex flex-wrap items-end gap-4 rounded-8 border border-solid-gray-420 p-4"
            >
              <legend className="px-1 text-std-16B-170">{text('milestone.row', { number })}</legend>
              <TextField
                label={text('milestone.title')}
                value={draft.title}
                maxLength={200}
                onChange={(event) => update({ title: event.target.value })}
              />
              {quarterFields(text('milestone.from'), draft.from, (from) => update({ from }))}
              {quarterFields(text('milestone.to'), draft.to, (to) => update({ to }))}
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  className="size-5"
                  checked={draft.isDone}
                  onChange={(event) => update({ isDone: event.target.checked })}
                />
                {text('milestone.done')}
              </label>
              <Button
                variant="tertiary"
                size="xs"
                onClick={() => setDrafts(drafts.filter((_, at) => at !== index))}
              >
                {text('milestone.remove', { number })}
              </Button>
            </fieldset>
          );
        })}
        <div className="flex flex-wrap gap-4">
          <Button
            variant="secondary"
            size="sm"
            onClick={() =>
              setDrafts([
                ...drafts,
                {
                  title: '',
                  from: { fiscalYear: initiative.fiscalYear, quarter: 1 },
                  to: { fiscalYear: initiative.fiscalYear, quarter: 1 },
                  isDone: false,
                },
              ])
            }
          >
            {text('milestone.add')}
          </Button>
          <Button type="submit" disabled={isPending}>
            {text('save')}
          </Button>
          <Button variant="secondary" onClick={() => setDrafts(null)}>
            {text('cancel')}
          </Button>
        </div>
      </form>
    );
  }
  return (
    <>
      {initiative.milestones.length === 0 ? (
        <p>{text('noMilestones')}</p>
      ) : (
        <MilestoneList title={initiative.title} milestones={initiative.milestones} />
      )}
      {initiative.permissions.canManage ? (
        <Button
          variant="secondary"
          className="self-start"
          onClick={() =>
            setDrafts(
              initiative.milestones.map(({ title, from, to, isDone }) => ({ title, from, to, isDone })),
            )
          }
        >
          {text('editMilestones')}
        </Button>
      ) : null}
    </>
  );
}

function MilestoneList({ title, milestones }: { title: string; milestones: Milestone[] }) {
  const text = useInitiativeText();
  return (
    <TableFrame>
      <table className={`${tableClass} max-w-4xl`}>
        <caption className={captionClass}>{text('milestonesCaption', { title })}</caption>
        <thead>
          <tr className={headRowClass}>
            <th scope="col" className={thClass}>
              {text('milestone.title')}
            </th>
            <th scope="col" className={thClass}>
              {text('milestone.when')}
            </th>
            <th scope="col" className={thClass}>
              {text('milestone.done')}
            </th>
          </tr>
        </thead>
        <tbody>
          {milestones.map((milestone) => (
            <tr key={milestone.id} className={rowClass}>
              <th scope="row" className={`${cellClass} font-normal`} lang="ja">
                {milestone.title}
              </th>
              <td className={cellClass}>{milestone.label}</td>
              <td className={cellClass}>
                {milestone.isDone ? text('milestone.doneMark') : text('milestone.openMark')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}

function KpiSection({
  initiative,
  isPending,
  onRecord,
}: {
  initiative: Initiative;
  isPending: boolean;
  onRecord: (kpiId: string, fiscalYear: number, actual: string) => void;
}) {
  const text = useInitiativeText();
  const [actuals, setActuals] = useState<Record<string, string>>({});
  if (initiative.kpis.length === 0) return <p>{text('noKpis')}</p>;
  return (
    <TableFrame>
      <table className={`${tableClass} max-w-5xl`}>
        <caption className={captionClass}>{text('kpisCaption', { title: initiative.title })}</caption>
        <thead>
          <tr className={headRowClass}>
            <th scope="col" className={thClass}>
              {text('kpi.name')}
            </th>
            <th scope="col" className={thClass}>
              {text('kpi.year')}
            </th>
            <th scope="col" className={thClass}>
              {text('kpi.baseline')}
            </th>
            <th scope="col" className={thClass}>
              {text('kpi.target')}
            </th>
            <th scope="col" className={thClass}>
              {text('kpi.actual')}
            </th>
            <th scope="col" className={thClass}>
              {text('kpi.rate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {initiative.kpis.flatMap((kpi) =>
            kpi.years.map((year) => {
              const key = `${kpi.id}-${year.fiscalYear}`;
              return (
                <tr key={key} className={rowClass}>
                  <th scope="row" className={`${cellClass} font-normal`} lang="ja">
                    {kpi.name}
                  </th>
                  <td className={`${cellClass} tabular-nums`}>{year.fiscalYear}年度</td>
                  <td className={`${cellClass} tabular-nums`}>
                    {kpi.baseline === null ? '—' : `${kpi.baseline}${kpi.unit}`}
                  </td>
                  <td className={`${cellClass} tabular-nums`}>
                    {year.target === null ? text('kpi.noTarget') : `${year.target}${kpi.unit}`}
                  </td>
                  <td className={`${cellClass} tabular-nums`}>
                    {initiative.permissions.canReport && year.target !== null ? (
                      <span className="flex items-end gap-2">
                        <TextField
                          label={
                            <span className="sr-only">
                              {text('kpi.recordFor', { name: kpi.name, year: year.fiscalYear })}
                            </span>
                          }
                          inputMode="decimal"
                          className="w-28"
                          value={actuals[key] ?? year.actual ?? ''}
                          onChange={(event) => setActuals({ ...actuals, [key]: event.target.value })}
                        />
                        <Button
                          size="sm"
                          variant="secondary"
                          disabled={isPending || !(actuals[key] ?? '').trim()}
                          onClick={() => onRecord(kpi.id, year.fiscalYear, (actuals[key] ?? '').trim())}
                        >
                          {text('kpi.record')}
                        </Button>
                      </span>
                    ) : year.actual === null ? (
                      '—'
                    ) : (
                      `${year.actual}${kpi.unit}`
                    )}
                  </td>
                  <td className={`${cellClass} tabular-nums`}>
                    {year.achievementRatePercent === null ? '—' : `${year.achievementRatePercent}%`}
                  </td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </TableFrame>
  );
}

function EffectsSection({ initiative }: { initiative: Initiative }) {
  const text = useInitiativeText();
  const { language } = useLanguage();
  const id = useId();
  const effects = useInitiativeEffects(initiative.id);
  // Those who may not read the ledger (403) see no section at all.
  if (effects.isError || effects.isPending) return null;
  return (
    <Section title={text('effects')} id={`${id}-effects`}>
      {effects.data.items.length === 0 ? (
        <p>{text('noEffects')}</p>
      ) : (
        <TableFrame>
          <table className={`${tableClass} max-w-5xl`}>
            <caption className={captionClass}>{text('effectsCaption', { title: initiative.title })}</caption>
            <thead>
              <tr className={headRowClass}>
                <th scope="col" className={thClass}>
                  {text('effect.title')}
                </th>
                <th scope="col" className={thClass}>
                  {text('effect.year')}
                </th>
                <th scope="col" className={thClass}>
                  {text('effect.kind')}
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  {text('effect.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {effects.data.items.map((effect) => (
                <tr key={effect.id} className={rowClass}>
                  <th scope="row" className={`${cellClass} font-normal`} lang="ja">
                    {effect.title}
                  </th>
                  <td className={`${cellClass} tabular-nums`}>{effect.fiscalYear}年度</td>
                  <td className={cellClass}>
                    {effect.categoryLabel[language]}・{effect.recurrenceLabel[language]}・
                    {effect.stageLabel[language]}
                  </td>
                  <td className={`${cellClass} text-right tabular-nums`}>{formatAmount(effect.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
    </Section>
  );
}

/** 4.2億円, 35百万円, ▲30百万円: whole yen in the unit a Japanese reader expects. */
function formatAmount(text: string): string {
  const amount = /^-?\d+$/.test(text) ? BigInt(text) : 0n;
  const magnitude = amount < 0n ? -amount : amount;
  const sign = amount < 0n ? '▲' : '';
  if (magnitude >= 100_000_000n) {
    const hundredths = (magnitude * 100n + 50_000_000n) / 100_000_000n;
    const whole = hundredths / 100n;
    const fraction = (hundredths % 100n).toString().padStart(2, '0').replace(/0+$/, '');
    return `${sign}${whole.toLocaleString('ja-JP')}${fraction ? `.${fraction}` : ''}億円`;
  }
  if (magnitude >= 1_000_000n)
    return `${sign}${((magnitude + 500_000n) / 1_000_000n).toLocaleString('ja-JP')}百万円`;
  return `${sign}${((magnitude + 500n) / 1_000n).toLocaleString('ja-JP')}千円`;
}
