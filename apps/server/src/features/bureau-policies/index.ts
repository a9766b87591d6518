export { findPolicy as findBureauPolicy, listPublishedPolicies } from './bureau-policies.queries.ts';
export {
  actsFor,
  ancestorsOf,
  loadOrgUnitTree,
  type OrgUnitNode,
  type OrgUnitTree,
  seesEveryUnit,
  TOP_LEVELS,
  topUnitOf,
  UNIT_ROLES,
  unitAndBelow,
  unitsActedFor,
} from './org-scope.ts';
export { listPolicyStatesOfYear } from './progress.queries.ts';
