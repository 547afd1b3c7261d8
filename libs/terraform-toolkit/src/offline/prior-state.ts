import { readFileSync, statSync } from 'node:fs';
import { firstIssue, stateSchema } from '@xyz/terraform-schema';
import { UserError } from '../errors';

/**
 * Reads the Terraform state an offline plan starts from (`plan --offline --state <file>`), for
 * example one saved with `terraform state pull`. A wrong file fails here, in one line, before
 * terraform runs. Returns the text unchanged.
 */
export function readPriorState(file: string): string {
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) throw new UserError(`state file ${file} does not exist or is not a file`, 2);
  const text = readFileSync(file, 'utf8');
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch (error) {
    throw new UserError(`state file ${file} is not JSON: ${(error as Error).message}`, 2);
  }
  const parsed = stateSchema.safeParse(state);
  if (!parsed.success) {
    throw new UserError(`state file ${file} is not a Terraform state (format version 4 with a "resources" list): ${firstIssue(parsed.error)}`, 2);
  }
  return text;
}
