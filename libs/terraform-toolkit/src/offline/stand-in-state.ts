import type { TerraformState } from '@xyz/terraform-schema';

/**
 * A minimal Terraform state (format version 4) holding only outputs: what a
 * terraform_remote_state data source reads.
 */
export function standInState(outputs: Readonly<Record<string, string>>): string {
  const state: TerraformState = {
    version: 4,
    terraform_version: '1.11.4',
    serial: 1,
    lineage: 'offline-stand-in',
    outputs: Object.fromEntries(Object.entries(outputs).map(([name, value]) => [name, { value, type: 'string' }])),
    resources: [],
  };
  return JSON.stringify(state, null, 2);
}
