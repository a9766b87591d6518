import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClassName } from '@/components/ui/button';
import { inputClassName } from '@/components/ui/form-field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { isApiError } from '@/lib/api-client';
import { useErrorText } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useOrgUnitOptions, usePolicy, usePolicyAction } from '../api/bureau-policies';
import { type PolicyTextKey, usePolicyText } from '../messages';
import type { Policy, TransitionInput } from '../types';
import { PolicyContent } from './policy-content';
import { PolicyForm } from './policy-form';
import {
  captionClass,
  cellClass,
  headRowClass,
  rowClass,
  Section,
  StatusBadge,
  TableFrame,
  tableClass,
  thClass,
} from './shared';

const POLICY_LEVELS = ['bureau', 'ward', 'office'];

/** One policy: its current text, where it stands on the route, the trail, and what this user may do next. */
export function PolicyPage({ policyId }: { policyId: string }) {
  const text = usePolicyText();
  const query = usePolicy(policyId);
  useDocumentTitle(query.data?.current.title ?? text('title'));
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (isApiError(query.error, 404)) return <Alert tone="info" title={text('notFound')} />;
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <PolicyView policy={query.data} />;
}

function PolicyView({ policy }: { policy: Policy }) {
  const text = usePolicyText();
  const { language } = useLanguage();
  const [isEditing, setIsEditing] = useState(false);
  const action = usePolicyAction(policy.id);
  const errorText = useErrorText();
  const { current } = policy;
  const headingId = useId();
  return (
    <div className="flex flex-col gap-8">
      <PageHeading
        lead={
          <span className="flex flex-wrap items-center gap-3" lang="ja">
            <span>{policy.orgUnit.name}</span>
            <span>{text('versionLabel', { number: current.versionNumber })}</span>
            <StatusBadge status={current.status} label={current.statusLabel} />
          </span>
        }
      >
        <span lang="ja">{current.title}</span>
      </PageHeading>
      <p className="flex flex-wrap gap-4">
        <Link to="/policies" search={{ fy: policy.fiscalYear }} className="link">
          {text('backToList')}
        </Link>
        {policy.publishedVersionNumber ? (
          <Link to="/public/policies/$policyId" params={{ policyId: policy.id }} className="link">
            {text('toPublicPage')}
          </Link>
        ) : null}
      </p>
      {policy.publishedVersionNumber && current.status !== 'published' && policy.canReadDrafts ? (
        <Alert tone="info">{text('draftNotice', { number: policy.publishedVersionNumber })}</Alert>
      ) : null}
      {!policy.canReadDrafts ? <Alert tone="info">{text('readOnlyPublished')}</Alert> : null}
      {current.revisionNote ? (
        <p>
          <span className="text-std-16B-170">{text('revisionNote')}: </span>
          <span lang="ja">{current.revisionNote}</span>
        </p>
      ) : null}

      {isEditing ? (
        <PolicyForm
          initial={{
            title: current.title,
            vision: current.vision,
            priorityThemes: current.priorityThemes,
            clusterIds: current.clusters.map((cluster) => cluster.id),
            kpis: current.kpis,
          }}
          fiscalYear={policy.fiscalYear}
          isPending={action.isPending}
          error={action.error}
          submitLabel={text('save')}
          onCancel={() => setIsEditing(false)}
          onSubmit={(content) =>
            action.mutate(
              { call: { kind: 'edit', body: content }, version: policy.version },
              { onSuccess: () => setIsEditing(false) },
            )
          }
        />
      ) : (
        <PolicyContent content={current} title={current.title} />
      )}

      {!isEditing ? (
        <ActionPanel
          policy={policy}
          onEdit={() => setIsEditing(true)}
          action={action}
          errorText={errorText}
        />
      ) : null}

      {policy.consultations.length > 0 ? (
        <Section title={text('consultations')} id={`${headingId}-consultations`}>
          <ul className="flex flex-col gap-2">
            {policy.consultations.map((entry) => (
              <li key={entry.orgUnit.id} className="flex flex-wrap items-center gap-3" lang="ja">
                <span className="text-std-16B-170">{entry.orgUnit.name}</span>
                <span className="rounded-4 border border-solid-gray-600 px-2 py-0.5 text-dns-14B-130">
                  {text(`decision.${entry.decision}`)}
                </span>
                {entry.decidedBy ? <span>{entry.decidedBy.name}</span> : null}
                {entry.comment ? <span>「{entry.comment}」</span> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {policy.steps.length > 0 ? (
        <Section title={text('route')} id={`${headingId}-route`}>
          <TableFrame>
            <table className={tableClass}>
              <caption className={captionClass}>
                {text('routeCaption', { number: current.versionNumber })}
              </caption>
              <thead>
                <tr className={headRowClass}>
                  <th scope="col" className={thClass}>
                    {text('column.when')}
                  </th>
                  <th scope="col" className={thClass}>
                    {text('column.action')}
                  </th>
                  <th scope="col" className={thClass}>
                    {text('column.who')}
                  </th>
                  <th scope="col" className={thClass}>
                    {text('column.comment')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {policy.steps.map((step) => (
                  <tr
                    key={`${step.occurredAt}-${step.action}-${step.orgUnit?.id ?? ''}`}
                    className={rowClass}
                  >
                    <td className={`${cellClass} tabular-nums`}>
                      {formatDateTime(step.occurredAt, language)}
                    </td>
                    <th scope="row" className={`${cellClass} font-normal`}>
                      {text(`step.${step.action}` as PolicyTextKey)}
                      {step.orgUnit ? <span lang="ja">（{step.orgUnit.name}）</span> : null}
                    </th>
                    <td className={cellClass} lang="ja">
                      {step.actor?.name ?? '—'}
                    </td>
                    <td className={`${cellClass} whitespace-pre-wrap`} lang="ja">
                      {step.comment ?? '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        </Section>
      ) : null}

      {policy.versions.length > 1 ? (
        <Section title={text('versions')} id={`${headingId}-versions`}>
          <ul className="flex flex-col gap-2">
            {policy.versions.map((version) => (
              <li key={version.versionNumber} className="flex flex-wrap items-center gap-3">
                <span className="tabular-nums">
                  {text('versionLabel', { number: version.versionNumber })}
                </span>
                <span lang="ja">{version.title}</span>
                <span className="rounded-4 border border-solid-gray-600 px-2 py-0.5 text-dns-14B-130">
                  {text(
                    `step.${version.status === 'published' ? 'publish' : version.status === 'superseded' ? 'supersede' : 'create'}`,
                  )}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}

function ActionPanel({
  policy,
  onEdit,
  action,
  errorText,
}: {
  policy: Policy;
  onEdit: () => void;
  action: ReturnType<typeof usePolicyAction>;
  errorText: (error: unknown) => string;
}) {
  const text = usePolicyText();
  const id = useId();
  const units = useOrgUnitOptions();
  const [comment, setComment] = useState('');
  const [consultIds, setConsultIds] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const { permissions } = policy;
  const unitName = (unitId: string) => units.data?.items.find((unit) => unit.id === unitId)?.name ?? '';
  const hasAny =
    permissions.canEdit ||
    permissions.canSubmit ||
    permissions.canWithdraw ||
    permissions.canApprove ||
    permissions.canReturnAsApprover ||
    permissions.canPublish ||
    permissions.canRevise ||
    permissions.consultAs.length > 0;
  const run = (body: TransitionInput) => {
    setDone(null);
    action.mutate(
      { call: { kind: 'transition', body }, version: policy.version },
      {
        onSuccess: () => {
          setDone(text(`done.${body.action}`));
          setComment('');
          setConsultIds([]);
        },
      },
    );
  };
  const trimmed = comment.trim() || null;
  const consultChoices = (units.data?.items ?? []).filter(
    (unit) => POLICY_LEVELS.includes(unit.level) && unit.id !== policy.orgUnit.id,
  );

  return (
    <Section title={text('actions')} id={`${id}-actions`}>
      {done ? (
        <Alert tone="success" announce="polite">
          {done}
        </Alert>
      ) : null}
      {action.isError ? (
        <Alert tone="error" announce="assertive">
          {errorText(action.error)}
        </Alert>
      ) : null}
      {!hasAny ? <p>{text('noActions')}</p> : null}
      {permissions.canEdit ? (
        <Button variant="secondary" className="self-start" onClick={onEdit}>
          {text('edit')}
        </Button>
      ) : null}
      {permissions.canSubmit ? (
        <fieldset className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-4">
          <legend className="px-1 text-std-17B-170">{text('consultUnits')}</legend>
          <p className="text-std-16N-170 text-solid-gray-700">{text('consultHint')}</p>
          <div className="grid max-h-60 grid-cols-1 gap-1 overflow-y-auto md:grid-cols-3">
            {consultChoices.map((unit) => (
              <label key={unit.id} className="flex items-center gap-2" lang="ja">
                <input
                  type="checkbox"
                  className="size-5"
                  checked={consultIds.includes(unit.id)}
                  onChange={(event) =>
                    setConsultIds(
                      event.target.checked
                        ? [...consultIds, unit.id]
                        : consultIds.filter((unitId) => unitId !== unit.id),
                    )
                  }
                />
                {unit.name}
              </label>
            ))}
          </div>
          <Button
            className="self-start"
            disabled={action.isPending}
            onClick={() => run({ action: 'submit', consultOrgUnitIds: consultIds, comment: trimmed })}
          >
            {text('submit')}
          </Button>
        </fieldset>
      ) : null}
      {permissions.consultAs.length > 0 ||
      permissions.canApprove ||
      permissions.canReturnAsApprover ||
      permissions.canWithdraw ||
      permissions.canSubmit ? (
        <div className="flex max-w-3xl flex-col gap-2">
          <label htmlFor={`${id}-comment`} className="text-std-17B-170 text-solid-gray-800">
            {text('comment')}
          </label>
          <p id={`${id}-comment-hint`} className="text-std-16N-170 text-solid-gray-700">
            {text('commentRequired')}
          </p>
          <textarea
            id={`${id}-comment`}
            aria-describedby={`${id}-comment-hint`}
            rows={3}
            maxLength={2000}
            className={inputClassName}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {permissions.consultAs.map((unitId) => (
          <span key={unitId} className="flex flex-wrap gap-3">
            <Button
              disabled={action.isPending}
              onClick={() => run({ action: 'concur', orgUnitId: unitId, comment: trimmed })}
            >
              {text('concur', { unit: unitName(unitId) })}
            </Button>
            <Button
              variant="danger"
              disabled={action.isPending}
              onClick={() => run({ action: 'return', orgUnitId: unitId, comment })}
            >
              {text('returnAsConsultee', { unit: unitName(unitId) })}
            </Button>
          </span>
        ))}
        {permissions.canApprove ? (
          <Button disabled={action.isPending} onClick={() => run({ action: 'approve', comment: trimmed })}>
            {text('approve')}
          </Button>
        ) : null}
        {permissions.canReturnAsApprover ? (
          <Button
            variant="danger"
            disabled={action.isPending}
            onClick={() => run({ action: 'return', comment })}
          >
            {text('returnAsApprover')}
          </Button>
        ) : null}
        {permissions.canPublish ? (
          <Button disabled={action.isPending} onClick={() => run({ action: 'publish' })}>
            {text('publish')}
          </Button>
        ) : null}
        {permissions.canWithdraw ? (
          <Button
            variant="secondary"
            disabled={action.isPending}
            onClick={() => run({ action: 'withdraw', comment: trimmed })}
          >
            {text('withdraw')}
          </Button>
        ) : null}
      </div>
      {permissions.canRevise ? (
        <div className="flex max-w-3xl flex-col gap-2 rounded-8 border border-solid-gray-420 p-4">
          <p className="text-std-16N-170">{text('revisionHint')}</p>
          <label htmlFor={`${id}-revision`} className="text-std-17B-170">
            {text('revisionNote')}
          </label>
          <textarea
            id={`${id}-revision`}
            rows={2}
            maxLength={2000}
            className={inputClassName}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
          <button
            type="button"
            className={buttonClassName('primary', 'md', 'self-start')}
            disabled={action.isPending}
            onClick={() =>
              action.mutate(
                { call: { kind: 'revise', body: { revisionNote: trimmed } }, version: policy.version },
                {
                  onSuccess: () => {
                    setDone(text('done.revise'));
                    setComment('');
                  },
                },
              )
            }
          >
            {text('revise')}
          </button>
        </div>
      ) : null}
    </Section>
  );
}
