import { firstIssue, planSchema, type TerraformPlan } from '@xyz/terraform-schema';
import { PlanReviewError } from '../errors';
import { notAPlan } from './document-kind';

/** Validates the JSON of `terraform show -json <planfile>`; `source` names it in errors. */
export function parsePlan(raw: unknown, source: string): TerraformPlan {
  const notPlan = notAPlan(raw);
  if (notPlan) throw new PlanReviewError(`${source}: ${notPlan}`);
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PlanReviewError(`${source}: not a terraform plan in JSON form (${firstIssue(parsed.error)}); produce it with terraform show -json <planfile>`);
  }
  if (parsed.data.errored) {
    throw new PlanReviewError(`${source}: terraform reported that this plan errored, so it is incomplete; fix the plan errors first`);
  }
  return parsed.data;
}
