import { Link } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormField, inputClassName } from '@/components/ui/form-field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { TextField } from '@/components/ui/text-field';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useErrorText, useFieldErrors } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useCampaign } from '../api/campaigns';
import {
  useAddComment,
  useHideComment,
  useIdea,
  useIdeaComments,
  useModerateIdea,
  useUpdateIdea,
  useWithdrawIdea,
} from '../api/ideas';
import { usePlatinumText } from '../messages';
import type { IdeaDetail, IdeaInput } from '../types';
import { ProgressBadge, TextBlock, ThemeBadge } from './badges';
import { IdeaFormFields } from './idea-form-fields';
import { SupportButton } from './support-button';

/** One idea: its texts, where it stands, supports, comments; the author may edit or withdraw it. */
export function IdeaPage({ ideaId }: { ideaId: string }) {
  const text = usePlatinumText();
  const { language } = useLanguage();
  const errorText = useErrorText();
  const idea = useIdea(ideaId);
  const withdraw = useWithdrawIdea();
  const moderate = useModerateIdea();
  const [isEditing, setIsEditing] = useState(false);
  const [isHiding, setIsHiding] = useState(false);
  useDocumentTitle(idea.data?.title);
  if (idea.isPending) return <Loading />;
  if (idea.isError) return <QueryError error={idea.error} onRetry={() => void idea.refetch()} />;
  const data = idea.data;
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link
          to="/platinum/campaigns/$campaignId/ideas"
          params={{ campaignId: data.campaignId }}
          className="link"
        >
          {text('ideaList')}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-std-16N-170">{text('number', { number: data.number })}</span>
        <ThemeBadge theme={data.theme} />
        <ProgressBadge progress={data.progress} />
      </div>
      <PageHeading>{data.title}</PageHeading>
      <p className="text-std-16N-170 text-solid-gray-800">
        {text('byline', { name: data.authorLabel[language] })}
        {data.author?.orgUnitName ? `（${data.author.orgUnitName}）` : ''}
        {/* Peers already read 匿名の職員; the author and the reform office are told the idea is anonymous to others. */}
        {data.isAnonymous && data.author ? `・${text('anonymousToPeers')}` : ''}・
        {formatDateTime(data.createdAt, language)}
      </p>
      {data.mergedInto ? (
        <Alert tone="info">
          <Link to="/platinum/ideas/$ideaId" params={{ ideaId: data.mergedInto.id }} className="link">
            {text('mergedInto', { number: data.mergedInto.number, title: data.mergedInto.title })}
          </Link>
        </Alert>
      ) : null}
      {data.issue ? (
        <p className="text-std-16N-170">
          <Link to="/platinum/issues/$issueId" params={{ issueId: data.issue.id }} className="link">
            {text('inIssue', { number: data.issue.number, title: data.issue.title })}
          </Link>
        </p>
      ) : null}
      {data.statusReason ? (
        <Alert tone="warning" title={text(`progress.${data.progress}`)}>
          <p className="whitespace-pre-wrap">{data.statusReason}</p>
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center gap-4">
        <span className="text-std-16B-170">{text('supports', { count: data.supportCount })}</span>
        {data.viewer.canSupport || data.isMine ? <SupportButton idea={data} /> : null}
        {data.viewer.canEdit ? (
          <Button variant="secondary" size="sm" onClick={() => setIsEditing(true)}>
            {text('edit')}
          </Button>
        ) : null}
        {data.viewer.canWithdraw ? (
          <Button
            variant="danger"
            size="sm"
            onClick={() => {
              if (window.confirm(text('withdrawConfirm'))) withdraw.mutate(data.id);
            }}
          >
            {text('withdraw')}
          </Button>
        ) : null}
        {data.viewer.canModerate && data.status === 'submitted' ? (
          <Button variant="tertiary" size="sm" onClick={() => setIsHiding(true)}>
            {text('hide')}
          </Button>
        ) : null}
        {data.viewer.canModerate && data.status === 'hidden' ? (
          <Button
            variant="tertiary"
            size="sm"
            onClick={() => moderate.mutate({ id: data.id, action: 'restore', reason: '' })}
          >
            {text('restore')}
          </Button>
        ) : null}
      </div>
      {withdraw.isError || moderate.isError ? (
        <Alert tone="error" announce="assertive">
          {errorText(withdraw.error ?? moderate.error)}
        </Alert>
      ) : null}
      <div className="flex flex-col gap-4">
        <TextBlock label={text('problem')}>{data.problem}</TextBlock>
        <TextBlock label={text('proposal')}>{data.proposal}</TextBlock>
        <TextBlock label={text('effect')}>{data.expectedEffect}</TextBlock>
      </div>
      {data.mergedIdeas.length > 0 ? (
        <section className="flex flex-col gap-2" aria-labelledby="merged-heading">
          <h2 id="merged-heading" className="text-std-20B-150">
            {text('mergedIdeas')}
          </h2>
          <ul className="list-disc pl-6">
            {data.mergedIdeas.map((merged) => (
              <li key={merged.id}>
                <Link to="/platinum/ideas/$ideaId" params={{ ideaId: merged.id }} className="link">
                  {text('number', { number: merged.number })} {merged.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Comments idea={data} />
      {isEditing ? <EditDialog idea={data} onClose={() => setIsEditing(false)} /> : null}
      {isHiding ? <HideDialog ideaId={data.id} onClose={() => setIsHiding(false)} /> : null}
    </div>
  );
}

function EditDialog({ idea, onClose }: { idea: IdeaDetail; onClose: () => void }) {
  const text = usePlatinumText();
  const errorText = useErrorText();
  const campaign = useCampaign(idea.campaignId);
  const update = useUpdateIdea();
  const errors = useFieldErrors(update.error);
  const idPrefix = useId();
  const [value, setValue] = useState<IdeaInput>({
    theme: idea.theme,
    title: idea.title,
    problem: idea.problem,
    proposal: idea.proposal,
    expectedEffect: idea.expectedEffect,
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    update.mutate({ id: idea.id, version: idea.version, changes: value }, { onSuccess: onClose });
  }
  return (
    <Dialog open onClose={onClose} title={text('editTitle')} size="lg">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        {update.isError ? (
          <Alert tone="error" announce="assertive">
            {errorText(update.error)}
          </Alert>
        ) : null}
        <IdeaFormFields
          value={value}
          onChange={setValue}
          themes={campaign.data?.themes ?? [idea.theme]}
          errors={errors}
          idPrefix={idPrefix}
        />
        <div className="flex gap-4">
          <Button type="submit" aria-disabled={update.isPending || undefined}>
            {text('save')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {text('cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function HideDialog({ ideaId, onClose }: { ideaId: string; onClose: () => void }) {
  const text = usePlatinumText();
  const errorText = useErrorText();
  const moderate = useModerateIdea();
  const [reason, setReason] = useState('');
  return (
    <Dialog open onClose={onClose} title={text('hide')}>
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          moderate.mutate({ id: ideaId, action: 'hide', reason }, { onSuccess: onClose });
        }}
      >
        {moderate.isError ? <Alert tone="error">{errorText(moderate.error)}</Alert> : null}
        <TextField
          label={text('moderationReason')}
          required
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <div>
          <Button type="submit" variant="danger">
            {text('hide')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function Comments({ idea }: { idea: IdeaDetail }) {
  const text = usePlatinumText();
  const { language } = useLanguage();
  const errorText = useErrorText();
  const comments = useIdeaComments(idea.id);
  const add = useAddComment();
  const hide = useHideComment();
  const [body, setBody] = useState('');
  const errors = useFieldErrors(add.error);
  return (
    <section aria-labelledby="comments-heading" className="flex flex-col gap-4">
      <h2 id="comments-heading" className="text-std-20B-150">
        {text('commentsTitle')}
      </h2>
      {comments.data?.items.length === 0 ? <p>{text('noComments')}</p> : null}
      <ul className="flex flex-col gap-3">
        {comments.data?.items.map((comment) => (
          <li key={comment.id} className="rounded-8 border border-solid-gray-300 p-3">
            <p className="text-dns-14N-130 text-solid-gray-700">
              {comment.authorLabel[language]}
              {comment.isByIdeaAuthor && comment.author ? `（${text('proposer')}）` : ''}・
              {formatDateTime(comment.createdAt, language)}
              {comment.isHidden ? ` ${text('hiddenComment')}` : ''}
            </p>
            <p className="whitespace-pre-wrap text-std-16N-170">{comment.body}</p>
            {idea.viewer.canModerate && !comment.isHidden ? (
              <Button
                variant="tertiary"
                size="xs"
                onClick={() =>
                  hide.mutate({ ideaId: idea.id, commentId: comment.id, reason: text('hideComment') })
                }
              >
                {text('hideComment')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {idea.viewer.canComment ? (
        <form
          noValidate
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (!body.trim() || add.isPending) return;
            add.mutate({ id: idea.id, body }, { onSuccess: () => setBody('') });
          }}
        >
          {add.isError && !errors.body ? <Alert tone="error">{errorText(add.error)}</Alert> : null}
          <FormField label={text('addComment')} error={errors.body}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                maxLength={2000}
                value={body}
                onChange={(event) => setBody(event.target.value)}
                className={inputClassName}
              />
            )}
          </FormField>
          <div>
            <Button type="submit" variant="secondary" aria-disabled={add.isPending || undefined}>
              {text('postComment')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
