import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { terraformEnvironment } from '../cli-config';
import { needsSecretsStandIn } from '../offline/overrides';
import { startSecretsStandIn } from '../offline/secrets-standin';
import { REPO_ROOT, stackDir } from '../paths';
import { assertTerraformInstalled, terraform, type TerraformRun } from '../terraform';
import { prepareOfflineWorkdir } from './offline-workdir';
import { ensureLocalStateFolder, readSynthesizedStack } from './stack-files';

export interface PlanOptions {
  readonly offline: boolean;
  readonly verbose: boolean;
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
 * directory. Offline, the plan runs in a separate working directory with no cloud account.
 */
export async function planStack(stack: string, options: PlanOptions): Promise<void> {
  assertTerraformInstalled();
  const synthesized = readSynthesizedStack(stack);
  const standIn = options.offline && needsSecretsStandIn(synthesized) ? await startSecretsStandIn() : undefined;
  try {
    if (!options.offline) ensureLocalStateFolder(stack, synthesized);
    const cwd = options.offline ? prepareOfflineWorkdir(stack, synthesized, standIn?.endpoint) : stackDir(stack);
    const run: TerraformRun = { stack, cwd, env: terraformEnvironment(), verbose: options.verbose };
    const planFile = join(stackDir(stack), 'plan.tfplan');
    const jsonFile = join(stackDir(stack), 'plan.json');
    await terraform(run, ['init', '-input=false', '-no-color', ...(options.offline ? ['-reconfigure'] : [])]);
    await terraform(run, ['plan', '-input=false', '-no-color', `-out=${planFile}`, ...(options.offline ? ['-lock=false'] : [])]);
    await terraform(run, ['show', '-json', planFile], { stdoutFile: jsonFile });
    const planJson = readFileSync(jsonFile, 'utf8');
    writeFileSync(jsonFile, planJson.trim() + '\n');
    console.log(`[${stack}] plan${options.offline ? ' (offline)' : ''}: ${summarize(planJson)} -> ${relative(REPO_ROOT, jsonFile)}`);
  } finally {
    await standIn?.close();
  }
}
