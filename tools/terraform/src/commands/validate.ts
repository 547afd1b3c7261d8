import { terraformEnvironment, assertTerraformInstalled, terraform } from '@xyz/terraform-toolkit';
import { stackDir } from '../paths';
import { readSynthesizedStack } from './stack-files';

/** terraform validate with the real provider; needs no backend and no credentials. */
export async function validateStack(stack: string, verbose: boolean): Promise<void> {
  assertTerraformInstalled();
  readSynthesizedStack(stack);
  const run = { stack, cwd: stackDir(stack), env: terraformEnvironment(), verbose };
  await terraform(run, ['init', '-backend=false', '-input=false', '-no-color']);
  await terraform(run, ['validate', '-no-color']);
}
