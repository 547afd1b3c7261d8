import { loadTopology, regionForStack } from '@xyz/topology';
import { terraformEnvironment, UserError, assertTerraformInstalled, terraform } from '@xyz/terraform-toolkit';
import { stackDir } from '../paths';
import { readSynthesizedStack } from './stack-files';

/** The address of the stack's one aws_db_instance, as synthesized. */
export function databaseAddress(stack: string, resources: Record<string, Record<string, unknown>> | undefined): string {
  const names = Object.keys(resources?.aws_db_instance ?? {});
  if (names.length !== 1) throw new UserError(`${stack} has ${names.length} aws_db_instance resources; expected exactly one`, 2);
  return `aws_db_instance.${names[0]}`;
}

/**
 * After the DR runbook renamed a stale instance and created its replacement under the standard
 * identifier, the state still points at the renamed instance (AWS provider 5.x tracks instances
 * by resource id). Forget it and import the instance that now holds the identifier.
 */
export async function rebindDatabase(stack: string, verbose: boolean): Promise<void> {
  assertTerraformInstalled();
  const synthesized = readSynthesizedStack(stack);
  const address = databaseAddress(stack, synthesized.resource);
  const identifier = regionForStack(loadTopology(), stack).names.dbInstanceIdentifier;
  const run = { stack, cwd: stackDir(stack), env: terraformEnvironment(), verbose };
  await terraform(run, ['init', '-input=false', '-no-color']);
  await terraform(run, ['state', 'rm', '-no-color', address]);
  await terraform(run, ['import', '-input=false', '-no-color', address, identifier]);
  console.log(`[${stack}] ${address} now tracks ${identifier}; run \`npx nx run ${stack}:plan\` and expect no replacement`);
}
