/** The part of `terraform providers schema -json` the applied-state builder reads: one resource type's block. */
export interface BlockSchema {
  readonly attributes?: Record<string, { readonly type?: unknown; readonly sensitive?: boolean }>;
  readonly block_types?: Record<string, { readonly nesting_mode: string; readonly block: BlockSchema }>;
}

const AWS_PROVIDER = 'registry.terraform.io/hashicorp/aws';

/** The AWS provider's schema of each of `types`, from the output of `terraform providers schema -json`. */
export function awsResourceSchemas(providersSchemaJson: string, types: readonly string[]): Record<string, BlockSchema> {
  const all = JSON.parse(providersSchemaJson) as { provider_schemas: Record<string, { resource_schemas: Record<string, { block: BlockSchema }> }> };
  const resources = all.provider_schemas[AWS_PROVIDER]?.resource_schemas ?? {};
  return Object.fromEntries(
    types.map((type) => {
      if (!resources[type]) throw new Error(`${AWS_PROVIDER} has no resource type ${type}`);
      return [type, resources[type].block];
    }),
  );
}
