export { type ChangeKind, changeKind, type PlanAction, planActionSchema } from './actions';
export { addChangeCounts, type ChangeCounts, type CountableChange, countChanges, describeChangeCounts, emptyChangeCounts } from './change-counts';
export { firstIssue } from './issues';
export { PLAN_FIELDS, type PlannedResource, planSchema, type ResourceChange, type TerraformPlan } from './plan';
export { providerRegion } from './provider-region';
export { stateSchema, type TerraformState } from './state';
export { type ProviderConfig, providerBlocks, type RemoteState, remoteStatesOf, type ResourceConfig, type TerraformJson, terraformJsonSchema } from './synthesized';
