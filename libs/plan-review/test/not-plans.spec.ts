import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_BAD_INPUT, runCli } from '../src/cli/program';
import { fixturePath } from './fixtures';

function cli(file: string) {
  let out = '';
  let err = '';
  const code = runCli([file], { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

const scratch = mkdtempSync(join(tmpdir(), 'plan-review-not-plans-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A file in a stack directory, as CI would hand it over. */
function written(name: string, text: string): string {
  const file = join(scratch, name, 'plan.json');
  mkdirSync(join(file, '..'));
  writeFileSync(file, text);
  return file;
}

describe('input that is not a plan is refused with exit 2 and one line saying what it is', () => {
  it.each([
    ['validate', 'the output of terraform validate -json (valid: true, 0 errors)'],
    ['providers-schema', 'the output of terraform providers schema -json'],
    ['state-show', 'a state as terraform show -json prints it without a plan file'],
    ['state-file', 'a Terraform state file (terraform.tfstate, format version 4)'],
    ['plan-log', 'the streamed log of terraform plan -json (one JSON message per line)'],
  ])('real terraform output: %s', (kind, what) => {
    const file = fixturePath('not-plans', kind);
    const { code, out, err } = cli(file);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(out).toBe('');
    expect(err).toBe(`plan-review: ${file}: this is ${what}, not a plan; produce the plan with terraform show -json <planfile>\n`);
  });

  it.each([
    ['array', '[]', 'this is a JSON array (of 0 items), not a plan; terraform show -json <planfile> writes one JSON object'],
    ['format-only', '{"format_version":"1.2"}', 'this is not a plan: it lacks terraform_version, planned_values, resource_changes, which every plan from terraform show -json <planfile> has'],
    ['no-changes-list', '{"format_version":"1.2","terraform_version":"1.11.4","planned_values":{}}', 'it lacks resource_changes'],
    ['string', '"plan.json"', 'this is a JSON string, not a plan'],
  ])('%s', (name, text, message) => {
    const { code, err } = cli(written(name, text));
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(err).toContain(message);
    expect(err.split('\n')).toHaveLength(2);
  });
});
