import { z } from 'zod';
import { kindOfActions, planActionSchema } from './actions';

/**
 * The JSON of `terraform show -json <planfile>` (format_version 1.x), as far as this repository reads
 * it. Fields it does not read are ignored, so newer Terraform versions that add fields still parse.
 */
const actionsSchema = z
  .array(planActionSchema)
  .min(1)
  .superRefine((actions, context) => {
    if (!kindOfActions(actions)) context.addIssue({ code: 'custom', message: `unexpected action list ${JSON.stringify(actions)}` });
  });

const changeSchema = z.object({
  actions: actionsSchema,
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  after_unknown: z.unknown().optional(),
  before_sensitive: z.unknown().optional(),
  after_sensitive: z.unknown().optional(),
  replace_paths: z.array(z.array(z.union([z.string(), z.number()]))).optional(),
});

const resourceChangeSchema = z.object({
  address: z.string().min(1),
  module_address: z.string().optional(),
  mode: z.enum(['managed', 'data']),
  type: z.string().min(1),
  name: z.string(),
  index: z.union([z.string(), z.number()]).optional(),
  provider_name: z.string().optional(),
  change: changeSchema,
  action_reason: z.string().optional(),
});

const plannedResourceSchema = z.looseObject({
  address: z.string(),
  mode: z.enum(['managed', 'data']),
  type: z.string(),
  name: z.string(),
  values: z.record(z.string(), z.unknown()).optional(),
});

const providerConfigSchema = z.object({
  name: z.string(),
  alias: z.string().optional(),
  expressions: z.record(z.string(), z.unknown()).optional(),
});

const configResourceSchema = z.object({
  address: z.string(),
  provider_config_key: z.string().optional(),
  schema_version: z.number().optional(),
  /** Each argument as written: `constant_value`, or the `references` of an expression. */
  expressions: z.record(z.string(), z.unknown()).optional(),
});

/**
 * What every `terraform show -json <planfile>` document has: the plan format, the Terraform version,
 * the planned values and the list of resource changes (no-ops included).
 */
export const PLAN_FIELDS = ['format_version', 'terraform_version', 'planned_values', 'resource_changes'] as const;

export const planSchema = z.object({
  format_version: z.string().regex(/^1\./, 'only plan format 1.x (terraform >= 0.12) is supported'),
  terraform_version: z.string().min(1),
  planned_values: z.looseObject({ root_module: z.looseObject({ resources: z.array(plannedResourceSchema).optional() }).optional() }),
  resource_changes: z.array(resourceChangeSchema),
  resource_drift: z.array(resourceChangeSchema).default([]),
  configuration: z
    .object({
      provider_config: z.record(z.string(), providerConfigSchema).optional(),
      root_module: z.object({ resources: z.array(configResourceSchema).optional() }).optional(),
    })
    .optional(),
  errored: z.boolean().optional(),
});

export type TerraformPlan = z.infer<typeof planSchema>;
export type ResourceChange = z.infer<typeof resourceChangeSchema>;
export type PlannedResource = z.infer<typeof plannedResourceSchema>;
