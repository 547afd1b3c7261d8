// Runs the real terraform binary on a synthesized stack, offline, against the machine's provider mirror.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The provider mirror, named as tools/terraform names it (XYZ_TF_PROVIDER_MIRROR); without one, terraform uses the registry. */
const PLUGIN_DIR = process.env['XYZ_TF_PROVIDER_MIRROR'] || '/opt/tf-plugins';

export function terraformAvailable(): boolean {
  return spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;
}

/** In CI a missing terraform is a failure, not a skip. */
export function requireTerraformInCi(): void {
  if (process.env['CI'] === 'true' && !terraformAvailable()) throw new Error('terraform is not on PATH, and CI=true requires it');
}

let cliConfig: string | undefined;

export function terraform(directory: string, args: string[]): string {
  // An empty CLI config of our own: the one TF_CLI_CONFIG_FILE names on these machines does not exist.
  if (!cliConfig) {
    cliConfig = join(mkdtempSync(join(tmpdir(), 'tf-cli-')), 'terraformrc');
    writeFileSync(cliConfig, '');
  }
  const pluginArgs = args[0] === 'init' && existsSync(join(PLUGIN_DIR, 'registry.terraform.io', 'hashicorp', 'aws')) ? [`-plugin-dir=${PLUGIN_DIR}`] : [];
  try {
    return execFileSync('terraform', [...args, ...pluginArgs, '-no-color'], {
      cwd: directory,
      encoding: 'utf8',
      env: { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: '1', AWS_ACCESS_KEY_ID: 'mock', AWS_SECRET_ACCESS_KEY: 'mock' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    throw new Error(`terraform ${args.join(' ')} failed:\n${failed.stderr ?? ''}${failed.stdout ?? ''}`);
  }
}
