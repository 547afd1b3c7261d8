export { cliConfigText, MIRROR_VARIABLE, providerMirror, terraformEnvironment } from './cli-config';
export { UserError } from './errors';
export { assertTerraformInstalled, terraform, type TerraformRun } from './runner';
export { workspaceRoot } from './workspace-root';
