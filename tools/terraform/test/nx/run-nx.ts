import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..', '..');
const NX = join(ROOT, 'node_modules', '.bin', 'nx');

export interface NxRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs an nx command in this workspace as CI does (no daemon), with extra environment variables. */
export function runNx(args: string[], env: NodeJS.ProcessEnv = {}): NxRun {
  const result = spawnSync(NX, args, { cwd: ROOT, env: { ...process.env, NX_DAEMON: 'false', FORCE_COLOR: '0', ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Like runNx, but fails the test with nx's output when the command fails; returns stdout. */
export function nx(args: string[], env: NodeJS.ProcessEnv = {}): string {
  const result = runNx(args, env);
  if (result.status !== 0) throw new Error(`nx ${args.join(' ')} exited ${result.status}:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/**
 * A copy of the committed environments in a temporary folder, for XYZ_TOPOLOGY_DIR, with the
 * production topology changed by `edit` (given its text).
 */
export function editedTopologyDir(edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nx-topology-'));
  cpSync(join(ROOT, 'libs', 'topology', 'environments'), dir, { recursive: true });
  const file = join(dir, 'production.json');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

/** Edits the production topology as a document. */
export const editJson = (change: (doc: Record<string, unknown>) => void) => (text: string) => {
  const doc = JSON.parse(text);
  change(doc);
  return JSON.stringify(doc, null, 2);
};
