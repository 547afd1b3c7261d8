import { stateSchema } from '@xyz/terraform-schema';
import { readJsonThrough } from '../read-json';

/**
 * Reads the Terraform state an offline plan starts from (`plan --offline --state <file>`), for
 * example one saved with `terraform state pull`. A wrong file fails here, in one line, before
 * terraform runs. Returns the text unchanged.
 */
export function readPriorState(file: string): string {
  return readJsonThrough(stateSchema, file, 'a Terraform state (format version 4 with a "resources" list)', `state file ${file}`).text;
}
