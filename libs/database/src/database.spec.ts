import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { databaseInstanceSettings, loadTopology } from '@xyz/topology';
import { Testing, TerraformStack } from 'cdktf';
import { CrossRegionReplica } from './cross-region-replica';
import { PrimaryDatabase } from './primary-database';
import type { RegionalDatabaseProps } from './regional-foundation';

type Synthesized = { resource: Record<string, Record<string, Record<string, unknown>>>; ephemeral?: Record<string, Record<string, unknown>> };

const topology = loadTopology('production');

function baseProps(stack: TerraformStack, region: string): RegionalDatabaseProps {
  return {
    settings: databaseInstanceSettings(topology, region),
    subnetIds: ['subnet-a', 'subnet-b'],
    securityGroupId: 'sg-db',
    kmsKey: new KmsKey(stack, 'key', {}),
  };
}

function synth(build: (stack: TerraformStack) => void): { text: string; json: Synthesized } {
  const stack = new TerraformStack(Testing.app(), 'test');
  build(stack);
  const text = Testing.synth(stack);
  return { text, json: JSON.parse(text) as Synthesized };
}

describe('PrimaryDatabase', () => {
  const { text, json } = synth((stack) => new PrimaryDatabase(stack, 'database', { ...baseProps(stack, 'us-east-1'), masterSecretName: 'xyz-prod/mysql/master' }));
  const instance = Object.values(json.resource.aws_db_instance)[0];

  it('generates the master password ephemerally, with characters MySQL accepts', () => {
    expect(Object.values(json.ephemeral?.aws_secretsmanager_random_password ?? {})).toEqual([
      { password_length: 40, exclude_punctuation: true, include_space: false },
    ]);
    expect(instance.password_wo).toContain('ephemeral.aws_secretsmanager_random_password.');
  });

  it('keeps the credential in a CMK-encrypted secret, written through a write-only argument', () => {
    expect(text).toHaveResourceWithProperties(SecretsmanagerSecret, { name: 'xyz-prod/mysql/master', kms_key_id: '${aws_kms_key.key.arn}' });
    const version = Object.values(json.resource.aws_secretsmanager_secret_version)[0];
    expect(version.secret_string_wo).toMatch(/^\$\{jsonencode\(\{"engine" = "mysql", "username" = "xyzadmin", "password" = ephemeral\./);
  });

  it('rotates by bumping one number', () => {
    const rotated = synth((stack) =>
      new PrimaryDatabase(stack, 'database', { ...baseProps(stack, 'us-east-1'), masterSecretName: 's', credentialVersion: 2 }),
    ).json;
    expect(Object.values(rotated.resource.aws_db_instance)[0].password_wo_version).toBe(2);
    expect(Object.values(rotated.resource.aws_secretsmanager_secret_version)[0].secret_string_wo_version).toBe(2);
  });

  it('uses a fixed parameter group name from the topology (the DR runbook attaches it to rebuilt replicas)', () => {
    expect(Object.values(json.resource.aws_db_parameter_group)[0]).toMatchObject({ name: 'xyz-prod-mysql80-use1', family: 'mysql8.0' });
  });

  it('gives enhanced monitoring the AWS-managed monitoring policy', () => {
    expect(text).toHaveResourceWithProperties(IamRolePolicyAttachment, {
      policy_arn: 'arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole',
    });
  });
});

describe('CrossRegionReplica', () => {
  const { json } = synth((stack) => new CrossRegionReplica(stack, 'database', { ...baseProps(stack, 'us-west-2'), sourceDbInstanceArn: 'arn:aws:rds:us-east-1:111122223333:db:xyz-prod-mysql-use1' }));

  it('creates no credential of its own: a replica inherits the source users', () => {
    expect(json.ephemeral).toBeUndefined();
    expect(json.resource.aws_secretsmanager_secret).toBeUndefined();
  });

  it('is single-AZ until promoted, unless asked otherwise', () => {
    expect(Object.values(json.resource.aws_db_instance)[0].multi_az).toBe(false);
    const multiAz = synth((stack) => new CrossRegionReplica(stack, 'database', { ...baseProps(stack, 'us-west-2'), sourceDbInstanceArn: 'arn', multiAz: true })).json;
    expect(Object.values(multiAz.resource.aws_db_instance)[0].multi_az).toBe(true);
  });

  it('has the same Terraform addresses as a primary under the same id, so a promotion is in place', () => {
    const primary = synth((stack) => new PrimaryDatabase(stack, 'database', { ...baseProps(stack, 'us-west-2'), masterSecretName: 's' })).json;
    for (const type of ['aws_db_instance', 'aws_db_parameter_group', 'aws_db_subnet_group', 'aws_iam_role']) {
      expect(Object.keys(json.resource[type])).toEqual(Object.keys(primary.resource[type]));
    }
  });
});

describe('the topology description drives every instance argument', () => {
  it('follows a changed description: windows, certificate, monitoring, retention, tags and names', () => {
    const described = databaseInstanceSettings(topology, 'us-east-2');
    const changed = {
      ...described,
      identifier: 'orders-db',
      caCertificateIdentifier: 'rds-ca-ecc384-g1',
      maintenanceWindow: 'mon:01:00-mon:02:00',
      enhancedMonitoring: { ...described.enhancedMonitoring, intervalSeconds: 60, roleName: 'orders-monitoring' },
      performanceInsights: { ...described.performanceInsights, retentionDays: 31 },
      logExports: ['error'],
      tags: { Stack: 'elsewhere' },
      replica: { ...described.replica, multiAz: true },
    };
    const { json } = synth((stack) => new CrossRegionReplica(stack, 'database', { ...baseProps(stack, 'us-east-2'), settings: changed, sourceDbInstanceArn: 'arn' }));
    expect(Object.values(json.resource.aws_db_instance)[0]).toMatchObject({
      identifier: 'orders-db',
      ca_cert_identifier: 'rds-ca-ecc384-g1',
      maintenance_window: 'mon:01:00-mon:02:00',
      monitoring_interval: 60,
      performance_insights_retention_period: 31,
      enabled_cloudwatch_logs_exports: ['error'],
      multi_az: true,
      tags: { Stack: 'elsewhere' },
    });
    expect(Object.values(json.resource.aws_iam_role)[0]).toMatchObject({ name: 'orders-monitoring', tags: { Stack: 'elsewhere' } });
  });
});
