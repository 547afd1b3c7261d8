import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Shared by the test suites that run the real terraform binary on a synthesized configuration.

/** The local mirror of hashicorp/aws on these machines, as tools/terraform names it (XYZ_TF_PROVIDER_MIRROR). */
const PLUGIN_DIR = process.env['XYZ_TF_PROVIDER_MIRROR'] ?? '/opt/tf-plugins';

export function terraformOnPath(): boolean {
  return spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;
}

/**
 * `describe` for suites that run the real terraform. Without terraform the suite is skipped and
 * says why, except in CI (CI=true), where a missing terraform is a failure.
 */
export function describeWithTerraform(name: string, body: () => void): void {
  if (terraformOnPath()) {
    describe(name, body);
  } else if (process.env['CI'] === 'true') {
    describe(name, () => {
      it('has terraform on PATH', () => {
        throw new Error('terraform is not on PATH; CI must install terraform 1.11 to run the offline plan tests');
      });
    });
  } else {
    describe.skip(`${name} (skipped: terraform is not on PATH)`, body);
  }
}

/** Runs terraform in dir; throws with terraform's own output when it fails. */
export function terraform(dir: string, args: string[]): string {
  const cliConfig = join(dir, 'empty.tfrc');
  if (!existsSync(cliConfig)) writeFileSync(cliConfig, '');
  const result = spawnSync('terraform', args, {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: {
      ...process.env,
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      TF_CLI_CONFIG_FILE: cliConfig,
      // Offline: no credentials exist; providers configured with skip flags accept these.
      AWS_ACCESS_KEY_ID: process.env['AWS_ACCESS_KEY_ID'] ?? 'mock',
      AWS_SECRET_ACCESS_KEY: process.env['AWS_SECRET_ACCESS_KEY'] ?? 'mock',
    },
  });
  if (result.status !== 0) {
    throw new Error(`terraform ${args.join(' ')} failed in ${dir}:\n${shorten(result.stderr || result.stdout)}`);
  }
  return result.stdout;
}

/** cdk.tf.json is one line, which terraform quotes in every diagnostic; keep the messages readable. */
function shorten(output: string): string {
  return output
    .split('\n')
    .map((line) => (line.length > 300 ? `${line.slice(0, 300)} ...` : line))
    .join('\n');
}

/** terraform init against the local provider mirror when there is one, else the registry. */
export function initOffline(dir: string): void {
  const args = ['init', '-input=false', '-no-color'];
  if (existsSync(join(PLUGIN_DIR, 'registry.terraform.io', 'hashicorp', 'aws'))) args.push(`-plugin-dir=${PLUGIN_DIR}`);
  terraform(dir, args);
}

export interface PlannedResource {
  readonly address: string;
  readonly type: string;
  readonly values: Record<string, unknown>;
}

export interface OfflinePlan {
  readonly resources: PlannedResource[];
  readonly actions: string[][];
}

/** terraform plan (the provider validates every argument) and its JSON form. */
export function planOffline(dir: string): OfflinePlan {
  terraform(dir, ['plan', '-input=false', '-no-color', '-lock=false', '-out=tfplan']);
  const shown = JSON.parse(terraform(dir, ['show', '-json', 'tfplan'])) as {
    planned_values: { root_module: { resources?: PlannedResource[] } };
    resource_changes: Array<{ change: { actions: string[] } }>;
  };
  return {
    resources: shown.planned_values.root_module.resources ?? [],
    actions: shown.resource_changes.map((change) => change.change.actions),
  };
}
