import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { synthRegion } from './synth-helpers';

describe.each([
  ['replica-west', 'us-west-2', 'usw2'],
  ['replica-ohio', 'us-east-2', 'use2'],
])('%s: a cross-region read replica in %s', (stackName, region, code) => {
  const stack = synthRegion(stackName);
  const db = stack.single('aws_db_instance');
  const remoteOutput = (name: string) => `\${data.terraform_remote_state.primary-state.outputs.${name}}`;

  it("names the primary by ARN, read from the primary's remote state", () => {
    expect(db.replicate_source_db).toBe(remoteOutput('db_instance_arn'));
  });

  it("is encrypted with its own region's key", () => {
    expect(stack.json.provider.aws[0].region).toBe(region);
    expect(db).toMatchObject({ storage_encrypted: true, kms_key_id: `\${${stack.addressOf('aws_kms_key')}.arn}` });
    expect(stack.text).toHaveResourceWithProperties(KmsAlias, { name: `alias/xyz-prod-data-${code}` });
  });

  it('uses its own parameter group with TLS required, its own subnet group and monitoring', () => {
    expect(stack.text).toHaveResourceWithProperties(DbParameterGroup, {
      name: `xyz-prod-mysql80-${code}`,
      parameter: expect.arrayContaining([{ name: 'require_secure_transport', value: '1' }]),
    });
    expect(stack.text).toHaveResourceWithProperties(DbSubnetGroup, { name: `xyz-prod-db-${code}` });
    expect(stack.text).toHaveResourceWithProperties(IamRole, { name: `xyz-prod-rds-monitoring-${code}` });
    expect(db).toMatchObject({ monitoring_interval: 30, performance_insights_enabled: true, enabled_cloudwatch_logs_exports: ['error', 'slowquery'] });
  });

  it('stays private, protected and TLS-only like the primary', () => {
    expect(db).toMatchObject({ publicly_accessible: false, deletion_protection: true, ca_cert_identifier: 'rds-ca-rsa2048-g1' });
  });

  it('is created with backups off and without a master credential of its own', () => {
    expect(db).toMatchObject({ backup_retention_period: 0, skip_final_snapshot: true });
    expect(db.password_wo).toBeUndefined();
    expect(db.username).toBeUndefined();
    expect(stack.json.ephemeral).toBeUndefined();
    expect(stack.all('aws_secretsmanager_secret')).toHaveLength(0);
  });

  it('has its own Redis cache and monitoring, but no device pipeline (that lives in us-east-1)', () => {
    expect(stack.all('aws_elasticache_replication_group')).toHaveLength(1);
    expect(stack.all('aws_cloudwatch_dashboard')).toHaveLength(1);
    expect(stack.all('aws_kinesis_stream')).toHaveLength(0);
    expect(stack.all('aws_dynamodb_table')).toHaveLength(0);
    expect(stack.json.output?.device_event_stream_arn.value).toBe('');
  });

  it('alarms on replica lag', () => {
    const alarms = stack.all('aws_cloudwatch_metric_alarm');
    expect(alarms.some((alarm) => alarm.metric_name === 'ReplicaLag' && alarm.threshold === 60)).toBe(true);
  });

  it("points its applications at the primary's address as the writer endpoint", () => {
    expect(stack.single('aws_ssm_parameter').value).toBe(remoteOutput('db_address'));
  });
});
