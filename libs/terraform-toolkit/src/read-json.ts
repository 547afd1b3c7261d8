import { existsSync, readFileSync } from 'node:fs';
import { firstIssue, planSchema, type TerraformJson, terraformJsonSchema, type TerraformPlan } from '@xyz/terraform-schema';
import type { z } from 'zod';
import { UserError } from './errors';

function readThrough<T>(schema: z.ZodType<T>, file: string, what: string): T {
  if (!existsSync(file)) throw new UserError(`${file} does not exist`, 2);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UserError(`${file} is not JSON: ${(error as Error).message}`, 2);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new UserError(`${file} is not ${what} (${firstIssue(parsed.error)})`, 2);
  return parsed.data;
}

/** A synthesized stack (cdk.tf.json), checked against the schema of Terraform JSON. */
export function readTerraformJson(file: string): TerraformJson {
  return readThrough(terraformJsonSchema, file, 'synthesized Terraform JSON');
}

/** The JSON of `terraform show -json <planfile>`, checked against the plan schema. */
export function readPlanJson(file: string): TerraformPlan {
  return readThrough(planSchema, file, 'a plan in JSON form (terraform show -json <planfile>)');
}
