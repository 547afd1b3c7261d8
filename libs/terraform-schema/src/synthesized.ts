import { z } from 'zod';

/**
 * Synthesized Terraform JSON of one stack: what `TerraformStack.toTerraform()` returns and cdktf
 * writes to cdk.tf.json. References are strings such as `${aws_kms_key.key_F64E54E4.arn}`. Only
 * the sections are checked; their arguments are Terraform's and the provider's business.
 */
const argumentsSchema = z.record(z.string(), z.unknown());
const blocksByNameSchema = z.record(z.string(), argumentsSchema);
const blocksByTypeSchema = z.record(z.string(), blocksByNameSchema);

export const terraformJsonSchema = z.looseObject({
  terraform: z.looseObject({ backend: z.record(z.string(), argumentsSchema).optional() }).optional(),
  /** One configuration per provider, or a list of them (aliased configurations); cdktf writes lists. */
  provider: z.record(z.string(), z.union([argumentsSchema, z.array(argumentsSchema)])).optional(),
  resource: blocksByTypeSchema.optional(),
  data: blocksByTypeSchema.optional(),
  ephemeral: blocksByTypeSchema.optional(),
  output: z.record(z.string(), z.looseObject({ value: z.unknown() })).optional(),
  /** `removed` blocks (Terraform 1.7+): resources taken out of the code, destroyed or forgotten. */
  removed: z.array(argumentsSchema).optional(),
});

export type TerraformJson = z.infer<typeof terraformJsonSchema>;
export type ResourceConfig = Record<string, unknown>;
export type ProviderConfig = Record<string, unknown>;

/** The configurations of one provider (`aws`), aliased ones included, whichever way they were written. */
export function providerBlocks(json: TerraformJson, name: string): ProviderConfig[] {
  const entries = json.provider?.[name];
  if (entries === undefined) return [];
  return Array.isArray(entries) ? entries : [entries];
}

export interface RemoteState {
  /** The data source's name: `data.terraform_remote_state.<name>`. */
  readonly name: string;
  readonly backend: unknown;
  /** The state key it reads (S3 backend), when it names one. */
  readonly key?: string;
}

/** The terraform_remote_state data sources of a stack. */
export function remoteStatesOf(json: TerraformJson): RemoteState[] {
  return Object.entries(json.data?.['terraform_remote_state'] ?? {}).map(([name, source]) => {
    const config = source['config'];
    const key = config !== null && typeof config === 'object' ? (config as Record<string, unknown>)['key'] : undefined;
    return { name, backend: source['backend'], key: typeof key === 'string' ? key : undefined };
  });
}
