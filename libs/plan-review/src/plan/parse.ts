import { PlanReviewError } from '../errors';
import { notAPlan } from './document-kind';
import { planSchema, type TerraformPlan } from './schema';

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '');
}

/** Validates the JSON of `terraform show -json <planfile>`; `source` names it in errors. */
export function parsePlan(raw: unknown, source: string): TerraformPlan {
  const notPlan = notAPlan(raw);
  if (notPlan) throw new PlanReviewError(`${source}: ${notPlan}`);
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = formatPath(issue.path) || '(root)';
    throw new PlanReviewError(`${source}: not a terraform plan in JSON form (${where}: ${issue.message}); produce it with terraform show -json <planfile>`);
  }
  if (parsed.data.errored) {
    throw new PlanReviewError(`${source}: terraform reported that this plan errored, so it is incomplete; fix the plan errors first`);
  }
  return parsed.data;
}
