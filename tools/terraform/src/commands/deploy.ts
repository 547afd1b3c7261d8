import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { terraformEnvironment, UserError, assertTerraformInstalled, terraform } from '@xyz/terraform-toolkit';
import { stackDir } from '../paths';
import { ensureLocalStateFolder, readSynthesizedStack } from './stack-files';

/**
 * CI sets this to a folder of reviewed plans (<dir>/<stack>/plan.tfplan): Nx cannot pass a
 * per-stack --plan-file through `nx affected -t deploy`, but an environment variable reaches
 * every deploy task, including the upstream ones ^deploy pulls in.
 */
export const REVIEWED_PLANS_VARIABLE = 'XYZ_REVIEWED_PLANS_DIR';

export interface DeployOptions {
  /** Apply this saved (reviewed) plan instead of planning again. @default $XYZ_REVIEWED_PLANS_DIR/<stack>/plan.tfplan when set */
  readonly planFile?: string;
  /** Apply without asking. CI passes it; interactive users are asked by terraform. */
  readonly autoApprove: boolean;
  readonly verbose: boolean;
}

/** terraform apply against the real backend. Never cached, never offline. */
export async function deployStack(stack: string, options: DeployOptions): Promise<void> {
  assertTerraformInstalled();
  ensureLocalStateFolder(stack, readSynthesizedStack(stack));
  const reviewedDir = process.env[REVIEWED_PLANS_VARIABLE];
  const planFile = options.planFile ? resolve(options.planFile) : reviewedDir ? resolve(reviewedDir, stack, 'plan.tfplan') : undefined;
  if (planFile && !existsSync(planFile)) throw new UserError(`plan file ${planFile} does not exist`, 2);
  if (!planFile && !options.autoApprove && !process.stdin.isTTY) {
    throw new UserError('refusing to apply without review: pass --plan-file <reviewed plan> or --auto-approve', 2);
  }
  const interactive = !planFile && !options.autoApprove;
  const run = { stack, cwd: stackDir(stack), env: terraformEnvironment(), verbose: options.verbose || interactive, interactive };
  await terraform(run, ['init', '-input=false', '-no-color']);
  const apply = planFile ? ['apply', '-input=false', '-no-color', planFile] : ['apply', '-no-color', ...(options.autoApprove ? ['-auto-approve', '-input=false'] : [])];
  await terraform(run, apply);
  console.log(`[${stack}] deployed`);
}
