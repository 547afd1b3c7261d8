import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { UserError } from './errors';

export interface TerraformRun {
  readonly stack: string;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Print terraform's output as it comes; otherwise only show it when the command fails. */
  readonly verbose: boolean;
  /** Hand the terminal to terraform (it may ask for confirmation). */
  readonly interactive?: boolean;
}

export function assertTerraformInstalled(): string {
  const probe = spawnSync('terraform', ['version', '-json'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new UserError('terraform is not on PATH. Install Terraform >= 1.11 (https://developer.hashicorp.com/terraform/install).', 127);
  }
  return (JSON.parse(probe.stdout) as { terraform_version: string }).terraform_version;
}

function step(run: TerraformRun, message: string): void {
  console.log(`[${run.stack}] ${message}`);
}

/**
 * Runs one terraform command with a progress line before and after. On failure the captured
 * output is printed and a UserError names the step.
 */
export async function terraform(run: TerraformRun, args: string[], options: { stdoutFile?: string } = {}): Promise<void> {
  const started = Date.now();
  const label = `terraform ${args[0]}`;
  step(run, `${label} ...`);
  const child = spawn('terraform', [...args], { cwd: run.cwd, env: run.env, stdio: [run.interactive ? 'inherit' : 'ignore', 'pipe', 'pipe'] });
  const captured: Buffer[] = [];
  const sink = options.stdoutFile ? createWriteStream(options.stdoutFile) : undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    if (sink) sink.write(chunk);
    else if (run.verbose) process.stdout.write(chunk);
    else captured.push(chunk);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    if (run.verbose) process.stderr.write(chunk);
    else captured.push(chunk);
  });
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve(status ?? 1));
  });
  if (sink) await new Promise<void>((resolve) => sink.end(resolve));
  const elapsed = ((Date.now() - started) / 1000).toFixed(1);
  if (code !== 0) {
    if (!run.verbose) process.stderr.write(Buffer.concat(captured));
    throw new UserError(`[${run.stack}] ${label} failed (exit ${code}) after ${elapsed}s`, code);
  }
  step(run, `${label} done in ${elapsed}s`);
}
