import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stackNameOf } from '../src/cli/inputs';
import { EXIT_BAD_INPUT, EXIT_BLOCKED, EXIT_OK, runCli } from '../src/cli/program';
import { usd } from '../src/summary/format';
import { COMMENT_MARKER, GITHUB_COMMENT_LIMIT } from '../src/summary/markdown';
import { fixturePath } from './fixtures';

function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = runCli(args, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

const created = fixturePath('mini', 'create', 'mini-platform');
const replaced = fixturePath('mini', 'replace-all', 'mini-platform');
const renamed = fixturePath('mini', 'rename-and-promote', 'mini-platform');
const made: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-review-cli-'));
  made.push(dir);
  return dir;
};

afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('plan-review CLI', () => {
  it('prints the Markdown review and exits 0 when nothing stateful is destroyed', () => {
    const { code, out, err } = cli(created);
    expect(code).toBe(EXIT_OK);
    expect(out.startsWith(COMMENT_MARKER)).toBe(true);
    expect(out).toContain('| mini-platform | 9 | 0 | 0 | 0 | 0 | $0.00 |');
    expect(err).toContain(`plan-review: read ${created} (stack mini-platform)`);
  });

  it('exits 1 on a destructive fixture and names each blocked resource on stderr', () => {
    const { code, err } = cli(replaced, '--quiet');
    expect(code).toBe(EXIT_BLOCKED);
    expect(err).toContain('plan-review: BLOCKED replace of mini-platform:aws_db_instance.primary: RDS database xyz-prod-mysql-use1');
    expect(err).toContain('(forced by a change to kms_key_id)');
    expect(err).not.toContain('plan-review: read ');
  });

  it('prints every detail but writes a comment-sized Markdown file for a very long plan', () => {
    const plan = JSON.parse(readFileSync(replaced, 'utf8'));
    const template = plan.resource_changes[0];
    plan.resource_changes = Array.from({ length: 2000 }, (_, i) => ({ ...template, address: `aws_kms_key.key_${i}`, type: 'aws_kms_key', name: `key_${i}` }));
    const file = join(tmp(), 'huge', 'plan.json');
    mkdirSync(join(file, '..'));
    writeFileSync(file, JSON.stringify(plan));
    const markdownFile = join(tmp(), 'comment.md');
    const { code, out } = cli(file, '--markdown-file', markdownFile, '--quiet');
    const comment = readFileSync(markdownFile, 'utf8');
    expect(code).toBe(EXIT_BLOCKED);
    expect(out.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
    expect(out).toContain('- `aws_kms_key.key_1999`: forced by `kms_key_id`');
    expect(out).not.toContain('…and');
    expect(comment.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(comment).toContain('the job log');
  });

  it('passes once every destructive change is allowed in the allow file', () => {
    const { out } = cli(replaced, '--json', '--quiet');
    const blocked: { key: string; action: string }[] = JSON.parse(out).guard.blocked;
    const file = join(tmp(), 'allow.json');
    writeFileSync(file, JSON.stringify({ allow: blocked.map(({ key, action }) => ({ address: key, action, reason: 'fixture: everything is rebuilt on purpose' })) }));
    const result = cli(replaced, '--allow-file', file, '--quiet');
    expect(result.code).toBe(EXIT_OK);
    expect(result.out).toContain(`✅ ${blocked.length} replacements, each explicitly allowed.`);
  });

  it('exits 1 on the rename of a live database, and 0 once it is allowed; the promotion alone does not block', () => {
    const blocked = cli(renamed, '--quiet');
    expect(blocked.code).toBe(EXIT_BLOCKED);
    expect(blocked.err).toBe('plan-review: BLOCKED rename of mini-platform:aws_db_instance.primary: ' + 'RDS database xyz-prod-mysql-use1 is renamed in place to xyz-prod-mysql-use1-v2: no data is lost, but its endpoint (the DNS name clients connect to) and its ARN change, so applications fail until they connect to the new endpoint, and whatever names the instance outside this plan (other stacks, dashboards, scripts) must follow (identifier xyz-prod-mysql-use1 → xyz-prod-mysql-use1-v2)\n');
    const allowed = cli(renamed, '--allow', 'rename:mini-platform:aws_db_instance.primary=adopt the new naming scheme (OPS-77)', '--quiet');
    expect(allowed.code).toBe(EXIT_OK);
    expect(allowed.out).toContain('⚠️ **1 change needs attention**');
  });

  it('allows one change from the command line, and only that one', () => {
    const { code, err } = cli(replaced, '--allow', 'replace:mini-platform:aws_db_instance.replica=rebuild after failover (OPS-42)', '--quiet');
    expect(code).toBe(EXIT_BLOCKED);
    expect(err).not.toContain('mini-platform:aws_db_instance.replica:');
    expect(err).toContain('mini-platform:aws_db_instance.primary');
  });

  it('writes the Markdown and the JSON to files, and takes "before" costs from a baseline', () => {
    const dir = tmp();
    const markdownFile = join(dir, 'out', 'plan-review.md');
    const jsonFile = join(dir, 'baseline.json');
    expect(cli(created, '--markdown-file', markdownFile, '--json-file', jsonFile, '--quiet').code).toBe(EXIT_OK);
    expect(readFileSync(markdownFile, 'utf8')).toContain('## Terraform plan review: 1 stack');
    const after = JSON.parse(readFileSync(jsonFile, 'utf8')).afterUsd;
    const { out } = cli(created, '--baseline', jsonFile, '--quiet');
    expect(out).toContain(`| mini-platform | 9 | 0 | 0 | 0 | 0 | ${usd(after)} (baseline) | ${usd(after)} | ±$0.00 |`);
  });

  it.each([
    [['missing/plan.json'], 'plan-review: missing/plan.json: plan not found'],
    [[created, created], 'is already given by'],
    [[created, '--allow-file', join(__dirname, 'fixtures', 'terraform', 'platform.tf')], 'allow file is not valid JSON'],
    [[created, '--allow', 'replace:aws_db_instance.primary=because it is'], 'must be "<stack>:<resource address>"'],
    [[created, '--allow', 'mini-platform:aws_db_instance.primary=because it is'], 'write it as <action>:<stack>:<address>=<reason>'],
    [[created, '--environment', 'nowhere'], 'unknown environment "nowhere"'],
    [[join(__dirname, 'fixtures', 'mini', 'create')], 'is a directory; give the plan file itself'],
    [[created, '--markdown-file', join(__dirname, 'fixtures', 'terraform', 'platform.tf', 'review.md')], 'cannot write'],
  ])('rejects bad input %j with a clear message and exit code 2', (args, message) => {
    const { code, err } = cli(...args);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('checks every plan file before reading any, so a bad one prints no progress first', () => {
    const { code, err } = cli(created, '/nonexistent.json');
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(err).toBe('plan-review: /nonexistent.json: plan not found\n');
  });

  it('refuses a plan file whose directory names no stack', () => {
    expect(() => stackNameOf('/plan.json')).toThrow("/plan.json: cannot tell its stack, which is the name of the plan file's directory");
    expect(stackNameOf('cdktf.out/stacks/replica-west/plan.json')).toBe('replica-west');
  });


  it('teaches with --help and complains about a missing plan argument', () => {
    const help = cli('--help');
    expect(help.code).toBe(EXIT_OK);
    expect(help.out).toContain('Exit codes: 0 reviewed, nothing blocked; 1 the guard blocked a change; 2 bad input.');
    expect(help.out).toContain('.plan-review/allow.json');
    const none = cli();
    expect(none.code).toBe(EXIT_BAD_INPUT);
    expect(none.err).toContain("error: missing required argument 'plan.json'");
  });
});
