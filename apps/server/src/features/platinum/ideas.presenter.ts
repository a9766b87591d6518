import { z } from '@hono/zod-openapi';
import {
  ANONYMOUS_AUTHOR_LABEL,
  IDEA_PROGRESS,
  IDEA_STATUSES,
  ISSUE_STATUSES,
  ideaProgress,
  PLATINUM_THEMES,
  truncateText,
} from '@totonoe/domain';
import type { CommentListRow, IdeaListRow, IdeaRow, IdeaSummaryRow } from './ideas.queries.ts';

/**
 * Anonymity lives here: an anonymous idea's author (name, org unit, id) reaches the reform office
 * only. Every response that shows an idea or a comment goes through authorOf / commentAuthorOf.
 */
export type IdeaAudience = { userId: string; canSeeAnonymousAuthors: boolean };

const authorSchema = z
  .object({
    displayName: z.string(),
    orgUnitName: z.string().nullable(),
  })
  .openapi('IdeaAuthor');

const labelSchema = z.object({ ja: z.string(), en: z.string() });

export const ideaSummarySchema = z
  .object({
    id: z.string().uuid(),
    campaignId: z.string().uuid(),
    number: z.number().int(),
    theme: z.enum(PLATINUM_THEMES),
    title: z.string(),
    excerpt: z.string(),
    status: z.enum(IDEA_STATUSES),
    progress: z.enum(IDEA_PROGRESS),
    isAnonymous: z.boolean(),
    /** Null when the idea is anonymous and the reader is not the reform office. */
    author: authorSchema.nullable(),
    authorLabel: labelSchema,
    isMine: z.boolean(),
    supportCount: z.number().int(),
    commentCount: z.number().int(),
    isSupportedByViewer: z.boolean(),
    issue: z
      .object({
        id: z.string().uuid(),
        number: z.number().int(),
        title: z.string(),
        status: z.enum(ISSUE_STATUSES),
      })
      .nullable(),
    mergedInto: z.object({ id: z.string().uuid(), number: z.number().int(), title: z.string() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('IdeaSummary');

export const ideaDetailSchema = ideaSummarySchema
  .extend({
    problem: z.string(),
    proposal: z.string(),
    expectedEffect: z.string(),
    /** Why the issue it is in was held or declined (the submitters see it), or why it was hidden (author and reform office). */
    statusReason: z.string().nullable(),
    mergedIdeas: z.array(z.object({ id: z.string().uuid(), number: z.number().int(), title: z.string() })),
    version: z.number().int(),
    viewer: z.object({
      canEdit: z.boolean(),
      canWithdraw: z.boolean(),
      canSupport: z.boolean(),
      canComment: z.boolean(),
      canModerate: z.boolean(),
      canTriage: z.boolean(),
    }),
  })
  .openapi('IdeaDetail');

export const similarIdeaSchema = z
  .object({
    id: z.string().uuid(),
    number: z.number().int(),
    theme: z.enum(PLATINUM_THEMES),
    title: z.string(),
    excerpt: z.string(),
    progress: z.enum(IDEA_PROGRESS),
    supportCount: z.number().int(),
    isSupportedByViewer: z.boolean(),
    isMine: z.boolean(),
    similarity: z.number(),
  })
  .openapi('SimilarIdea');

export const commentSchema = z
  .object({
    id: z.string().uuid(),
    body: z.string(),
    author: authorSchema.nullable(),
    authorLabel: labelSchema,
    /** The comment is by the idea's own author. */
    isByIdeaAuthor: z.boolean(),
    isMine: z.boolean(),
    isHidden: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('IdeaComment');

const EXCERPT_LENGTH = 120;

// The author as this reader may see them: null (shown as 匿名の職員) when anonymous to them.
function authorOf(
  idea: Pick<IdeaRow, 'isAnonymous' | 'authorId'>,
  name: string | null,
  orgUnitName: string | null,
  audience: IdeaAudience,
) {
  const isVisible = !idea.isAnonymous || audience.canSeeAnonymousAuthors;
  if (!isVisible || name === null) return { author: null, authorLabel: ANONYMOUS_AUTHOR_LABEL };
  return { author: { displayName: name, orgUnitName }, authorLabel: { ja: name, en: name } };
}

/** Shapes an idea for lists. */
export function presentIdeaSummary(
  row: IdeaSummaryRow,
  audience: IdeaAudience,
): z.infer<typeof ideaSummarySchema> {
  const { idea } = row;
  return {
    id: idea.id,
    campaignId: idea.campaignId,
    number: idea.number,
    theme: idea.theme,
    title: idea.title,
    excerpt: truncateText(idea.proposal.replace(/\s+/gu, ' ').trim() || idea.problem, EXCERPT_LENGTH),
    status: idea.status,
    progress: ideaProgress(idea.status, row.issueStatus),
    isAnonymous: idea.isAnonymous,
    ...authorOf(idea, row.authorName, row.authorOrgUnitName, audience),
    isMine: idea.authorId === audience.userId,
    supportCount: idea.supportCount,
    commentCount: idea.commentCount,
    isSupportedByViewer: row.isSupportedByViewer,
    issue:
      idea.issueId && row.issueNumber !== null && row.issueTitle !== null && row.issueStatus !== null
        ? { id: idea.issueId, number: row.issueNumber, title: row.issueTitle, status: row.issueStatus }
        : null,
    mergedInto:
      idea.mergedIntoId && row.mergedIntoNumber !== null && row.mergedIntoTitle !== null
        ? { id: idea.mergedIntoId, number: row.mergedIntoNumber, title: row.mergedIntoTitle }
        : null,
    createdAt: idea.createdAt.toISOString(),
    updatedAt: idea.updatedAt.toISOString(),
  };
}

/** Shapes an idea for its page. */
export function presentIdeaDetail(
  row: IdeaListRow,
  audience: IdeaAudience,
  extra: {
    mergedIdeas: { id: string; number: number; title: string }[];
    viewer: z.infer<typeof ideaDetailSchema>['viewer'];
  },
): z.infer<typeof ideaDetailSchema> {
  const { idea } = row;
  const isAuthorOrOffice = idea.authorId === audience.userId || audience.canSeeAnonymousAuthors;
  const statusReason =
    idea.status === 'hidden'
      ? isAuthorOrOffice
        ? idea.statusReason
        : null
      : row.issueStatus === 'on_hold' || row.issueStatus === 'declined'
        ? row.issueStatusReason
        : null;
  return {
    ...presentIdeaSummary(row, audience),
    problem: idea.problem,
    proposal: idea.proposal,
    expectedEffect: idea.expectedEffect,
    statusReason,
    mergedIdeas: extra.mergedIdeas,
    version: idea.version,
    viewer: extra.viewer,
  };
}

/** Shapes one similar idea (never with an author). */
export function presentSimilarIdea(
  row: {
    id: string;
    number: number;
    theme: IdeaRow['theme'];
    title: string;
    proposal: string;
    status: IdeaRow['status'];
    authorId: string;
    supportCount: number;
    issueStatus: IdeaListRow['issueStatus'];
    isSupportedByViewer: boolean;
  },
  score: number,
  audience: IdeaAudience,
): z.infer<typeof similarIdeaSchema> {
  return {
    id: row.id,
    number: row.number,
    theme: row.theme,
    title: row.title,
    excerpt: truncateText(row.proposal.replace(/\s+/gu, ' ').trim() || '—', EXCERPT_LENGTH),
    progress: ideaProgress(row.status, row.issueStatus),
    supportCount: row.supportCount,
    isSupportedByViewer: row.isSupportedByViewer,
    isMine: row.authorId === audience.userId,
    similarity: Math.round(score * 100) / 100,
  };
}

/** Shapes a comment: the idea's anonymous author commenting on it is shown as the (anonymous) proposer. */
export function presentComment(
  row: CommentListRow,
  idea: Pick<IdeaRow, 'isAnonymous' | 'authorId'>,
  audience: IdeaAudience,
): z.infer<typeof commentSchema> {
  const isByIdeaAuthor = row.comment.authorId === idea.authorId;
  const isMasked = isByIdeaAuthor && idea.isAnonymous && !audience.canSeeAnonymousAuthors;
  return {
    id: row.comment.id,
    body: row.comment.isHidden && !audience.canSeeAnonymousAuthors ? '' : row.comment.body,
    author: isMasked ? null : { displayName: row.authorName, orgUnitName: row.authorOrgUnitName },
    authorLabel: isMasked
      ? { ja: '提案者（匿名）', en: 'The proposer (anonymous)' }
      : { ja: row.authorName, en: row.authorName },
    isByIdeaAuthor,
    isMine: row.comment.authorId === audience.userId,
    isHidden: row.comment.isHidden,
    createdAt: row.comment.createdAt.toISOString(),
  };
}

/** What an audit event keeps of an idea: never the author's id (the reform office finds it on the idea itself). */
export function auditSnapshotOfIdea(idea: IdeaRow) {
  return {
    id: idea.id,
    campaignId: idea.campaignId,
    number: idea.number,
    theme: idea.theme,
    title: idea.title,
    status: idea.status,
    isAnonymous: idea.isAnonymous,
    issueId: idea.issueId,
    mergedIntoId: idea.mergedIntoId,
    supportCount: idea.supportCount,
    version: idea.version,
  };
}
