import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Testing } from 'cdktf';
import { RegionalKey } from './regional-key';

describe('RegionalKey', () => {
  const synth = Testing.synthScope((scope) => {
    new RegionalKey(scope, 'key', { accountId: '111122223333', region: 'us-west-2', alias: 'alias/xyz-prod-data-usw2' });
  });
  const key = Object.values(JSON.parse(synth).resource.aws_kms_key)[0] as { policy: string };
  const policy = JSON.parse(key.policy) as { Statement: Array<{ Sid: string; Principal: Record<string, string>; Condition?: unknown }> };

  it('rotates the key and keeps the longest deletion window', () => {
    expect(synth).toHaveResourceWithProperties(KmsKey, { enable_key_rotation: true, deletion_window_in_days: 30 });
  });

  it('names the key through its alias', () => {
    expect(synth).toHaveResourceWithProperties(KmsAlias, { name: 'alias/xyz-prod-data-usw2' });
  });

  it('lets only this account administer the key', () => {
    const admin = policy.Statement.find((s) => s.Sid === 'AccountAdministersKeyThroughIam');
    expect(admin?.Principal).toEqual({ AWS: 'arn:aws:iam::111122223333:root' });
  });

  it('lets CloudWatch Logs use it only for this account and region', () => {
    const logs = policy.Statement.find((s) => s.Principal.Service === 'logs.us-west-2.amazonaws.com');
    expect(logs?.Condition).toEqual({ ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:us-west-2:111122223333:*' } });
  });

  it('lets CloudWatch alarms publish to encrypted topics of this account only', () => {
    const alarms = policy.Statement.find((s) => s.Principal.Service === 'cloudwatch.amazonaws.com');
    expect(alarms?.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': '111122223333' } });
  });

  it('grants no service statement to a key that only encrypts S3 objects', () => {
    const bare = Testing.synthScope((scope) => {
      new RegionalKey(scope, 'key', { accountId: '111122223333', region: 'us-east-1', alias: 'alias/state', allowCloudWatch: false });
    });
    const bareKey = Object.values(JSON.parse(bare).resource.aws_kms_key)[0] as { policy: string };
    expect(JSON.parse(bareKey.policy).Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['AccountAdministersKeyThroughIam']);
  });
});
