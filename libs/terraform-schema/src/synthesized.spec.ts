import { firstIssue } from './issues';
import { providerBlocks, remoteStatesOf, terraformJsonSchema } from './synthesized';

const stack = {
  '//': { metadata: { stackName: 'replica-west' } },
  terraform: { backend: { s3: { bucket: 'b', key: 'production/replica-west.tfstate' } }, required_providers: { aws: { version: '5.100.0' } } },
  provider: { aws: [{ region: 'us-west-2' }, { alias: 'east', region: 'us-east-1' }] },
  data: { terraform_remote_state: { 'primary-state': { backend: 's3', config: { key: 'production/primary-east.tfstate' } } } },
  resource: { aws_kms_key: { key: { enable_key_rotation: true } } },
};

describe('terraformJsonSchema', () => {
  it('accepts a synthesized stack and keeps sections it does not describe', () => {
    const parsed = terraformJsonSchema.parse(stack);
    expect(parsed['//']).toEqual(stack['//']);
    expect(parsed.terraform?.backend?.['s3']).toEqual({ bucket: 'b', key: 'production/replica-west.tfstate' });
  });

  it('refuses a resource section that is not blocks by type and name', () => {
    const parsed = terraformJsonSchema.safeParse({ resource: { aws_kms_key: ['key'] } });
    expect(parsed.success).toBe(false);
    expect(firstIssue(parsed.error!)).toMatch(/^resource\.aws_kms_key: /);
  });

  it('lists the configurations of a provider however they were written', () => {
    expect(providerBlocks(stack, 'aws').map((config) => config['region'])).toEqual(['us-west-2', 'us-east-1']);
    expect(providerBlocks({ provider: { aws: { region: 'us-east-2' } } }, 'aws')).toEqual([{ region: 'us-east-2' }]);
    expect(providerBlocks({}, 'aws')).toEqual([]);
  });

  it('lists the remote states a stack reads, with their keys', () => {
    expect(remoteStatesOf(stack)).toEqual([{ name: 'primary-state', backend: 's3', key: 'production/primary-east.tfstate' }]);
    expect(remoteStatesOf({ data: { terraform_remote_state: { local: { backend: 'local', config: { path: 'x' } } } } })).toEqual([{ name: 'local', backend: 'local', key: undefined }]);
  });
});
