import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMENT_MARKER } from '../summary/markdown';
import { EXIT_BAD_INPUT, EXIT_BLOCKED, EXIT_OK, type Io, runCli } from './program';

// The CLI's output format end to end: a plan file on disk, stdout a terminal or not, CI or not.

const dir = mkdtempSync(join(tmpdir(), 'plan-review-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function planFile(stack: string, changes: unknown[]): string {
  const file = join(dir, stack, 'plan.json');
  mkdirSync(join(dir, stack), { recursive: true });
  writeFileSync(file, JSON.stringify({ format_version: '1.2', terraform_version: '1.11.4', planned_values: {}, resource_changes: changes }));
  return file;
}

const topic = { address: 'aws_sns_topic.alerts', mode: 'managed', type: 'aws_sns_topic', name: 'alerts', change: { actions: ['create'], before: null, after: { name: 'alerts' } } };
const replacedDatabase = {
  address: 'aws_db_instance.primary',
  mode: 'managed',
  type: 'aws_db_instance',
  name: 'primary',
  change: { actions: ['delete', 'create'], before: { identifier: 'xyz-db', kms_key_id: 'key-1' }, after: { identifier: 'xyz-db', kms_key_id: 'key-2' }, replace_paths: [['kms_key_id']] },
};
const safe = planFile('primary-east', [topic]);
const destructive = planFile('replica-west', [replacedDatabase]);

function cli(args: string[], where: Pick<Io, 'stdoutIsTTY' | 'env'>) {
  let out = '';
  let err = '';
  const code = runCli([...args, '--quiet'], { out: (text) => (out += text), err: (text) => (err += text), ...where });
  return { code, out, err };
}

const TERMINAL = { stdoutIsTTY: true, env: {} };
const TEXT_HEADING = 'Terraform plan review: 1 stack\n';

describe('plan-review output formats', () => {
  it('prints plain text on a terminal outside CI', () => {
    const { code, out } = cli([safe], TERMINAL);
    expect(code).toBe(EXIT_OK);
    expect(out.startsWith(TEXT_HEADING)).toBe(true);
    expect(out).not.toContain(COMMENT_MARKER);
  });

  it('prints the Markdown review in CI, into a pipe, and with --format markdown', () => {
    for (const [args, where] of [
      [[safe], { stdoutIsTTY: true, env: { CI: 'true' } }],
      [[safe], { stdoutIsTTY: false, env: {} }],
      [[safe], {}],
      [[safe, '--format', 'markdown'], TERMINAL],
    ] as const) {
      const { code, out } = cli([...args], where);
      expect([args, where, code, out.split('\n')[0]]).toEqual([args, where, EXIT_OK, COMMENT_MARKER]);
    }
  });

  it('prints plain text with --format text in CI too', () => {
    expect(cli([safe, '--format', 'text'], { stdoutIsTTY: false, env: { CI: 'true' } }).out.startsWith(TEXT_HEADING)).toBe(true);
  });

  it('keeps the exit codes: 1 when the guard blocks, in text as in Markdown', () => {
    const text = cli([destructive], TERMINAL);
    const markdown = cli([destructive], { env: { CI: 'true' } });
    expect([text.code, markdown.code]).toEqual([EXIT_BLOCKED, EXIT_BLOCKED]);
    expect(text.out).toContain('BLOCKED replace of replica-west:aws_db_instance.primary');
    expect(text.err).toContain('plan-review: BLOCKED replace of replica-west:aws_db_instance.primary');
  });

  it('refuses an unknown format, or --format with --json, with exit code 2 and no review', () => {
    for (const args of [[safe, '--format', 'html'], [safe, '--format', 'text', '--json']]) {
      const { code, out, err } = cli(args, TERMINAL);
      expect({ code, out }).toEqual({ code: EXIT_BAD_INPUT, out: '' });
      expect(err).toMatch(/^error: option '--format <format>' /);
    }
  });

  it('writes the Markdown comment file whatever it prints', () => {
    const markdownFile = join(dir, 'comment.md');
    const { out } = cli([safe, '--markdown-file', markdownFile], TERMINAL);
    expect(out.startsWith(TEXT_HEADING)).toBe(true);
    expect(readFileSync(markdownFile, 'utf8').startsWith(COMMENT_MARKER)).toBe(true);
  });
});
