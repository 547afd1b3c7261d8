import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topologyFile } from '@xyz/topology';
import { REPO_ROOT } from './e2e/run-cli-process';

/**
 * The DR workflow (.github/workflows/dr.yml) and the script that turns its inputs into one runbook
 * call. actionlint, pinning and the base input cases are checked by the plan-review workflow tests;
 * these cover resuming a run from its journal artifact and writing the topology change.
 */
const WORKFLOW = readFileSync(join(REPO_ROOT, '.github', 'workflows', 'dr.yml'), 'utf8');
const SCRIPT = join(REPO_ROOT, '.github', 'workflows', 'scripts', 'run-dr-runbook.sh');
const TOPOLOGY = join('libs', 'topology', 'environments', 'production.json');

/** A workspace with the topology file and an `npm` that records its arguments instead of running the runbook. */
function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'dr-workflow-'));
  mkdirSync(join(root, 'libs', 'topology', 'environments'), { recursive: true });
  copyFileSync(topologyFile('production'), join(root, TOPOLOGY));
  mkdirSync(join(root, 'bin'));
  const fakeNpm = join(root, 'bin', 'npm');
  writeFileSync(
    fakeNpm,
    [
      '#!/usr/bin/env bash',
      'printf "%s\\n" "$*" > npm-args.txt',
      'if [ -e "$REPORT_DIR/run.lock" ]; then echo lock-present >> npm-args.txt; fi',
      'if [ -n "${NEW_PRIMARY:-}" ]; then sed -i "s/\\"primaryRegion\\": \\"[^\\"]*\\"/\\"primaryRegion\\": \\"$NEW_PRIMARY\\"/" ' + TOPOLOGY + '; fi',
      'exit "${NPM_EXIT:-0}"',
      '',
    ].join('\n'),
  );
  chmodSync(fakeNpm, 0o755);
  return { root, reportDir: join(root, 'dr-report'), topologyOut: join(root, 'dr-topology'), npmArgs: () => readFileSync(join(root, 'npm-args.txt'), 'utf8').trim().split('\n') };
}

function runScript(env: Record<string, string>, options: { echo?: boolean } = {}) {
  const ws = workspace();
  const result = spawnSync('bash', [SCRIPT], {
    cwd: ws.root,
    encoding: 'utf8',
    env: { PATH: `${join(ws.root, 'bin')}:${process.env['PATH'] ?? ''}`, REPORT_DIR: ws.reportDir, TOPOLOGY_OUT: ws.topologyOut, ...(options.echo === false ? {} : { DRY_ECHO: '1' }), ...env },
  });
  return { ...ws, code: result.status, out: result.stdout.trim().split('\n')[0].replace(/--journal-dir \S+/, '--journal-dir <report>'), stdout: result.stdout, err: result.stderr };
}

describe('DR workflow script: resume and write-topology', () => {
  it.each([
    [{ MODE: 'dry-run', COMMAND: 'failover', RESUME: '8812345678' }, 'npm run --silent dr-runbook -- failover --resume --journal-dir <report>'],
    [{ MODE: 'execute', COMMAND: 'failover', RESUME: '8812345678', TO: 'us-west-2' }, 'npm run --silent dr-runbook -- failover --resume --to us-west-2 --journal-dir <report> --execute --yes'],
    [{ MODE: 'execute', COMMAND: 'restore', RESUME: '8812345678' }, 'npm run --silent dr-runbook -- restore --resume --journal-dir <report> --execute --yes'],
    [{ MODE: 'execute', COMMAND: 'drill az-failover', RESUME: '8812345678' }, 'npm run --silent dr-runbook -- drill az-failover --resume --journal-dir <report> --execute --yes'],
    [{ MODE: 'dry-run', COMMAND: 'failover', TO: 'us-west-2', WRITE_TOPOLOGY: 'true' }, 'npm run --silent dr-runbook -- failover --to us-west-2 --write-topology --journal-dir <report>'],
    [{ MODE: 'execute', COMMAND: 'failback', RESUME: '8812345678', WRITE_TOPOLOGY: 'true' }, 'npm run --silent dr-runbook -- failback --resume --write-topology --journal-dir <report> --execute --yes'],
  ])('%j runs %s', (env, expected) => {
    const { code, out, err } = runScript(env);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toBe(expected);
  });

  it.each([
    [{ MODE: 'dry-run', COMMAND: 'failover', RESUME: '../other-run' }, 'resume takes the id of an earlier DR workflow run (digits)'],
    [{ MODE: 'dry-run', COMMAND: 'status', RESUME: '8812345678' }, 'status keeps no journal; there is nothing to resume'],
    [{ MODE: 'execute', COMMAND: 'restore', AT: 'latest', WRITE_TOPOLOGY: 'true' }, 'write-topology only applies to failover and failback'],
    [{ MODE: 'dry-run', COMMAND: 'status', WRITE_TOPOLOGY: 'true' }, 'write-topology only applies to failover and failback'],
  ])('%j is refused before the runbook runs', (env, message) => {
    const { code, stdout, err } = runScript(env);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(err).toContain(message);
  });

  it('puts the changed topology file and its diff where the workflow uploads them, and keeps the runbook exit code', () => {
    const ws = runScript({ MODE: 'execute', COMMAND: 'failover', TO: 'us-west-2', WRITE_TOPOLOGY: 'true', NEW_PRIMARY: 'us-west-2', NPM_EXIT: '6' }, { echo: false });
    expect(ws.code).toBe(6);
    expect(ws.npmArgs()[0]).toBe(`run --silent dr-runbook -- failover --to us-west-2 --write-topology --journal-dir ${ws.reportDir} --execute --yes`);
    expect(readFileSync(join(ws.topologyOut, 'production.json'), 'utf8')).toContain('"primaryRegion": "us-west-2"');
    const diff = readFileSync(join(ws.topologyOut, 'topology.diff'), 'utf8');
    expect(diff).toContain(`-  "primaryRegion": "us-east-1",`);
    expect(diff).toContain(`+  "primaryRegion": "us-west-2",`);
    expect(ws.stdout).toContain('Commit it through a pull request.');
  });

  it('uploads nothing when the topology did not change (a dry run, or a run that stopped early)', () => {
    const ws = runScript({ MODE: 'execute', COMMAND: 'failover', TO: 'us-west-2', WRITE_TOPOLOGY: 'true', NPM_EXIT: '4' }, { echo: false });
    expect(ws.code).toBe(4);
    expect(existsSync(ws.topologyOut)).toBe(false);
  });

  it('drops the run lock the interrupted run left behind on its runner before resuming', () => {
    const ws = workspace();
    mkdirSync(ws.reportDir);
    writeFileSync(join(ws.reportDir, 'run.lock'), JSON.stringify({ pid: 4242, runId: 'failover-20260101t000000z-us-west-2' }));
    const result = spawnSync('bash', [SCRIPT], {
      cwd: ws.root,
      encoding: 'utf8',
      env: { PATH: `${join(ws.root, 'bin')}:${process.env['PATH'] ?? ''}`, REPORT_DIR: ws.reportDir, TOPOLOGY_OUT: ws.topologyOut, MODE: 'execute', COMMAND: 'failover', RESUME: '8812345678' },
    });
    expect(result.status).toBe(0);
    expect(ws.npmArgs()).toEqual([`run --silent dr-runbook -- failover --resume --journal-dir ${ws.reportDir} --execute --yes`]);
  });
});

describe('DR workflow: resume and write-topology inputs', () => {
  const [header, jobs] = WORKFLOW.split('\njobs:\n');
  const [dryRun, execute] = jobs.split('\n  execute:\n');

  it('declares both inputs, off by default', () => {
    expect(header).toMatch(/ {6}resume:\n(?: {8}.*\n)*? {8}type: string\n {8}default: ''\n/);
    expect(header).toMatch(/ {6}write-topology:\n(?: {8}.*\n)*? {8}type: boolean\n {8}default: false\n/);
  });

  it.each([
    ['dry-run', () => dryRun],
    ['execute', () => execute],
  ])('the %s job downloads the journal artifact of the given run only when resuming, and passes both inputs on', (_job, source) => {
    const job = source();
    expect(job).toMatch(/if: inputs\.resume != ''\n {8}uses: actions\/download-artifact@(?:v\d+\.\d+\.\d+|[0-9a-f]{40} # v\d+\.\d+\.\d+)\n {8}with:\n {10}name: dr-report-execute\n {10}path: dr-report\n {10}run-id: \$\{\{ inputs\.resume \}\}\n/);
    expect(job).toContain('RESUME: ${{ inputs.resume }}');
    expect(job).toContain('WRITE_TOPOLOGY: ${{ inputs.write-topology }}');
    expect(job).toMatch(/permissions:\n {6}contents: read\n {6}actions: read #.*\n {6}id-token: write #/);
  });

  it('uploads the changed topology from the approved job only, and never writes to the repository', () => {
    expect(execute).toMatch(/if: always\(\) && inputs\.write-topology\n {8}with:\n {10}name: dr-topology-change\n {10}path: dr-topology\n/);
    expect(dryRun).not.toContain('dr-topology');
    expect(WORKFLOW).not.toMatch(/contents: write|git push|git commit|persist-credentials: true/);
    expect(header).toMatch(/\npermissions:\n {2}contents: read\n\n/);
  });
});

describe('DR workflow and deploys', () => {
  const workflowConcurrency = (text: string) => /\nconcurrency:\n {2}group: (\S+)\n {2}cancel-in-progress: (\S+)\n/.exec(text)?.slice(1);

  it('share one concurrency group, so a deploy cannot run during a failover, and neither cancels the other', () => {
    const deploy = readFileSync(join(REPO_ROOT, '.github', 'workflows', 'deploy.yml'), 'utf8');
    const [group, cancel] = workflowConcurrency(WORKFLOW) ?? [];
    expect(group).toBeDefined();
    expect(cancel).toBe('false');
    expect(workflowConcurrency(deploy)).toEqual([group, 'false']);
    // Job-level groups would let the other workflow's jobs slip in between.
    expect(`${WORKFLOW}\n${deploy}`.match(/concurrency:/g)).toHaveLength(2);
  });
});
