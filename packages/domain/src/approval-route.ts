import type { LocalizedText } from './messages';

/**
 * 決裁ルート: the city's approval route for a document such as a 局区X方針. A version is drafted
 * (起案), consulted (合議) with the units the drafter names, approved (決裁) by the one who holds
 * the authority, then published (公開). Any consulted unit or the approver may send it back
 * (差戻し) with a comment; the drafter may pull it back (引戻し) before it is approved. A newer
 * version that is published supersedes the one before. Who may act for a unit or approve is the
 * server's policy; this machine decides only what the route allows.
 */

/** The states of one version on the route. */
export const APPROVAL_STATUSES = [
  'draft',
  'consulting',
  'awaiting_approval',
  'returned',
  'approved',
  'published',
  'superseded',
] as const;

export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** What one consulted unit has said. */
export const CONSULTATION_DECISIONS = ['pending', 'concurred', 'returned'] as const;

export type ConsultationDecision = (typeof CONSULTATION_DECISIONS)[number];

/** The actions that move a version along the route. */
export const APPROVAL_ACTIONS = [
  'submit',
  'withdraw',
  'concur',
  'return',
  'approve',
  'publish',
  'supersede',
] as const;

export type ApprovalActionType = (typeof APPROVAL_ACTIONS)[number];

/** Japanese and English names of the states, as a city hall writes them. */
export const APPROVAL_STATUS_LABELS: Readonly<Record<ApprovalStatus, LocalizedText>> = {
  draft: { ja: '起案中', en: 'Draft' },
  consulting: { ja: '合議中', en: 'In consultation' },
  awaiting_approval: { ja: '決裁待ち', en: 'Awaiting approval' },
  returned: { ja: '差戻し', en: 'Returned' },
  approved: { ja: '決裁済み', en: 'Approved' },
  published: { ja: '公開中', en: 'Published' },
  superseded: { ja: '旧版', en: 'Superseded' },
};

/** Japanese and English names of the actions. */
export const APPROVAL_ACTION_LABELS: Readonly<Record<ApprovalActionType, LocalizedText>> = {
  submit: { ja: '起案', en: 'Submit' },
  withdraw: { ja: '引戻し', en: 'Withdraw' },
  concur: { ja: '合議（同意）', en: 'Concur' },
  return: { ja: '差戻し', en: 'Return' },
  approve: { ja: '決裁', en: 'Approve' },
  publish: { ja: '公開', en: 'Publish' },
  supersede: { ja: '新版により失効', en: 'Superseded' },
};

/** The most units one draft may be consulted with. */
export const MAX_CONSULTED_UNITS = 20;
/** The longest comment a step may carry. */
export const MAX_APPROVAL_COMMENT_LENGTH = 2000;

export type Consultation = { orgUnitId: string; decision: ConsultationDecision };

/** Where one version stands on the route. */
export type ApprovalRoute = {
  status: ApprovalStatus;
  /** 起案者: who submitted the version (null until it is first submitted). */
  drafterId: string | null;
  consultations: readonly Consultation[];
};

export type ApprovalAction =
  | { type: 'submit'; actorId: string; consultOrgUnitIds: readonly string[] }
  | { type: 'withdraw'; actorId: string }
  | { type: 'concur'; actorId: string; orgUnitId: string }
  | { type: 'return'; actorId: string; comment: string; orgUnitId?: string }
  | { type: 'approve'; actorId: string }
  | { type: 'publish'; actorId: string }
  | { type: 'supersede' };

/** Rules of a route that differ between documents. */
export type ApprovalRules = {
  /** When true the drafter can never approve their own draft (the city's default). */
  requiresDistinctApprover: boolean;
};

export const DEFAULT_APPROVAL_RULES: ApprovalRules = { requiresDistinctApprover: true };

/** Why the route refused an action. */
export const APPROVAL_REFUSALS = [
  'invalid_transition',
  'self_approval',
  'self_consultation',
  'comment_required',
  'comment_too_long',
  'not_consulted',
  'already_decided',
  'duplicate_consultation',
  'too_many_consultations',
  'not_drafter',
] as const;

export type ApprovalRefusal = (typeof APPROVAL_REFUSALS)[number];

export const APPROVAL_REFUSAL_MESSAGES: Readonly<Record<ApprovalRefusal, LocalizedText>> = {
  invalid_transition: {
    ja: 'この状態の文書には、その操作はできません。',
    en: 'This action is not possible in the document’s current state.',
  },
  self_approval: {
    ja: '自分が起案した文書を自分で決裁することはできません。別の決裁者が必要です。',
    en: 'You cannot approve a draft you submitted yourself; another approver is required.',
  },
  self_consultation: {
    ja: '起案者は自分の起案に合議の同意をすることはできません。',
    en: 'The drafter cannot concur with their own draft.',
  },
  comment_required: {
    ja: '差戻しには理由（コメント）が必要です。',
    en: 'Returning a draft needs a comment saying why.',
  },
  comment_too_long: {
    ja: `コメントは${MAX_APPROVAL_COMMENT_LENGTH}文字以内にしてください。`,
    en: `A comment may be at most ${MAX_APPROVAL_COMMENT_LENGTH} characters.`,
  },
  not_consulted: {
    ja: 'この組織は合議先に指定されていません。',
    en: 'This unit was not named for consultation.',
  },
  already_decided: {
    ja: 'この組織の合議は既に済んでいます。',
    en: 'This unit has already given its answer.',
  },
  duplicate_consultation: {
    ja: '同じ合議先が重複しています。',
    en: 'A unit is named for consultation twice.',
  },
  too_many_consultations: {
    ja: `合議先は${MAX_CONSULTED_UNITS}組織までです。`,
    en: `At most ${MAX_CONSULTED_UNITS} units can be consulted.`,
  },
  not_drafter: {
    ja: '引戻しは起案者だけが行えます。',
    en: 'Only the drafter can withdraw a draft.',
  },
};

export type ApprovalOutcome = { ok: true; route: ApprovalRoute } | { ok: false; reason: ApprovalRefusal };

const EDITABLE_STATUSES: readonly ApprovalStatus[] = ['draft', 'returned'];

/** The route of a version that has just been created. */
export function newApprovalRoute(): ApprovalRoute {
  return { status: 'draft', drafterId: null, consultations: [] };
}

/** True when the content of a version in this state may still be changed. */
export function isApprovalEditable(status: ApprovalStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

/** True when the public may see a version in this state. */
export function isApprovalPublic(status: ApprovalStatus): boolean {
  return status === 'published';
}

/** True when a new version may be started after a version in this state (a revision of a published one). */
export function canStartRevision(latestStatus: ApprovalStatus): boolean {
  return latestStatus === 'published';
}

function refuse(reason: ApprovalRefusal): ApprovalOutcome {
  return { ok: false, reason };
}

function accept(route: ApprovalRoute): ApprovalOutcome {
  return { ok: true, route };
}

function checkComment(comment: string): ApprovalRefusal | null {
  if (comment.trim().length === 0) return 'comment_required';
  if (comment.length > MAX_APPROVAL_COMMENT_LENGTH) return 'comment_too_long';
  return null;
}

// Applies one action to a version's route: the next route, or the reason it is refused. Never throws.
export function applyApprovalAction(
  route: ApprovalRoute,
  action: ApprovalAction,
  rules: ApprovalRules = DEFAULT_APPROVAL_RULES,
): ApprovalOutcome {
  switch (action.type) {
    case 'submit': {
      if (!isApprovalEditable(route.status)) return refuse('invalid_transition');
      const units = action.consultOrgUnitIds;
      if (units.length > MAX_CONSULTED_UNITS) return refuse('too_many_consultations');
      if (new Set(units).size !== units.length) return refuse('duplicate_consultation');
      // A new submission starts a fresh round of consultation: earlier answers were about another text.
      return accept({
        status: units.length > 0 ? 'consulting' : 'awaiting_approval',
        drafterId: action.actorId,
        consultations: units.map((orgUnitId) => ({ orgUnitId, decision: 'pending' as const })),
      });
    }
    case 'withdraw': {
      if (route.status !== 'consulting' && route.status !== 'awaiting_approval') {
        return refuse('invalid_transition');
      }
      if (route.drafterId !== action.actorId) return refuse('not_drafter');
      return accept({ ...route, status: 'draft' });
    }
    case 'concur': {
      if (route.status !== 'consulting') return refuse('invalid_transition');
      const consultation = route.consultations.find((entry) => entry.orgUnitId === action.orgUnitId);
      if (!consultation) return refuse('not_consulted');
      if (consultation.decision !== 'pending') return refuse('already_decided');
      if (route.drafterId === action.actorId) return refuse('self_consultation');
      const consultations = route.consultations.map((entry) =>
        entry.orgUnitId === action.orgUnitId ? { ...entry, decision: 'concurred' as const } : entry,
      );
      const isComplete = consultations.every((entry) => entry.decision === 'concurred');
      return accept({ ...route, status: isComplete ? 'awaiting_approval' : 'consulting', consultations });
    }
    case 'return': {
      const commentProblem = checkComment(action.comment);
      if (action.orgUnitId !== undefined) {
        // Sent back by a consulted unit.
        if (route.status !== 'consulting') return refuse('invalid_transition');
        const consultation = route.consultations.find((entry) => entry.orgUnitId === action.orgUnitId);
        if (!consultation) return refuse('not_consulted');
        if (consultation.decision !== 'pending') return refuse('already_decided');
        if (commentProblem) return refuse(commentProblem);
        const consultations = route.consultations.map((entry) =>
          entry.orgUnitId === action.orgUnitId ? { ...entry, decision: 'returned' as const } : entry,
        );
        return accept({ ...route, status: 'returned', consultations });
      }
      // Sent back by the approver.
      if (route.status !== 'awaiting_approval') return refuse('invalid_transition');
      if (commentProblem) return refuse(commentProblem);
      return accept({ ...route, status: 'returned' });
    }
    case 'approve': {
      if (route.status !== 'awaiting_approval') return refuse('invalid_transition');
      if (rules.requiresDistinctApprover && route.drafterId === action.actorId)
        return refuse('self_approval');
      return accept({ ...route, status: 'approved' });
    }
    case 'publish': {
      if (route.status !== 'approved') return refuse('invalid_transition');
      return accept({ ...route, status: 'published' });
    }
    case 'supersede': {
      if (route.status !== 'published') return refuse('invalid_transition');
      return accept({ ...route, status: 'superseded' });
    }
  }
}

/** The action types that could apply to a route in its state (whether this actor may is the policy's question). */
export function possibleApprovalActions(status: ApprovalStatus): ApprovalActionType[] {
  switch (status) {
    case 'draft':
    case 'returned':
      return ['submit'];
    case 'consulting':
      return ['withdraw', 'concur', 'return'];
    case 'awaiting_approval':
      return ['withdraw', 'return', 'approve'];
    case 'approved':
      return ['publish'];
    case 'published':
      return ['supersede'];
    case 'superseded':
      return [];
  }
}
