import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from './errors';
import { readPlanJson, readTerraformJson } from './read-json';

const dir = mkdtempSync(join(tmpdir(), 'read-json-'));
const write = (name: string, value: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

function refusal(read: () => unknown): UserError {
  try {
    read();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe("reading Terraform's JSON files", () => {
  it('reads a synthesized stack and a plan', () => {
    expect(readTerraformJson(write('cdk.tf.json', { resource: { aws_kms_key: { key: {} } } })).resource).toEqual({ aws_kms_key: { key: {} } });
    const plan = { format_version: '1.2', terraform_version: '1.11.4', planned_values: {}, resource_changes: [] };
    expect(readPlanJson(write('plan.json', plan)).resource_drift).toEqual([]);
  });

  it('refuses a malformed file in one line that names the file and the field (exit 2)', () => {
    const file = write('bad-plan.json', { format_version: '1.2', terraform_version: '1.11.4', planned_values: {}, resource_changes: [{ address: 'x' }] });
    const error = refusal(() => readPlanJson(file));
    expect(error.message).toMatch(new RegExp(`^${file} is not a plan in JSON form \\(terraform show -json <planfile>\\) \\(resource_changes\\[0\\]\\.mode: `));
    expect(error.exitCode).toBe(2);
    expect(refusal(() => readTerraformJson(write('broken.tf.json', '{"resource":'))).message).toMatch(/broken\.tf\.json is not JSON: /);
    expect(refusal(() => readTerraformJson(join(dir, 'missing.tf.json'))).message).toBe(`${join(dir, 'missing.tf.json')} does not exist or is not a file`);
  });
});
