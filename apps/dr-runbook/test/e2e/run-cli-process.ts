import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SimCall, SimulatedAws } from '@xyz/dr-simulator';
import type { ScenarioFile } from './install-scenario';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
const PRELOAD = join(__dirname, 'preload.cjs');

export interface ProcessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** What the simulated AWS saw, when a scenario was given. */
  readonly calls: SimCall[];
  readonly snapshot?: ReturnType<SimulatedAws['snapshot']>;
}

/**
 * Runs `npm run dr-runbook -- <args>` from the repository root, exactly as an engineer would, with
 * the simulated AWS installed in the CLI process by the preload. `input` is typed on stdin.
 */
export function runCliProcess(args: readonly string[], options: { scenario?: ScenarioFile; input?: string; env?: Readonly<Record<string, string>> } = {}): Promise<ProcessResult> {
  const work = mkdtempSync(join(tmpdir(), 'dr-runbook-e2e-'));
  const scenarioFile = join(work, 'scenario.json');
  const outFile = join(work, 'aws.json');
  const env: NodeJS.ProcessEnv = { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_EC2_METADATA_DISABLED: 'true', NODE_OPTIONS: '' };
  delete env.XYZ_ENVIRONMENT;
  Object.assign(env, options.env);
  if (options.scenario) {
    writeFileSync(scenarioFile, JSON.stringify(options.scenario));
    Object.assign(env, { NODE_OPTIONS: `--require ${PRELOAD}`, DR_RUNBOOK_SIM_SCENARIO: scenarioFile, DR_RUNBOOK_SIM_OUT: outFile });
  }
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', '--silent', 'dr-runbook', '--', ...args], { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.stdin.end(options.input ?? '');
    child.on('close', (code) => {
      const aws = existsSync(outFile) ? (JSON.parse(readFileSync(outFile, 'utf8')) as { calls: SimCall[]; snapshot: ProcessResult['snapshot'] }) : { calls: [], snapshot: undefined };
      done({ code, stdout, stderr, calls: aws.calls, snapshot: aws.snapshot });
    });
  });
}
