/** What other features may use of tracked actions (指示事項). */
export { ownUnitRoots } from './actions.policy.ts';
export { actionSchema, presentAction } from './actions.presenter.ts';
export {
  type ActionRow,
  listActionsOfMeeting,
  listOpenActionsBefore,
  orgUnitAncestry,
} from './actions.queries.ts';
