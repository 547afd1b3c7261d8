import { providerBlocks, remoteStatesOf, type TerraformJson } from '@xyz/terraform-toolkit';

/** The override file the rehearsal adds beside a synthesized stack. */
export const OVERRIDE_FILE = 'rehearsal_override.tf.json';

/**
 * Points a real stack at the emulator without changing what it describes: the S3 backend and the
 * remote-state reads stay S3 (path-style, through the region gate); the provider reaches every
 * service through AWS_ENDPOINT_URL, set in the environment of every tool the rehearsal runs.
 */
export function emulatorOverride(json: TerraformJson, endpoint: string): Record<string, unknown> {
  const s3Access = { use_path_style: true, endpoints: { s3: endpoint, sts: endpoint }, skip_metadata_api_check: true };
  const override: Record<string, unknown> = {
    provider: {
      aws: providerBlocks(json, 'aws').map((provider) => ({
        ...(provider.alias ? { alias: provider.alias } : {}),
        region: provider.region,
        s3_use_path_style: true,
        skip_metadata_api_check: true,
        // Few retries: a region taken away must fail fast, not after minutes of backoff.
        max_retries: 3,
      })),
    },
  };
  const s3Backend = json.terraform?.backend?.['s3'];
  if (s3Backend) override.terraform = { backend: { s3: { ...s3Backend, ...s3Access } } };
  const remoteStates = remoteStatesOf(json);
  if (remoteStates.length > 0) {
    const sources = json.data?.['terraform_remote_state'] ?? {};
    override.data = {
      terraform_remote_state: Object.fromEntries(remoteStates.map(({ name }) => [name, { backend: 's3', config: { ...(sources[name]['config'] as Record<string, unknown>), ...s3Access } }])),
    };
  }
  return override;
}
