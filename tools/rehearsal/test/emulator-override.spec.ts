import type { TerraformJson } from '@xyz/terraform-toolkit';
import { emulatorOverride } from '../src/emulator-override';

describe('emulatorOverride', () => {
  const endpoint = 'http://127.0.0.1:40000';
  const stack: TerraformJson = {
    terraform: { backend: { s3: { bucket: 'xyz-prod-tfstate-usw2-111122223333', key: 'production/replica-west.tfstate', region: 'us-west-2', encrypt: true, kms_key_id: 'alias/state' } } },
    provider: { aws: [{ region: 'us-west-2', allowed_account_ids: ['111122223333'] }, { alias: 'east', region: 'us-east-1' }] },
    data: { terraform_remote_state: { 'primary-state': { backend: 's3', config: { bucket: 'xyz-prod-tfstate-usw2-111122223333', key: 'production/primary-east.tfstate', region: 'us-west-2' } } } },
  };

  it('keeps the real S3 backend and remote-state reads, reaching S3 through the gate', () => {
    const override = emulatorOverride(stack, endpoint) as { terraform: { backend: { s3: Record<string, unknown> } }; data: { terraform_remote_state: Record<string, { backend: string; config: Record<string, unknown> }> } };
    expect(override.terraform.backend.s3).toEqual({ ...stack.terraform!.backend!['s3'], use_path_style: true, endpoints: { s3: endpoint, sts: endpoint }, skip_metadata_api_check: true });
    expect(override.data.terraform_remote_state['primary-state']).toEqual({
      backend: 's3',
      config: { bucket: 'xyz-prod-tfstate-usw2-111122223333', key: 'production/primary-east.tfstate', region: 'us-west-2', use_path_style: true, endpoints: { s3: endpoint, sts: endpoint }, skip_metadata_api_check: true },
    });
  });

  it('overrides every provider configuration, aliases included, to fail fast', () => {
    const override = emulatorOverride(stack, endpoint) as { provider: { aws: Array<Record<string, unknown>> } };
    expect(override.provider.aws).toEqual([
      { region: 'us-west-2', s3_use_path_style: true, skip_metadata_api_check: true, max_retries: 3 },
      { alias: 'east', region: 'us-east-1', s3_use_path_style: true, skip_metadata_api_check: true, max_retries: 3 },
    ]);
  });

  it('adds no backend or data override to a stack with local state', () => {
    expect(Object.keys(emulatorOverride({ terraform: { backend: { local: { path: 'x' } } }, provider: { aws: [{ region: 'us-east-1' }] } }, endpoint))).toEqual(['provider']);
  });
});
