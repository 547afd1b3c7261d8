export { appliedState, type AppliedStateOptions, type CreatePlan, INHERITED_FROM_SOURCE } from './applied-state/applied-state';
export { awsResourceSchemas, type BlockSchema } from './applied-state/provider-schemas';
export { terraformOutput } from './captured-run';
export { cliConfigText, MIRROR_VARIABLE, providerMirror, terraformEnvironment } from './cli-config';
export { UserError } from './errors';
export { needsSecretsStandIn, OFFLINE_OVERRIDE_FILE, OFFLINE_STATE_FILE, offlineOverride, type OfflineOverrideInput } from './offline/override';
export { readPriorState } from './offline/prior-state';
export { type SecretsStandIn, startSecretsStandIn } from './offline/secrets-stand-in';
export { standInState } from './offline/stand-in-state';
export { type OfflineWorkdirInput, prepareOfflineWorkdir, type RemoteStateStandIn } from './offline/workdir';
export { readPlanJson, readTerraformJson } from './read-json';
export { assertTerraformInstalled, terraform, type TerraformRun } from './runner';
export { workspaceRoot } from './workspace-root';
// The schemas of Terraform's JSON formats and plan counting, so that tools need one import.
export * from '@xyz/terraform-schema';
