import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  assertTerraformInstalled,
  countChanges,
  describeChangeCounts,
  needsSecretsStandIn,
  readPlanJson,
  readPriorState,
  startSecretsStandIn,
  terraform,
  terraformEnvironment,
  type TerraformRun,
  UserError,
} from '@xyz/terraform-toolkit';
import { REPO_ROOT, stackDir } from '../paths';
import { prepareStackWorkdir } from './offline-workdir';
import { ensureLocalStateFolder, readSynthesizedStack } from './stack-files';

export interface PlanOptions {
  readonly offline: boolean;
  readonly verbose: boolean;
  /** Offline only: a Terraform state file to plan against instead of an empty state (not refreshed). */
  readonly state?: string;
}

/**
 * terraform plan, saved as plan.tfplan and plan.json (terraform show -json) in the stack's
 * directory. Offline, the plan runs in a separate working directory with no cloud account; with
 * a prior state it plans against that state with -refresh=false, since nothing can be read back
 * from AWS, so the provider shows what the code change alone would do to those resources.
 */
export async function planStack(stack: string, options: PlanOptions): Promise<void> {
  if (options.state !== undefined && !options.offline) {
    throw new UserError('--state plans against a local copy of a state and needs --offline; a plan against the real backend reads its own state', 2);
  }
  const priorState = options.state === undefined ? undefined : readPriorState(options.state);
  assertTerraformInstalled();
  const synthesized = readSynthesizedStack(stack);
  const standIn = options.offline && needsSecretsStandIn(synthesized) ? await startSecretsStandIn() : undefined;
  try {
    if (!options.offline) ensureLocalStateFolder(stack, synthesized);
    const cwd = options.offline ? prepareStackWorkdir(stack, synthesized, standIn?.endpoint, priorState) : stackDir(stack);
    const run: TerraformRun = { stack, cwd, env: terraformEnvironment(), verbose: options.verbose };
    const planFile = join(stackDir(stack), 'plan.tfplan');
    const jsonFile = join(stackDir(stack), 'plan.json');
    await terraform(run, ['init', '-input=false', '-no-color', ...(options.offline ? ['-reconfigure'] : [])]);
    const offlineArgs = options.offline ? ['-lock=false', ...(priorState === undefined ? [] : ['-refresh=false'])] : [];
    await terraform(run, ['plan', '-input=false', '-no-color', `-out=${planFile}`, ...offlineArgs]);
    await terraform(run, ['show', '-json', planFile], { stdoutFile: jsonFile });
    writeFileSync(jsonFile, readFileSync(jsonFile, 'utf8').trim() + '\n');
    const counts = countChanges(readPlanJson(jsonFile).resource_changes);
    const mode = options.offline ? (priorState === undefined ? ' (offline)' : ' (offline, against the given state)') : '';
    console.log(`[${stack}] plan${mode}: ${describeChangeCounts(counts)} -> ${relative(REPO_ROOT, jsonFile)}`);
  } finally {
    await standIn?.close();
  }
}
