import { z } from 'zod';

/** A Terraform state file (format version 4), as `terraform state pull` prints it and the local backend keeps it. */
const instanceSchema = z.looseObject({
  schema_version: z.number().optional(),
  attributes: z.record(z.string(), z.unknown()),
  sensitive_attributes: z.array(z.unknown()).optional(),
});

const stateResourceSchema = z.looseObject({
  mode: z.enum(['managed', 'data']),
  type: z.string(),
  name: z.string(),
  provider: z.string(),
  instances: z.array(instanceSchema),
});

export const stateSchema = z.looseObject({
  version: z.literal(4),
  terraform_version: z.string().optional(),
  serial: z.number().optional(),
  lineage: z.string().optional(),
  outputs: z.record(z.string(), z.looseObject({ value: z.unknown(), type: z.unknown().optional() })).optional(),
  resources: z.array(stateResourceSchema),
});

export type TerraformState = z.infer<typeof stateSchema>;
export type StateResource = z.infer<typeof stateResourceSchema>;
