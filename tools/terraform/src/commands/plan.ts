import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { terraformEnvironment, UserError, assertTerraformInstalled, terraform, type TerraformRun } from '@xyz/terraform-toolkit';
import { needsSecretsStandIn } from '../offline/overrides';
import { readPriorState } from '../offline/prior-state';
import { startSecretsStandIn } from '../offline/secrets-standin';
import { REPO_ROOT, stackDir } from '../paths';
import { prepareOfflineWorkdir } from './offline-workdir';
import { ensureLocalStateFolder, readSynthesizedStack } from './stack-files';

export interface PlanOptions {
  readonly offline: boolean;
  readonly verbose: boolean;
  /** Offline only: a Terraform state file to plan against instead of an empty state (not refreshed). */
  readonly state?: string;
}

interface PlanDocument {
  resource_changes?: Array<{ change: { actions: string[] } }>;
}

function summarize(planJson: string): string {
  const counts = { create: 0, update: 0, replace: 0, delete: 0 };
  for (const change of (JSON.parse(planJson) as PlanDocument).resource_changes ?? []) {
    const actions = change.change.actions;
    if (actions.includes('create') && actions.includes('delete')) counts.replace += 1;
    else if (actions.includes('create')) counts.create += 1;
    else if (actions.includes('update')) counts.update += 1;
    else if (actions.includes('delete')) counts.delete += 1;
  }
  return `${counts.create} to create, ${counts.update} to update, ${counts.replace} to replace, ${counts.delete} to delete`;
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
    const cwd = options.offline ? prepareOfflineWorkdir(stack, synthesized, standIn?.endpoint, priorState) : stackDir(stack);
    const run: TerraformRun = { stack, cwd, env: terraformEnvironment(), verbose: options.verbose };
    const planFile = join(stackDir(stack), 'plan.tfplan');
    const jsonFile = join(stackDir(stack), 'plan.json');
    await terraform(run, ['init', '-input=false', '-no-color', ...(options.offline ? ['-reconfigure'] : [])]);
    const offlineArgs = options.offline ? ['-lock=false', ...(priorState === undefined ? [] : ['-refresh=false'])] : [];
    await terraform(run, ['plan', '-input=false', '-no-color', `-out=${planFile}`, ...offlineArgs]);
    await terraform(run, ['show', '-json', planFile], { stdoutFile: jsonFile });
    const planJson = readFileSync(jsonFile, 'utf8');
    writeFileSync(jsonFile, planJson.trim() + '\n');
    const mode = options.offline ? (priorState === undefined ? ' (offline)' : ' (offline, against the given state)') : '';
    console.log(`[${stack}] plan${mode}: ${summarize(planJson)} -> ${relative(REPO_ROOT, jsonFile)}`);
  } finally {
    await standIn?.close();
  }
}
