import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { terraformEnvironment } from '@xyz/terraform-toolkit';
import { loadTopology } from '@xyz/topology';
import { runStackApp } from '../../jest/synth-app';

/**
 * The cdktf CLI itself (cdktf.json's app, tools/synth/run-all.cjs), as a developer runs it:
 * `npx cdktf synth` and `npx cdktf list` see every stack and write what the synth targets write.
 */
const ROOT = join(__dirname, '..', '..', '..');
const CDKTF = join(ROOT, 'node_modules', '.bin', 'cdktf');
// The CLI starts terraform and a bundled Node app per command: 10-30 s each on two cores.
const CLI_TIMEOUT_MS = 180_000;

const topology = loadTopology();
const STACKS = [topology.stateBackend.stackName, ...topology.regions.map((region) => region.stackName)].sort();

describe('the cdktf CLI', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-cli-'));
  // No telemetry call home; the project's own terraform CLI config (provider mirror) instead of a missing one.
  const env = { ...terraformEnvironment(), CHECKPOINT_DISABLE: '1', CI: 'true', FORCE_COLOR: '0' };
  const cdktf = (command: string) => spawnSync(CDKTF, [command, '--output', outdir], { cwd: ROOT, env, encoding: 'utf8' });
  const stackFile = (stack: string) => join(outdir, 'stacks', stack, 'cdk.tf.json');

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it(
    'synth writes every stack to <output>/stacks/<stack>/cdk.tf.json, as the synth targets do',
    () => {
      const result = cdktf('synth');
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
      expect(result.stdout).toMatch(/Generated Terraform code for the stacks/);
      for (const stack of STACKS) {
        expect([stack, JSON.parse(readFileSync(stackFile(stack), 'utf8'))]).toEqual([stack, runStackApp(stack).stack]);
      }
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'list names the four stacks and where they are',
    () => {
      const result = cdktf('list');
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
      const listed = result.stdout
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter(([name, path]) => path === join(outdir, 'stacks', name ?? ''))
        .map(([name]) => name)
        .sort();
      // The stack names are stable identifiers of regional state (see the design guide).
      expect(listed).toEqual(['primary-east', 'replica-ohio', 'replica-west', 'state-backend']);
      expect(listed).toEqual(STACKS);
    },
    CLI_TIMEOUT_MS,
  );
});

/** The workspace's files as a fresh clone has them: no dist/, no Nx cache, no cdktf.out (node_modules linked). */
function freshCopyOfWorkspace(): string {
  const copy = mkdtempSync(join(tmpdir(), 'cdktf-fresh-'));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter((name) => name && existsSync(join(ROOT, name)))) {
    mkdirSync(join(copy, dirname(file)), { recursive: true });
    cpSync(join(ROOT, file), join(copy, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

describe('the cdktf CLI on a fresh clone', () => {
  const copy = freshCopyOfWorkspace();
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it(
    'synth builds the stream processor bundle first (a fresh clone has none), then writes every stack',
    () => {
      expect(existsSync(join(copy, 'dist'))).toBe(false);
      // As a developer runs it: not inside an Nx task, so no task has built the bundle.
      const env: NodeJS.ProcessEnv = { ...terraformEnvironment(), CHECKPOINT_DISABLE: '1', CI: 'true', FORCE_COLOR: '0', NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
      for (const name of Object.keys(env)) if (name.startsWith('NX_TASK_')) delete env[name];
      const result = spawnSync(CDKTF, ['synth'], { cwd: copy, env, encoding: 'utf8' });
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
      expect(result.stdout).toMatch(/Building the stream processor bundle/);
      expect(existsSync(join(copy, 'dist', 'stream-processor', 'processor-bundle.json'))).toBe(true);
      for (const stack of STACKS) expect([stack, existsSync(join(copy, 'cdktf.out', 'stacks', stack, 'cdk.tf.json'))]).toEqual([stack, true]);
    },
    CLI_TIMEOUT_MS,
  );
});
