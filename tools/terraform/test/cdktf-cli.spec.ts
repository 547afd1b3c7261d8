import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
