import { readFileSync, statSync } from 'node:fs';
import { firstIssue, planSchema, type TerraformJson, terraformJsonSchema, type TerraformPlan } from '@xyz/terraform-schema';
import type { z } from 'zod';
import { UserError } from './errors';

/**
 * Reads a JSON file through a schema, with one-line refusals (exit 2): a missing file, text that
 * is not JSON, or a document that is not `what`. `label` names the file in them.
 */
export function readJsonThrough<T>(schema: z.ZodType<T>, file: string, what: string, label = file): { data: T; text: string } {
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) throw new UserError(`${label} does not exist or is not a file`, 2);
  const text = readFileSync(file, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${label} is not JSON: ${(error as Error).message}`, 2);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new UserError(`${label} is not ${what} (${firstIssue(parsed.error)})`, 2);
  return { data: parsed.data, text };
}

/** A synthesized stack (cdk.tf.json), checked against the schema of Terraform JSON. */
export function readTerraformJson(file: string): TerraformJson {
  return readJsonThrough(terraformJsonSchema, file, 'synthesized Terraform JSON').data;
}

/** The JSON of `terraform show -json <planfile>`, checked against the plan schema. */
export function readPlanJson(file: string): TerraformPlan {
  return readJsonThrough(planSchema, file, 'a plan in JSON form (terraform show -json <planfile>)').data;
}
