import { describe, expect, it } from 'vitest';
import {
  APPROVAL_ACTION_LABELS,
  APPROVAL_ACTIONS,
  APPROVAL_REFUSAL_MESSAGES,
  APPROVAL_REFUSALS,
  APPROVAL_STATUS_LABELS,
  APPROVAL_STATUSES,
  type ApprovalAction,
  type ApprovalActionType,
  type ApprovalRoute,
  type ApprovalStatus,
  applyApprovalAction,
  canStartRevision,
  isApprovalEditable,
  isApprovalPublic,
  MAX_APPROVAL_COMMENT_LENGTH,
  MAX_CONSULTED_UNITS,
  newApprovalRoute,
  possibleApprovalActions,
} from './approval-route';

const DRAFTER = 'user-drafter';
const HEAD = 'user-head';
const OTHER = 'user-other';
const FINANCE = 'unit-finance';
const REFORM = 'unit-reform';

/** A route in each state, as it would be reached by the usual path. */
function routeIn(status: ApprovalStatus): ApprovalRoute {
  switch (status) {
    case 'draft':
      return newApprovalRoute();
    case 'consulting':
      return {
        status,
        drafterId: DRAFTER,
        consultations: [
          { orgUnitId: FINANCE, decision: 'pending' },
          { orgUnitId: REFORM, decision: 'pending' },
        ],
      };
    case 'returned':
      return { status, drafterId: DRAFTER, consultations: [{ orgUnitId: FINANCE, decision: 'returned' }] };
    default:
      return { status, drafterId: DRAFTER, consultations: [{ orgUnitId: FINANCE, decision: 'concurred' }] };
  }
}

/** A well-formed action of each type by someone other than the drafter (unless it must be the drafter). */
function actionOf(type: ApprovalActionType): ApprovalAction {
  switch (type) {
    case 'submit':
      return { type, actorId: DRAFTER, consultOrgUnitIds: [FINANCE] };
    case 'withdraw':
      return { type, actorId: DRAFTER };
    case 'concur':
      return { type, actorId: OTHER, orgUnitId: FINANCE };
    case 'return':
      return { type, actorId: HEAD, comment: '財源の記載を補ってください。' };
    case 'approve':
      return { type, actorId: HEAD };
    case 'publish':
      return { type, actorId: HEAD };
    case 'supersede':
      return { type };
  }
}

// For every state and action: the state it leads to, or the refusal. Return is tried as the approver's.
const EXPECTED: Record<ApprovalStatus, Record<ApprovalActionType, ApprovalStatus | 'refused'>> = {
  draft: {
    submit: 'consulting',
    withdraw: 'refused',
    concur: 'refused',
    return: 'refused',
    approve: 'refused',
    publish: 'refused',
    supersede: 'refused',
  },
  consulting: {
    submit: 'refused',
    withdraw: 'draft',
    concur: 'consulting',
    return: 'refused',
    approve: 'refused',
    publish: 'refused',
    supersede: 'refused',
  },
  awaiting_approval: {
    submit: 'refused',
    withdraw: 'draft',
    concur: 'refused',
    return: 'returned',
    approve: 'approved',
    publish: 'refused',
    supersede: 'refused',
  },
  returned: {
    submit: 'consulting',
    withdraw: 'refused',
    concur: 'refused',
    return: 'refused',
    approve: 'refused',
    publish: 'refused',
    supersede: 'refused',
  },
  approved: {
    submit: 'refused',
    withdraw: 'refused',
    concur: 'refused',
    return: 'refused',
    approve: 'refused',
    publish: 'published',
    supersede: 'refused',
  },
  published: {
    submit: 'refused',
    withdraw: 'refused',
    concur: 'refused',
    return: 'refused',
    approve: 'refused',
    publish: 'refused',
    supersede: 'superseded',
  },
  superseded: {
    submit: 'refused',
    withdraw: 'refused',
    concur: 'refused',
    return: 'refused',
    approve: 'refused',
    publish: 'refused',
    supersede: 'refused',
  },
};

describe('applyApprovalAction: every state × every action', () => {
  for (const status of APPROVAL_STATUSES) {
    for (const type of APPROVAL_ACTIONS) {
      const expected = EXPECTED[status][type];
      it(`${status} + ${type} → ${expected}`, () => {
        const outcome = applyApprovalAction(routeIn(status), actionOf(type));
        if (expected === 'refused') {
          expect(outcome.ok).toBe(false);
          if (!outcome.ok) expect(outcome.reason).toBe('invalid_transition');
        } else {
          expect(outcome).toMatchObject({ ok: true, route: { status: expected } });
        }
      });
    }
  }

  it('offers exactly the actions that some well-formed request can take in each state', () => {
    for (const status of APPROVAL_STATUSES) {
      const accepted = APPROVAL_ACTIONS.filter((type) => {
        if (applyApprovalAction(routeIn(status), actionOf(type)).ok) return true;
        // Return by a consulted unit is the only way back while consulting.
        if (type === 'return') {
          return applyApprovalAction(routeIn(status), {
            type,
            actorId: OTHER,
            orgUnitId: FINANCE,
            comment: '再検討を',
          }).ok;
        }
        return false;
      });
      expect(possibleApprovalActions(status).sort()).toEqual([...accepted].sort());
    }
  });
});

describe('submit (起案)', () => {
  it('goes to consultation with every named unit pending and records the drafter', () => {
    const outcome = applyApprovalAction(newApprovalRoute(), {
      type: 'submit',
      actorId: DRAFTER,
      consultOrgUnitIds: [FINANCE, REFORM],
    });
    expect(outcome).toEqual({
      ok: true,
      route: {
        status: 'consulting',
        drafterId: DRAFTER,
        consultations: [
          { orgUnitId: FINANCE, decision: 'pending' },
          { orgUnitId: REFORM, decision: 'pending' },
        ],
      },
    });
  });

  it('goes straight to the approver when nobody is to be consulted', () => {
    const outcome = applyApprovalAction(newApprovalRoute(), {
      type: 'submit',
      actorId: DRAFTER,
      consultOrgUnitIds: [],
    });
    expect(outcome).toMatchObject({ ok: true, route: { status: 'awaiting_approval', consultations: [] } });
  });

  it('refuses a unit named twice and more units than allowed', () => {
    expect(
      applyApprovalAction(newApprovalRoute(), {
        type: 'submit',
        actorId: DRAFTER,
        consultOrgUnitIds: [FINANCE, FINANCE],
      }),
    ).toEqual({ ok: false, reason: 'duplicate_consultation' });
    const many = Array.from({ length: MAX_CONSULTED_UNITS + 1 }, (_, index) => `unit-${index}`);
    expect(
      applyApprovalAction(newApprovalRoute(), { type: 'submit', actorId: DRAFTER, consultOrgUnitIds: many }),
    ).toEqual({
      ok: false,
      reason: 'too_many_consultations',
    });
    const most = many.slice(0, MAX_CONSULTED_UNITS);
    expect(
      applyApprovalAction(newApprovalRoute(), { type: 'submit', actorId: DRAFTER, consultOrgUnitIds: most })
        .ok,
    ).toBe(true);
  });

  it('starts a fresh round of consultation after a return, with whoever resubmits as drafter', () => {
    const outcome = applyApprovalAction(routeIn('returned'), {
      type: 'submit',
      actorId: OTHER,
      consultOrgUnitIds: [REFORM],
    });
    expect(outcome).toEqual({
      ok: true,
      route: {
        status: 'consulting',
        drafterId: OTHER,
        consultations: [{ orgUnitId: REFORM, decision: 'pending' }],
      },
    });
  });
});

describe('concur and return during consultation (合議)', () => {
  it('waits for every unit, then goes to the approver', () => {
    const first = applyApprovalAction(routeIn('consulting'), {
      type: 'concur',
      actorId: OTHER,
      orgUnitId: FINANCE,
    });
    expect(first).toMatchObject({ ok: true, route: { status: 'consulting' } });
    if (!first.ok) return;
    expect(first.route.consultations).toEqual([
      { orgUnitId: FINANCE, decision: 'concurred' },
      { orgUnitId: REFORM, decision: 'pending' },
    ]);
    const second = applyApprovalAction(first.route, { type: 'concur', actorId: HEAD, orgUnitId: REFORM });
    expect(second).toMatchObject({ ok: true, route: { status: 'awaiting_approval' } });
  });

  it('refuses a unit that was not named, a second answer and the drafter concurring', () => {
    const route = routeIn('consulting');
    expect(applyApprovalAction(route, { type: 'concur', actorId: OTHER, orgUnitId: 'unit-x' })).toEqual({
      ok: false,
      reason: 'not_consulted',
    });
    const once = applyApprovalAction(route, { type: 'concur', actorId: OTHER, orgUnitId: FINANCE });
    if (!once.ok) throw new Error('expected to concur');
    expect(applyApprovalAction(once.route, { type: 'concur', actorId: OTHER, orgUnitId: FINANCE })).toEqual({
      ok: false,
      reason: 'already_decided',
    });
    expect(
      applyApprovalAction(once.route, {
        type: 'return',
        actorId: OTHER,
        orgUnitId: FINANCE,
        comment: '再考',
      }),
    ).toEqual({ ok: false, reason: 'already_decided' });
    expect(applyApprovalAction(route, { type: 'concur', actorId: DRAFTER, orgUnitId: FINANCE })).toEqual({
      ok: false,
      reason: 'self_consultation',
    });
  });

  it('sends the draft back when a consulted unit returns it with a comment', () => {
    const outcome = applyApprovalAction(routeIn('consulting'), {
      type: 'return',
      actorId: OTHER,
      orgUnitId: REFORM,
      comment: 'KPI の目標年度を明記してください。',
    });
    expect(outcome).toMatchObject({ ok: true, route: { status: 'returned' } });
    if (outcome.ok) {
      expect(outcome.route.consultations.find((entry) => entry.orgUnitId === REFORM)?.decision).toBe(
        'returned',
      );
    }
  });

  it('refuses a return without a comment, with only spaces, or with a comment too long', () => {
    for (const comment of ['', '   ', '\n\t']) {
      expect(
        applyApprovalAction(routeIn('consulting'), {
          type: 'return',
          actorId: OTHER,
          orgUnitId: FINANCE,
          comment,
        }),
      ).toEqual({ ok: false, reason: 'comment_required' });
      expect(
        applyApprovalAction(routeIn('awaiting_approval'), { type: 'return', actorId: HEAD, comment }),
      ).toEqual({
        ok: false,
        reason: 'comment_required',
      });
    }
    const long = 'あ'.repeat(MAX_APPROVAL_COMMENT_LENGTH + 1);
    expect(
      applyApprovalAction(routeIn('awaiting_approval'), { type: 'return', actorId: HEAD, comment: long }),
    ).toEqual({
      ok: false,
      reason: 'comment_too_long',
    });
  });

  it('refuses a consulted unit returning once the draft is with the approver, and an unnamed unit', () => {
    expect(
      applyApprovalAction(routeIn('awaiting_approval'), {
        type: 'return',
        actorId: OTHER,
        orgUnitId: FINANCE,
        comment: 'x',
      }),
    ).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(
      applyApprovalAction(routeIn('consulting'), {
        type: 'return',
        actorId: OTHER,
        orgUnitId: 'unit-x',
        comment: 'x',
      }),
    ).toEqual({ ok: false, reason: 'not_consulted' });
  });
});

describe('approve (決裁), withdraw (引戻し), publish and supersede', () => {
  it('refuses the drafter approving their own draft when the route requires another person', () => {
    const route = routeIn('awaiting_approval');
    expect(applyApprovalAction(route, { type: 'approve', actorId: DRAFTER })).toEqual({
      ok: false,
      reason: 'self_approval',
    });
    expect(applyApprovalAction(route, { type: 'approve', actorId: HEAD })).toMatchObject({
      ok: true,
      route: { status: 'approved', drafterId: DRAFTER },
    });
  });

  it('lets the drafter approve when the route does not require another person', () => {
    const outcome = applyApprovalAction(
      routeIn('awaiting_approval'),
      { type: 'approve', actorId: DRAFTER },
      { requiresDistinctApprover: false },
    );
    expect(outcome).toMatchObject({ ok: true, route: { status: 'approved' } });
  });

  it('lets only the drafter pull a draft back', () => {
    expect(applyApprovalAction(routeIn('consulting'), { type: 'withdraw', actorId: OTHER })).toEqual({
      ok: false,
      reason: 'not_drafter',
    });
    expect(
      applyApprovalAction(routeIn('awaiting_approval'), { type: 'withdraw', actorId: DRAFTER }),
    ).toMatchObject({
      ok: true,
      route: { status: 'draft' },
    });
  });

  it('walks the whole route from a new draft to a superseded version', () => {
    let route = newApprovalRoute();
    const steps: ApprovalAction[] = [
      { type: 'submit', actorId: DRAFTER, consultOrgUnitIds: [FINANCE] },
      { type: 'return', actorId: OTHER, orgUnitId: FINANCE, comment: '数値の根拠を' },
      { type: 'submit', actorId: DRAFTER, consultOrgUnitIds: [FINANCE] },
      { type: 'concur', actorId: OTHER, orgUnitId: FINANCE },
      { type: 'return', actorId: HEAD, comment: '表現を修正' },
      { type: 'submit', actorId: DRAFTER, consultOrgUnitIds: [] },
      { type: 'approve', actorId: HEAD },
      { type: 'publish', actorId: HEAD },
      { type: 'supersede' },
    ];
    const seen: ApprovalStatus[] = [];
    for (const step of steps) {
      const outcome = applyApprovalAction(route, step);
      if (!outcome.ok) throw new Error(`refused ${step.type}: ${outcome.reason}`);
      route = outcome.route;
      seen.push(route.status);
    }
    expect(seen).toEqual([
      'consulting',
      'returned',
      'consulting',
      'awaiting_approval',
      'returned',
      'awaiting_approval',
      'approved',
      'published',
      'superseded',
    ]);
  });

  it('does not change the route it was given', () => {
    const route = routeIn('consulting');
    const copy = JSON.parse(JSON.stringify(route));
    applyApprovalAction(route, { type: 'concur', actorId: OTHER, orgUnitId: FINANCE });
    expect(route).toEqual(copy);
  });
});

describe('state predicates and labels', () => {
  it('allows editing only a draft or a returned version', () => {
    expect(APPROVAL_STATUSES.filter(isApprovalEditable)).toEqual(['draft', 'returned']);
  });

  it('shows only a published version to the public', () => {
    expect(APPROVAL_STATUSES.filter(isApprovalPublic)).toEqual(['published']);
  });

  it('starts a revision only after publication', () => {
    expect(APPROVAL_STATUSES.filter(canStartRevision)).toEqual(['published']);
  });

  it('has Japanese and English labels for every state, action and refusal', () => {
    for (const status of APPROVAL_STATUSES) expect(APPROVAL_STATUS_LABELS[status].ja).not.toBe('');
    for (const action of APPROVAL_ACTIONS) expect(APPROVAL_ACTION_LABELS[action].en).not.toBe('');
    for (const refusal of APPROVAL_REFUSALS) {
      expect(APPROVAL_REFUSAL_MESSAGES[refusal].ja).not.toBe('');
      expect(APPROVAL_REFUSAL_MESSAGES[refusal].en).not.toBe('');
    }
    expect(APPROVAL_STATUS_LABELS.consulting.ja).toBe('合議中');
    expect(APPROVAL_STATUS_LABELS.awaiting_approval.ja).toBe('決裁待ち');
  });
});
