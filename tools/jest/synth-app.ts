import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface AppRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The synthesized cdk.tf.json, parsed (undefined if the app wrote none). */
  readonly stack?: {
    provider: { aws: Array<{ region: string }> };
    terraform: { backend: Record<string, { bucket?: string; key?: string; path?: string; kms_key_id?: string }> };
    output?: Record<string, { value: unknown }>;
  };
}

/** Runs a stack app exactly as the synth target does (bundled by tools/synth/run-app.cjs), into a temporary outdir. */
export function runStackApp(stack: string, env: NodeJS.ProcessEnv = {}): AppRun {
  const outdir = mkdtempSync(join(tmpdir(), `${stack}-`));
  const result = spawnSync(process.execPath, ['tools/synth/run-app.cjs', stack], {
    cwd: ROOT,
    env: { ...process.env, CDKTF_OUTDIR: outdir, ...env },
    encoding: 'utf8',
  });
  let parsed: AppRun['stack'];
  try {
    parsed = JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
  } catch {
    parsed = undefined;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, stack: parsed };
}
