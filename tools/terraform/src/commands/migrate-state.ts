import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { assertTerraformInstalled, terraform, terraformEnvironment, UserError } from '@xyz/terraform-toolkit';
import { isAwsRegion } from '@xyz/topology';
import { REPO_ROOT, stackDir } from '../paths';
import { readSynthesizedStack } from './stack-files';

/** Where a stack's state lives today, when it is not where the synthesized backend now says. */
export interface LegacyStateLocation {
  readonly bucket: string;
  readonly region: string;
  /** @default the key the stack's backend uses now (the key of a stack did not change) */
  readonly key?: string;
}

/**
 * -backend-config is applied over the configuration (override files included): only the location
 * changes, every other backend setting stays as the stack declares it.
 */
function locationFlags(location: { bucket: string; key: string; region: string }): string[] {
  return Object.entries(location).map(([name, value]) => `-backend-config=${name}=${value}`);
}

/**
 * The bootstrap left cdk.tf.json with its local backend: synthesize the stack again as its synth
 * target does, without XYZ_STATE_BOOTSTRAP, so that it names its S3 backend.
 */
function synthesizeWithRemoteState(stack: string): void {
  console.log(`[${stack}] cdk.tf.json still has the bootstrap's local backend: synthesizing it again with its S3 backend`);
  const env = { ...process.env };
  delete env.XYZ_STATE_BOOTSTRAP;
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'tools', 'synth', 'run-app.cjs'), stack], { cwd: REPO_ROOT, env, stdio: 'inherit' });
  if (result.status !== 0) throw new UserError(`[${stack}] synthesis failed (exit ${result.status ?? result.signal}); nothing was migrated`, result.status ?? 1);
}

/**
 * Moves a stack's state into the backend its synthesized cdk.tf.json names.
 * - Without `from`: after the state-backend bootstrap (local state); terraform copies the local
 *   state into the bucket (the stack is synthesized again with its S3 backend first if needed).
 * - With `from`: from another S3 location, such as the single us-east-1 bucket every stack used
 *   before the regional stores. Terraform is first initialised on the old location (the stack's
 *   backend with -backend-config for bucket, key and region), then asked to migrate to the
 *   backend the stack declares, so it copies the state (the old object is left in place).
 */
export async function migrateState(stack: string, verbose: boolean, from?: LegacyStateLocation): Promise<void> {
  assertTerraformInstalled();
  let synthesized = readSynthesizedStack(stack);
  if (!from && synthesized.terraform?.backend?.local) {
    synthesizeWithRemoteState(stack);
    synthesized = readSynthesizedStack(stack);
  }
  const target = synthesized.terraform?.backend?.s3;
  const run = { stack, cwd: stackDir(stack), env: terraformEnvironment(), verbose };
  if (from) {
    if (!target) throw new UserError(`${stack} has no S3 backend in its cdk.tf.json; synthesize it without XYZ_STATE_BOOTSTRAP first`, 2);
    if (!isAwsRegion(from.region)) throw new UserError(`--from-region ${from.region} is not a known AWS region`, 2);
    const legacy = { bucket: from.bucket, key: String(from.key ?? target.key), region: from.region };
    if (legacy.bucket === target.bucket && legacy.key === target.key) throw new UserError(`${stack}'s state is already at s3://${legacy.bucket}/${legacy.key}`, 2);
    console.log(`[${stack}] reading the state at s3://${legacy.bucket}/${legacy.key} (${legacy.region})`);
    await terraform(run, ['init', '-reconfigure', '-input=false', '-no-color', ...locationFlags(legacy)]);
  }
  // After an init with -backend-config, Terraform keeps those values until others are given: name
  // the stack's own location again, or it would see no change and migrate nothing.
  const backToTarget = from && target ? locationFlags({ bucket: String(target.bucket), key: String(target.key), region: String(target.region) }) : [];
  await terraform(run, ['init', '-migrate-state', '-force-copy', '-input=false', '-no-color', ...backToTarget]);
  const where = target ? `s3://${String(target.bucket)}/${String(target.key)} (${String(target.region)})` : `the backend of cdktf.out/stacks/${stack}/cdk.tf.json`;
  console.log(`[${stack}] state now lives in ${where}${from ? `; the old copy at s3://${from.bucket} is untouched (delete it once every stack has moved)` : ''}`);
}
