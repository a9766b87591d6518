/** What other features may use of tracked actions (指示事項). */
export { ownUnitRoots } from './actions.policy.ts';
export { actionSchema, presentAction } from './actions.presenter.ts';
export {
  type ActionRow,
  findAction,
  listActionsOfMeeting,
  listOpenActionsBefore,
  orgUnitAncestry,
} from './actions.queries.ts';
export { listActionsOfYear } from './progress.queries.ts';
export { recordInstruction } from './record-instruction.ts';
export { reportActionProgress } from './report-action-progress.ts';
