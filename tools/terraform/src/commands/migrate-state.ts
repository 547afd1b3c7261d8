import { terraformEnvironment, assertTerraformInstalled, terraform } from '@xyz/terraform-toolkit';
import { stackDir } from '../paths';
import { readSynthesizedStack } from './stack-files';

/**
 * After the bootstrap apply of state-backend (local state), re-synthesize it without
 * XYZ_STATE_BOOTSTRAP and run this: terraform copies the local state into the bucket.
 */
export async function migrateState(stack: string, verbose: boolean): Promise<void> {
  assertTerraformInstalled();
  readSynthesizedStack(stack);
  const run = { stack, cwd: stackDir(stack), env: terraformEnvironment(), verbose };
  await terraform(run, ['init', '-migrate-state', '-force-copy', '-input=false', '-no-color']);
  console.log(`[${stack}] state now lives in the backend of cdktf.out/stacks/${stack}/cdk.tf.json`);
}
