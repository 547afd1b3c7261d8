import { needsSecretsStandIn, offlineOverride } from './override';

describe('offlineOverride', () => {
  const stack = {
    provider: { aws: [{ region: 'us-west-2', allowed_account_ids: ['111122223333'] }] },
    data: { terraform_remote_state: { 'primary-state': { backend: 's3', config: { key: 'production/primary-east.tfstate' } } } },
    ephemeral: { aws_secretsmanager_random_password: { pw: {} } },
  };

  it('swaps the backend for a local one and the credentials for mocks with the skip flags', () => {
    const override = offlineOverride({ stack, standInStateFiles: { 'production/primary-east.tfstate': '/tmp/p.tfstate' } });
    expect(override.terraform).toEqual({ backend: { local: { path: 'offline.tfstate' } } });
    expect((override.provider as { aws: unknown[] }).aws[0]).toMatchObject({
      region: 'us-west-2',
      allowed_account_ids: null,
      skip_credentials_validation: true,
      skip_requesting_account_id: true,
      skip_metadata_api_check: true,
    });
  });

  it('reads remote state from the local stand-in of the same key', () => {
    const override = offlineOverride({ stack, standInStateFiles: { 'production/primary-east.tfstate': '/tmp/p.tfstate' } });
    expect(override.data).toEqual({ terraform_remote_state: { 'primary-state': { backend: 'local', config: { path: '/tmp/p.tfstate' } } } });
  });

  it('refuses a remote state it has no stand-in for', () => {
    expect(() => offlineOverride({ stack, standInStateFiles: {} })).toThrow('remote state "primary-state" (key production/primary-east.tfstate) has no offline stand-in');
  });

  it('routes Secrets Manager to the loopback stand-in only when the stack generates a password', () => {
    const override = offlineOverride({ stack, standInStateFiles: { 'production/primary-east.tfstate': '/x' }, secretsEndpoint: 'http://127.0.0.1:1' });
    expect((override.provider as { aws: Array<Record<string, unknown>> }).aws[0].endpoints).toEqual([{ secretsmanager: 'http://127.0.0.1:1' }]);
    expect(needsSecretsStandIn(stack)).toBe(true);
    expect(needsSecretsStandIn({ provider: stack.provider })).toBe(false);
  });
});
