import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors';
import { readPriorState } from './prior-state';

describe('readPriorState', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prior-state-'));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('returns the text of a format 4 state unchanged', () => {
    const text = JSON.stringify({ version: 4, serial: 3, lineage: 'x', outputs: {}, resources: [] });
    expect(readPriorState(write('ok.tfstate', text))).toBe(text);
  });

  it.each([
    ['a missing file', join(dir, 'missing.tfstate'), /missing\.tfstate does not exist or is not a file/],
    ['a directory', dir, /does not exist or is not a file/],
    ['a file that is not JSON', write('broken.tfstate', '{"version": 4,'), /broken\.tfstate is not JSON: /],
    ['a plan instead of a state', write('plan.json', JSON.stringify({ format_version: '1.2', resource_changes: [] })), /plan\.json is not a Terraform state \(format version 4/],
    ['a state of an older format', write('v3.tfstate', JSON.stringify({ version: 3, modules: [] })), /v3\.tfstate is not a Terraform state/],
  ])('refuses %s with a usage error (exit 2)', (_case, file, message) => {
    let thrown: unknown;
    try {
      readPriorState(file);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).message).toMatch(message);
    expect((thrown as UserError).exitCode).toBe(2);
  });
});
