import { Link } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField, inputClassName } from '@/components/ui/form-field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useErrorText, useFieldErrors } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useOrgUnitOptions } from '../api/campaigns';
import { useIdeas } from '../api/ideas';
import { useIssue, useIssueAction } from '../api/issues';
import { usePlatinumText } from '../messages';
import { DECISIONS, type Decision, type IssueDetail, SCORE_CRITERIA, type ScoreCriterion } from '../types';
import { INPUT_PRECISIONS, type InputPrecision, preciseDateFromInput } from '../utils/precise-date-input';
import { DecisionBadge, ProgressBadge, TextBlock, ThemeBadge } from './badges';
import { IdeaCard } from './idea-card';
import { ResponseBureaus } from './response-bureaus';

type Action = ReturnType<typeof useIssueAction>;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-4 border-t border-solid-gray-300 pt-6">
      <h2 id={id} className="text-std-20B-150 text-solid-gray-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

function ReasonField({
  label,
  value,
  onChange,
  hint,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
}) {
  return (
    <FormField label={label} hint={hint} error={error}>
      {(control) => (
        <textarea
          {...control}
          rows={3}
          maxLength={4000}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className={inputClassName}
        />
      )}
    </FormField>
  );
}

/** One issue (課題): its ideas, the PT's scores and handling, the bureau's decision and the response. */
export function IssuePage({ issueId }: { issueId: string }) {
  const text = usePlatinumText();
  const errorText = useErrorText();
  const issue = useIssue(issueId);
  const action = useIssueAction(issueId);
  useDocumentTitle(issue.data?.title);
  if (issue.isPending) return <Loading />;
  if (issue.isError) return <QueryError error={issue.error} onRetry={() => void issue.refetch()} />;
  const data = issue.data;
  const isInTriage = data.status === 'open' || data.status === 'on_hold';
  return (
    <div className="flex flex-col gap-6">
      {/* Back to where this person works on issues: the bureau's inbox, the PT's triage, or the board. */}
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        {data.viewer.canDecide || data.viewer.canWriteResponse ? (
          <li>
            <Link to="/platinum/assigned" className="link">
              {text('assigned')}
            </Link>
          </li>
        ) : null}
        {data.viewer.canTriage && isInTriage ? (
          <li>
            <Link
              to="/platinum/campaigns/$campaignId/triage"
              params={{ campaignId: data.campaignId }}
              className="link"
            >
              {text('triage')}
            </Link>
          </li>
        ) : null}
        <li>
          <Link
            to="/platinum/campaigns/$campaignId/board"
            params={{ campaignId: data.campaignId }}
            className="link"
          >
            {text('board')}
          </Link>
        </li>
      </ul>
      <div className="flex flex-wrap items-center gap-2">
        <span>{text('number', { number: data.number })}</span>
        <ThemeBadge theme={data.theme} />
        <ProgressBadge progress={data.status} />
        {data.assignment?.decision ? <DecisionBadge decision={data.assignment.decision} /> : null}
      </div>
      <PageHeading lead={data.summary || undefined}>{data.title}</PageHeading>
      {data.statusReason ? (
        <Alert
          tone="warning"
          title={`${text(`progress.${data.status === 'open' ? 'grouped' : data.status}`)}：${text('reason')}`}
        >
          <p className="whitespace-pre-wrap">{data.statusReason}</p>
        </Alert>
      ) : null}
      {action.isError ? (
        <Alert tone="error" announce="assertive">
          {errorText(action.error)}
        </Alert>
      ) : null}
      <Section id="issue-ideas" title={text('issueIdeas')}>
        <ul className="flex flex-col gap-3">
          {data.ideas.map((idea) => (
            <li key={idea.id} className="flex flex-col gap-2">
              <IdeaCard idea={idea} />
              {data.viewer.canTriage && isInTriage ? (
                <div>
                  <Button
                    variant="tertiary"
                    size="xs"
                    onClick={() => action.mutate({ method: 'DELETE', path: `/ideas/${idea.id}` })}
                  >
                    {text('removeIdea')}
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        {data.viewer.canTriage && isInTriage ? <AddIdeaForm issue={data} action={action} /> : null}
      </Section>
      {data.scores ? <ScoresSection issue={data} action={action} /> : null}
      {data.viewer.canTriage ? <TriageSection issue={data} action={action} /> : null}
      {data.assignment ? <AssignmentSection issue={data} action={action} /> : null}
      {data.response ||
      (data.viewer.canWriteResponse && (data.status === 'sent_on' || data.status === 'decided')) ? (
        <ResponseSection issue={data} action={action} />
      ) : null}
    </div>
  );
}

function AddIdeaForm({ issue, action }: { issue: IssueDetail; action: Action }) {
  const text = usePlatinumText();
  const waiting = useIdeas({ campaignId: issue.campaignId, status: 'submitted', pageSize: 200 });
  const [ideaId, setIdeaId] = useState('');
  const options = waiting.data?.items ?? [];
  if (options.length === 0) return null;
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const chosen = ideaId || options[0]!.id;
        action.mutate({ method: 'PUT', path: `/ideas/${chosen}` }, { onSuccess: () => setIdeaId('') });
      }}
    >
      <SelectField
        label={text('addIdea')}
        value={ideaId || options[0]!.id}
        onChange={(event) => setIdeaId(event.target.value)}
        options={options.map((idea) => ({
          value: idea.id,
          label: `${text('number', { number: idea.number })} ${idea.title}`,
        }))}
      />
      <Button type="submit" variant="secondary">
        {text('addIdea')}
      </Button>
    </form>
  );
}

function ScoresSection({ issue, action }: { issue: IssueDetail; action: Action }) {
  const text = usePlatinumText();
  const scores = issue.scores!;
  const mine = scores.reviews.find((review) => review.isMine);
  const [values, setValues] = useState<Record<ScoreCriterion, number>>({
    impact: mine?.impact ?? 3,
    feasibility: mine?.feasibility ?? 3,
    breadth: mine?.breadth ?? 3,
  });
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [status, setStatus] = useState('');
  const isInTriage = issue.status === 'open' || issue.status === 'on_hold';
  return (
    <Section
      id="issue-scores"
      title={`${text('scoresTitle')}（${text('scoreProgress', { value: scores.summary.progressLabel })}）`}
    >
      <div className="overflow-x-auto">
        <table className="border-collapse text-left text-std-16N-170">
          <caption className="sr-only">{text('scoresTitle')}</caption>
          <thead>
            <tr className="border-b-2 border-solid-gray-900">
              <th scope="col" className="p-2">
                {text('reviewer')}
              </th>
              {SCORE_CRITERIA.map((criterion) => (
                <th key={criterion} scope="col" className="p-2">
                  {text(`criterion.${criterion}`)}
                </th>
              ))}
              <th scope="col" className="p-2">
                {text('scoreComment')}
              </th>
            </tr>
          </thead>
          <tbody>
            {scores.reviews.map((review) => (
              <tr
                key={`${review.reviewerName}-${review.updatedAt}`}
                className="border-b border-solid-gray-300"
              >
                <th scope="row" className="p-2 font-normal">
                  {review.reviewerName}
                </th>
                {SCORE_CRITERIA.map((criterion) => (
                  <td key={criterion} className="p-2">
                    {review[criterion]}
                  </td>
                ))}
                <td className="p-2">{review.comment}</td>
              </tr>
            ))}
            {scores.summary.averages ? (
              <tr className="border-t-2 border-solid-gray-900 font-bold">
                <th scope="row" className="p-2">
                  {text('average')}
                </th>
                {SCORE_CRITERIA.map((criterion) => (
                  <td key={criterion} className="p-2">
                    {scores.summary.averages![criterion]}
                  </td>
                ))}
                <td className="p-2">
                  {text('overall')} {scores.summary.overall}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {issue.viewer.canScore && isInTriage ? (
        <form
          noValidate
          className="flex flex-col gap-4 rounded-8 bg-solid-gray-50 p-4"
          onSubmit={(event: FormEvent<HTMLFormElement>) => {
            event.preventDefault();
            setStatus('');
            action.mutate(
              { method: 'PUT', path: '/scores', body: { ...values, comment } },
              { onSuccess: () => setStatus(text('saved')) },
            );
          }}
        >
          <h3 className="text-std-17B-170">{text('myScore')}</h3>
          <p className="text-dns-14N-130">{text('scoresLead')}</p>
          {SCORE_CRITERIA.map((criterion) => (
            <fieldset key={criterion} className="flex flex-wrap items-center gap-4">
              <legend className="mb-1 text-std-16B-170">{text(`criterion.${criterion}`)}</legend>
              {[1, 2, 3, 4, 5].map((score) => (
                <label key={score} className="flex items-center gap-1">
                  <input
                    type="radio"
                    name={`score-${criterion}`}
                    value={score}
                    checked={values[criterion] === score}
                    onChange={() => setValues({ ...values, [criterion]: score })}
                    className="size-5 accent-blue-900"
                  />
                  {score}
                </label>
              ))}
            </fieldset>
          ))}
          <TextField
            label={text('scoreComment')}
            maxLength={2000}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
          <div className="flex items-center gap-4">
            <Button type="submit">{text('saveScore')}</Button>
            <p role="status" className="text-success-2">
              {status}
            </p>
          </div>
        </form>
      ) : null}
    </Section>
  );
}

function TriageSection({ issue, action }: { issue: IssueDetail; action: Action }) {
  const text = usePlatinumText();
  const orgUnits = useOrgUnitOptions();
  const [reason, setReason] = useState('');
  const [orgUnitId, setOrgUnitId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const errors = useFieldErrors(action.error);
  const status = issue.status;
  const canSendOn = status === 'open' || status === 'on_hold';
  const change = (statusAction: 'hold' | 'decline' | 'reopen' | 'recall') =>
    action.mutate(
      {
        method: 'POST',
        path: '/status',
        body: { action: statusAction, reason: reason || undefined },
        version: issue.version,
      },
      { onSuccess: () => setReason('') },
    );
  const units = (orgUnits.data?.items ?? []).filter(
    (unit) => unit.level === 'bureau' || unit.level === 'office' || unit.level === 'ward',
  );
  if (status === 'decided' || status === 'announced' || status === 'implemented') return null;
  return (
    <Section id="issue-triage" title={text('triageActions')}>
      {status !== 'sent_on' ? (
        <ReasonField
          label={text('reason')}
          hint={text('statusReasonHint')}
          value={reason}
          onChange={setReason}
          error={errors.reason}
        />
      ) : null}
      <div className="flex flex-wrap gap-3">
        {status === 'open' ? (
          <Button variant="secondary" onClick={() => change('hold')}>
            {text('hold')}
          </Button>
        ) : null}
        {status === 'open' || status === 'on_hold' ? (
          <Button variant="danger" onClick={() => change('decline')}>
            {text('decline')}
          </Button>
        ) : null}
        {status === 'on_hold' || status === 'declined' ? (
          <Button variant="secondary" onClick={() => change('reopen')}>
            {text('reopen')}
          </Button>
        ) : null}
        {status === 'sent_on' ? (
          <Button variant="secondary" onClick={() => change('recall')}>
            {text('recall')}
          </Button>
        ) : null}
      </div>
      {canSendOn ? (
        <form
          noValidate
          className="flex flex-col gap-4 rounded-8 bg-solid-gray-50 p-4"
          onSubmit={(event) => {
            event.preventDefault();
            const chosen = orgUnitId || units[0]?.id;
            if (!chosen) return;
            action.mutate({
              method: 'PUT',
              path: '/assignment',
              body: { orgUnitId: chosen, dueOn: dueOn || null },
              version: issue.version,
            });
          }}
        >
          <h3 className="text-std-17B-170">{text('sendOn')}</h3>
          <SelectField
            label={text('orgUnit')}
            required
            value={orgUnitId || units[0]?.id || ''}
            error={errors.orgUnitId}
            onChange={(event) => setOrgUnitId(event.target.value)}
            options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
          />
          <TextField
            label={text('dueOn')}
            type="date"
            value={dueOn}
            error={errors.dueOn}
            onChange={(event) => setDueOn(event.target.value)}
          />
          <div>
            <Button type="submit">{text('sendOn')}</Button>
          </div>
        </form>
      ) : null}
    </Section>
  );
}

function AssignmentSection({ issue, action }: { issue: IssueDetail; action: Action }) {
  const text = usePlatinumText();
  const { language } = useLanguage();
  const assignment = issue.assignment!;
  const canDecideNow = issue.viewer.canDecide && (issue.status === 'sent_on' || issue.status === 'decided');
  const canStart =
    issue.viewer.canDecide &&
    issue.status === 'announced' &&
    (assignment.decision === 'adopted' || assignment.decision === 'partly_adopted');
  return (
    <Section id="issue-assignment" title={text('assignment')}>
      <p className="text-std-16N-170">
        {text('assignedTo', { name: assignment.orgUnit.name })}
        {assignment.dueOn
          ? `・${text('dueLabel', { date: formatDate(assignment.dueOn, language, { weekday: false }) })}`
          : ''}
        {assignment.isOverdue ? <strong className="ml-2 text-error-2">（{text('overdue')}）</strong> : null}
      </p>
      {assignment.options.length > 0 ? (
        <div className="flex flex-col gap-2">
          <h3 className="text-std-17B-170">{text('optionsTitle')}</h3>
          <ol className="list-decimal pl-6">
            {assignment.options.map((option) => (
              <li key={option.title}>
                <span className="font-bold">{option.title}</span>
                {option.summary ? `：${option.summary}` : ''}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {assignment.decision ? (
        <div className="flex flex-col gap-2">
          <p className="flex flex-wrap items-center gap-2">
            <span className="text-std-17B-170">{text('decisionTitle')}</span>
            <DecisionBadge decision={assignment.decision} />
            {assignment.implementationDateLabel ? (
              <span>
                {text('implementationDate')}：{assignment.implementationDateLabel[language]}
              </span>
            ) : null}
          </p>
          {assignment.decisionReason ? (
            <TextBlock label={text('decisionReason')}>{assignment.decisionReason}</TextBlock>
          ) : null}
        </div>
      ) : null}
      {assignment.implementationStartedOn ? (
        <p>
          {text('startedLabel', {
            date: formatDate(assignment.implementationStartedOn, language, { weekday: false }),
          })}
        </p>
      ) : null}
      {canDecideNow ? <DecisionForm issue={issue} action={action} /> : null}
      {canStart ? <StartForm issue={issue} action={action} /> : null}
    </Section>
  );
}

let optionKey = 0;

/** Gives an option being edited a key of its own, so editing one never moves another's text. */
function withKey(option: { title: string; summary: string }) {
  optionKey += 1;
  return { ...option, key: `option-${optionKey}` };
}

function DecisionForm({ issue, action }: { issue: IssueDetail; action: Action }) {
  const text = usePlatinumText();
  const assignment = issue.assignment!;
  const errors = useFieldErrors(action.error);
  const [options, setOptions] = useState(() =>
    (assignment.options.length > 0 ? assignment.options : [{ title: '', summary: '' }]).map(withKey),
  );
  const [decision, setDecision] = useState<Decision | ''>(assignment.decision ?? '');
  const [reason, setReason] = useState(assignment.decisionReason ?? '');
  const initial = assignment.implementationDate;
  const [precision, setPrecision] = useState<InputPrecision | 'none'>(
    initial && (INPUT_PRECISIONS as readonly string[]).includes(initial.precision)
      ? (initial.precision as InputPrecision)
      : 'none',
  );
  const [month, setMonth] = useState(initial ? initial.start.slice(0, 7) : '');
  const [day, setDay] = useState(initial?.precision === 'day' ? initial.start : '');
  const cleanOptions = options
    .filter((option) => option.title.trim())
    .map((option) => ({ title: option.title, summary: option.summary }));
  return (
    <form
      noValidate
      className="flex flex-col gap-4 rounded-8 bg-solid-gray-50 p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const implementationDate = precision === 'none' ? null : preciseDateFromInput(precision, month, day);
        action.mutate({
          method: 'PATCH',
          path: '/assignment',
          body: decision
            ? { options: cleanOptions, decision, decisionReason: reason, implementationDate }
            : { options: cleanOptions },
          version: assignment.version,
        });
      }}
    >
      <h3 className="text-std-17B-170">{text('optionsTitle')}</h3>
      {options.map((option, index) => (
        <fieldset key={option.key} className="flex flex-col gap-2 rounded-6 border border-solid-gray-300 p-3">
          <legend className="px-1 text-std-16B-170">{`${text('optionsTitle')} ${index + 1}`}</legend>
          <TextField
            label={text('optionTitle')}
            maxLength={200}
            value={option.title}
            onChange={(event) =>
              setOptions(
                options.map((item, i) => (i === index ? { ...item, title: event.target.value } : item)),
              )
            }
          />
          <TextField
            label={text('optionSummary')}
            maxLength={2000}
            value={option.summary}
            onChange={(event) =>
              setOptions(
                options.map((item, i) => (i === index ? { ...item, summary: event.target.value } : item)),
              )
            }
          />
          {options.length > 1 ? (
            <div>
              <Button
                variant="tertiary"
                size="xs"
                onClick={() => setOptions(options.filter((_, i) => i !== index))}
              >
                {text('removeOption')}
              </Button>
            </div>
          ) : null}
        </fieldset>
      ))}
      <div>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => setOptions([...options, withKey({ title: '', summary: '' })])}
        >
          {text('addOption')}
        </Button>
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-std-17B-170">{text('decisionTitle')}</legend>
        {errors.decision ? <p className="text-error-2">{errors.decision}</p> : null}
        {DECISIONS.map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input
              type="radio"
              name="decision"
              value={value}
              checked={decision === value}
              onChange={() => setDecision(value)}
              className="size-5 accent-blue-900"
            />
            {text(`decision.${value}`)}
          </label>
        ))}
      </fieldset>
      <ReasonField
        label={text('decisionReason')}
        value={reason}
        onChange={setReason}
        error={errors.decisionReason}
      />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-std-17B-170">{text('implementationDate')}</legend>
        {errors.implementationDate ? <p className="text-error-2">{errors.implementationDate}</p> : null}
        <SelectField
          label={text('implementationPrecision')}
          value={precision}
          onChange={(event) => setPrecision(event.target.value as InputPrecision | 'none')}
          options={[
            { value: 'none', label: text('noDate') },
            ...INPUT_PRECISIONS.map((value) => ({ value, label: text(`precision.${value}`) })),
          ]}
        />
        {precision !== 'none' && precision !== 'day' ? (
          <TextField
            label={text('implementationMonth')}
            type="month"
            value={month}
            onChange={(event) => setMonth(event.target.value)}
          />
        ) : null}
        {precision === 'day' ? (
          <TextField
            label={text('implementationDay')}
            type="date"
            value={day}
            onChange={(event) => setDay(event.target.value)}
          />
        ) : null}
      </fieldset>
      <div>
        <Button type="submit">{decision ? text('recordDecision') : text('saveOptions')}</Button>
      </div>
    </form>
  );
}

function StartForm({ issue, action }: { issue: IssueDetail; action: Action }) {
  const text = usePlatinumText();
  const [startedOn, setStartedOn] = useState('');
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (startedOn)
          action.mutate({
            method: 'POST',
            path: '/implementation',
            body: { startedOn },
            version: issue.assignment!.version,
          });
      }}
    >
      <TextField
        label={text('startedOn')}
        type="date"
        required
        value={startedOn}
        onChange={(event) => setStartedOn(event.target.value)}
      />
      <Button type="submit">{text('startImplementation')}</Button>
    </form>
  );
}

function ResponseSection({ issue, action }: { issue: IssueDetail; action: Action }) {
  const text = usePlatinumText();
  const { language } = useLanguage();
  const response = issue.response;
  const errors = useFieldErrors(action.error);
  const [body, setBody] = useState(response?.body ?? '');
  const [returnReason, setReturnReason] = useState('');
  const [relatedIds, setRelatedIds] = useState<string[]>(
    () => response?.bureaus.filter((bureau) => !bureau.isAssigned).map((bureau) => bureau.id) ?? [],
  );
  const orgUnits = useOrgUnitOptions();
  const relatedCandidates = (orgUnits.data?.items ?? []).filter(
    (unit) =>
      (unit.level === 'bureau' || unit.level === 'office' || unit.level === 'ward') &&
      unit.id !== issue.assignment?.orgUnit.id,
  );
  const canEdit =
    issue.viewer.canWriteResponse &&
    (issue.status === 'sent_on' || issue.status === 'decided') &&
    response?.status !== 'published';
  const save = (submit: boolean) =>
    action.mutate({
      method: 'PUT',
      path: '/response',
      body: { body, submit, relatedOrgUnitIds: relatedIds },
      version: response?.version ?? null,
    });
  return (
    <Section id="issue-response" title={text('responseTitle')}>
      {response ? (
        <div className="flex flex-col gap-2 rounded-8 border-2 border-solid-gray-900 p-4">
          <p className="flex flex-wrap items-center gap-2 text-std-16N-170">
            <span className="rounded-4 border border-solid-gray-600 px-2 text-dns-14N-130">
              {text(`response.${response.status}`)}
            </span>
            {response.announcedBy ? (
              <span>{text('announcedBy', { name: response.announcedBy.name })}</span>
            ) : null}
            {response.publishedAt ? (
              <span>
                {text('publishedOn', {
                  date: formatDate(response.publishedAt, language, { weekday: false }),
                })}
              </span>
            ) : null}
          </p>
          <p className="whitespace-pre-wrap text-std-16N-170">{response.body}</p>
          {response.returnReason && response.status === 'draft' ? (
            <Alert tone="warning">{text('returnedBecause', { reason: response.returnReason })}</Alert>
          ) : null}
          {response.status === 'pending_approval' && response.isApproved ? (
            <p className="text-std-16N-170">{text('coAnnounceApprovedWaiting')}</p>
          ) : null}
          <ResponseBureaus
            bureaus={response.bureaus}
            signableOrgUnitIds={issue.viewer.signableOrgUnitIds}
            isPending={action.isPending}
            onSign={(orgUnitId) =>
              action.mutate({
                method: 'POST',
                path: '/response/signatures',
                body: { orgUnitId },
                version: response.version,
              })
            }
          />
        </div>
      ) : null}
      {canEdit ? (
        <form
          noValidate
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            save(false);
          }}
        >
          <FormField label={text('responseBody')} required error={errors.body}>
            {(control) => (
              <textarea
                {...control}
                rows={6}
                maxLength={8000}
                value={body}
                onChange={(event) => setBody(event.target.value)}
                className={inputClassName}
              />
            )}
          </FormField>
          {relatedCandidates.length > 0 ? (
            <fieldset className="flex flex-col gap-1">
              <legend className="text-std-16B-170">{text('coAnnounceRelated')}</legend>
              <p className="text-dns-14N-130">{text('coAnnounceRelatedHint')}</p>
              <div className="flex max-h-48 flex-col gap-1 overflow-y-auto">
                {relatedCandidates.map((unit) => (
                  <label key={unit.id} className="flex items-center gap-2 text-std-16N-170">
                    <input
                      type="checkbox"
                      checked={relatedIds.includes(unit.id)}
                      onChange={(event) =>
                        setRelatedIds((current) =>
                          event.target.checked
                            ? [...current, unit.id]
                            : current.filter((id) => id !== unit.id),
                        )
                      }
                    />
                    {unit.name}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <Button type="submit" variant="secondary">
              {text('saveDraft')}
            </Button>
            {issue.status === 'decided' ? (
              <Button onClick={() => save(true)}>{text('submitResponse')}</Button>
            ) : null}
          </div>
        </form>
      ) : null}
      {issue.viewer.canApproveResponse && response?.status === 'pending_approval' && !response.isApproved ? (
        <div className="flex flex-col gap-3 rounded-8 bg-solid-gray-50 p-4">
          <div>
            <Button
              onClick={() =>
                action.mutate({
                  method: 'POST',
                  path: '/response/review',
                  body: { decision: 'approve' },
                  version: response.version,
                })
              }
            >
              {text('approve')}
            </Button>
          </div>
          <ReasonField
            label={text('returnReason')}
            value={returnReason}
            onChange={setReturnReason}
            error={errors.reason}
          />
          <div>
            <Button
              variant="secondary"
              onClick={() =>
                action.mutate({
                  method: 'POST',
                  path: '/response/review',
                  body: { decision: 'return', reason: returnReason },
                  version: response.version,
                })
              }
            >
              {text('returnResponse')}
            </Button>
          </div>
        </div>
      ) : null}
    </Section>
  );
}
