import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField, inputClassName } from '@/components/ui/form-field';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { useErrorText } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useAddComment, useComments, useVersions } from '../api/records';
import { useAnalysisText } from '../messages';
import { type AnalysisDetail, type Comment, SECTIONS, type Section } from '../types';
import { Part, TextBlock } from './parts';

function CommentForm({
  analysis,
  parent,
  onDone,
}: {
  analysis: AnalysisDetail;
  parent: Comment | null;
  onDone?: () => void;
}) {
  const text = useAnalysisText();
  const errorText = useErrorText();
  const add = useAddComment(analysis.id);
  const versions = useVersions(analysis.id);
  const [body, setBody] = useState('');
  const [versionNumber, setVersionNumber] = useState(String(analysis.latestVersion?.number ?? ''));
  const [section, setSection] = useState<Section | ''>('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    add.mutate(
      {
        body: body.trim(),
        versionNumber: parent ? null : versionNumber ? Number(versionNumber) : null,
        section: parent ? null : section || null,
        parentId: parent?.id ?? null,
      },
      {
        onSuccess: () => {
          setBody('');
          onDone?.();
        },
      },
    );
  };
  return (
    <form onSubmit={onSubmit} className="flex max-w-3xl flex-col gap-3">
      {add.isError ? (
        <Alert tone="error" announce="assertive">
          {errorText(add.error)}
        </Alert>
      ) : null}
      {parent ? null : (
        <div className="flex flex-wrap gap-4">
          <SelectField
            label={text('commentVersion')}
            value={versionNumber}
            onChange={(event) => setVersionNumber(event.target.value)}
            options={[
              { value: '', label: text('general') },
              ...(versions.data?.items ?? []).map((version) => ({
                value: String(version.number),
                label: text('versionNumber', { number: version.number }),
              })),
            ]}
          />
          <SelectField
            label={text('commentSection')}
            value={section}
            onChange={(event) => setSection(event.target.value as Section | '')}
            options={[
              { value: '', label: text('general') },
              ...SECTIONS.map((item) => ({ value: item, label: text(`section.${item}`) })),
            ]}
          />
        </div>
      )}
      <FormField
        label={parent ? text('replyTo', { name: parent.author?.displayName ?? '' }) : text('commentBody')}
        required
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={10_000}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            className={inputClassName}
          />
        )}
      </FormField>
      <div>
        <Button type="submit" size="sm" aria-disabled={!body.trim() || add.isPending || undefined}>
          {parent ? text('reply') : text('post')}
        </Button>
      </div>
    </form>
  );
}

function CommentItem({
  comment,
  replies,
  analysis,
}: {
  comment: Comment;
  replies: Comment[];
  analysis: AnalysisDetail;
}) {
  const text = useAnalysisText();
  const { language } = useLanguage();
  const [isReplying, setIsReplying] = useState(false);
  const where = [
    comment.versionNumber ? text('onVersion', { number: comment.versionNumber }) : null,
    comment.section ? text(`section.${comment.section}`) : null,
  ]
    .filter(Boolean)
    .join('・');
  return (
    <li className="flex flex-col gap-2 rounded-8 border border-solid-gray-300 p-4">
      <p className="text-dns-14N-130 text-solid-gray-700">
        <span className="font-bold">{comment.author?.displayName ?? '—'}</span>
        {' ・ '}
        {formatDateTime(comment.createdAt, language)}
        {where ? ` ・ ${where}` : ''}
      </p>
      <TextBlock>{comment.body}</TextBlock>
      {replies.length > 0 ? (
        <ul className="ml-4 flex flex-col gap-2 border-l-4 border-solid-gray-200 pl-4">
          {replies.map((reply) => (
            <li key={reply.id} className="flex flex-col gap-1">
              <p className="text-dns-14N-130 text-solid-gray-700">
                <span className="font-bold">{reply.author?.displayName ?? '—'}</span>
                {' ・ '}
                {formatDateTime(reply.createdAt, language)}
              </p>
              <TextBlock>{reply.body}</TextBlock>
            </li>
          ))}
        </ul>
      ) : null}
      {analysis.permissions.canComment ? (
        isReplying ? (
          <CommentForm analysis={analysis} parent={comment} onDone={() => setIsReplying(false)} />
        ) : (
          <div>
            <Button variant="tertiary" size="xs" onClick={() => setIsReplying(true)}>
              {text('reply')}
            </Button>
          </div>
        )
      ) : null}
    </li>
  );
}

/** 審査コメント: threads on a version and section; a return's reason arrives here as well. */
export function CommentsPanel({ analysis }: { analysis: AnalysisDetail }) {
  const text = useAnalysisText();
  const comments = useComments(analysis.id, analysis.permissions.canReadWorkingCopy);
  if (comments.isPending) return <Loading />;
  if (comments.isError) return <QueryError error={comments.error} onRetry={() => void comments.refetch()} />;
  const roots = comments.data.items.filter((comment) => comment.parentId === null);
  return (
    <Part id="analysis-comments" title={text('commentsHeading')}>
      {roots.length === 0 ? <p>{text('noComments')}</p> : null}
      <ul className="flex flex-col gap-3">
        {roots.map((comment) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            analysis={analysis}
            replies={comments.data.items.filter((reply) => reply.parentId === comment.id)}
          />
        ))}
      </ul>
      {analysis.permissions.canComment ? <CommentForm analysis={analysis} parent={null} /> : null}
    </Part>
  );
}
