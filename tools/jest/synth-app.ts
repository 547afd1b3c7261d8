import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
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
    terraform: { backend: Record<string, { key?: string; path?: string }> };
    output?: Record<string, { value: unknown }>;
  };
}

/** Runs a stack app the way the synth target does, into a temporary outdir. */
export function runStackApp(stack: string, env: NodeJS.ProcessEnv = {}): AppRun {
  const outdir = mkdtempSync(join(tmpdir(), `${stack}-`));
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['--tsconfig', 'tsconfig.base.json', `apps/${stack}/src/main.ts`], {
    cwd: ROOT,
    env: { ...process.env, CDKTF_OUTDIR: outdir, ...env },
    encoding: 'utf8',
  });
  let parsed: AppRun['stack'];
  try {
    parsed = JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
  } catch {
    parsed = undefined;
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, stack: parsed };
}
