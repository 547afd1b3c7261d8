import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { synthRegion } from './synth-helpers';

describe('primary-east: the MySQL primary, a checklist of its security properties', () => {
  const stack = synthRegion('primary-east');
  const db = stack.single('aws_db_instance');
  const keyArn = `\${${stack.addressOf('aws_kms_key')}.arn}`;

  it('runs MySQL 8.0 in us-east-1 as the primary (no replication source)', () => {
    expect(stack.json.provider.aws[0]).toMatchObject({ region: 'us-east-1', allowed_account_ids: ['111122223333'] });
    expect(db).toMatchObject({ engine: 'mysql', engine_version: '8.0', instance_class: 'db.t3.medium', identifier: 'xyz-prod-mysql-use1' });
    expect(db.replicate_source_db).toBeUndefined();
  });

  it('is Multi-AZ', () => {
    expect(db.multi_az).toBe(true);
  });

  it("encrypts storage with the region's rotating customer-managed key", () => {
    expect(db).toMatchObject({ storage_encrypted: true, kms_key_id: keyArn });
    expect(stack.text).toHaveResourceWithProperties(KmsKey, { enable_key_rotation: true });
  });

  it('keeps backups for 2 days, copies tags to snapshots and takes a final snapshot on delete', () => {
    expect(db).toMatchObject({
      backup_retention_period: 2,
      copy_tags_to_snapshot: true,
      skip_final_snapshot: false,
      final_snapshot_identifier: 'xyz-prod-mysql-use1-final',
    });
  });

  it('is protected from deletion and never publicly accessible', () => {
    expect(db).toMatchObject({ deletion_protection: true, publicly_accessible: false });
  });

  it('enables IAM database authentication', () => {
    expect(db.iam_database_authentication_enabled).toBe(true);
  });

  it('has Performance Insights on the customer-managed key', () => {
    expect(db).toMatchObject({ performance_insights_enabled: true, performance_insights_kms_key_id: keyArn });
  });

  it('has enhanced monitoring with its own role', () => {
    const monitoringRole = Object.keys(stack.json.resource.aws_iam_role).find((name) => name.includes('monitoring'));
    expect(db.monitoring_interval).toBe(30);
    expect(db.monitoring_role_arn).toBe(`\${aws_iam_role.${monitoringRole}.arn}`);
    expect(stack.text).toHaveResourceWithProperties(IamRole, { name: 'xyz-prod-rds-monitoring-use1' });
  });

  it('exports the error and slow-query logs', () => {
    expect(db.enabled_cloudwatch_logs_exports).toEqual(['error', 'slowquery']);
  });

  it('uses its own parameter group that requires TLS', () => {
    expect(stack.text).toHaveResourceWithProperties(DbParameterGroup, {
      name: 'xyz-prod-mysql80-use1',
      family: 'mysql8.0',
      parameter: expect.arrayContaining([{ name: 'require_secure_transport', value: '1' }]),
    });
    expect(String(db.parameter_group_name)).toContain('aws_db_parameter_group.');
  });

  it('states its engine lifecycle explicitly (MySQL 8.0 is past RDS standard support)', () => {
    expect(db.engine_lifecycle_support).toBe('open-source-rds-extended-support');
  });

  it('sends alerts to the on-call address of the topology', () => {
    expect(stack.single('aws_sns_topic_subscription')).toMatchObject({ protocol: 'email', endpoint: 'dba-oncall@xyz-corp.example' });
  });

  it('uses a current CA certificate and takes minor upgrades', () => {
    expect(db).toMatchObject({ ca_cert_identifier: 'rds-ca-rsa2048-g1', auto_minor_version_upgrade: true });
  });

  it('keeps the master password out of code and state: ephemeral value into write-only arguments', () => {
    expect(db.password).toBeUndefined();
    expect(db.manage_master_user_password).toBeUndefined();
    expect(db.password_wo).toMatch(/^\$\{ephemeral\.aws_secretsmanager_random_password\.[a-z_]+\.random_password\}$/);
    expect(db.password_wo_version).toBe(1);
    expect(stack.text).toHaveResourceWithProperties(SecretsmanagerSecretVersion, { secret_string_wo_version: 1 });
    const version = stack.single('aws_secretsmanager_secret_version');
    expect(version.secret_string).toBeUndefined();
    expect(String(version.secret_string_wo)).toContain('ephemeral.aws_secretsmanager_random_password');
  });

  it('publishes its own address as the writer endpoint for applications', () => {
    expect(stack.text).toHaveResourceWithProperties(SsmParameter, {
      name: '/xyz/prod/mysql/writer-endpoint',
      type: 'String',
      value: `\${${stack.addressOf('aws_db_instance')}.address}`,
    });
  });

  it("keeps its state in its region's bucket under its own key, locked, encrypted with the region's state key", () => {
    expect(stack.json.terraform.backend.s3).toEqual({
      bucket: 'xyz-prod-tfstate-use1-111122223333',
      key: 'production/primary-east.tfstate',
      region: 'us-east-1',
      encrypt: true,
      kms_key_id: 'arn:aws:kms:us-east-1:111122223333:alias/xyz-prod-tfstate',
      use_lockfile: true,
    });
  });

  it('hosts the device pipeline (its home region): Kinesis, processor, DynamoDB, dead-letter queue', () => {
    expect(stack.single('aws_kinesis_stream')).toMatchObject({ name: 'xyz-prod-device-events', shard_count: 4, retention_period: 24 });
    expect(stack.single('aws_dynamodb_table')).toMatchObject({ billing_mode: 'PAY_PER_REQUEST', stream_enabled: true, stream_view_type: 'NEW_AND_OLD_IMAGES' });
    expect(stack.single('aws_lambda_event_source_mapping').function_response_types).toEqual(['ReportBatchItemFailures']);
    expect(stack.single('aws_sqs_queue').name).toBe('xyz-prod-device-event-dlq');
    expect(String(stack.json.output?.device_event_stream_arn.value)).toContain('aws_kinesis_stream.');
  });

  it('alarms on the pipeline too', () => {
    const alarmNames = stack.all('aws_cloudwatch_metric_alarm').map((alarm) => String(alarm.alarm_name));
    expect(alarmNames.some((name) => name.includes('kinesis'))).toBe(true);
    expect(alarmNames.some((name) => name.includes('dlq') || name.includes('dead-letter'))).toBe(true);
  });

  it('has a Multi-AZ Redis cache that admits only the application security group', () => {
    expect(stack.single('aws_elasticache_replication_group')).toMatchObject({ multi_az_enabled: true, automatic_failover_enabled: true, at_rest_encryption_enabled: 'true', transit_encryption_enabled: true });
    const ingress = stack.all('aws_vpc_security_group_ingress_rule').filter((rule) => rule.from_port === 6379);
    expect(ingress).toHaveLength(1);
    expect(String(ingress[0].referenced_security_group_id)).toContain('network_security-groups_app');
  });

  it('has exactly one database instance', () => {
    expect(stack.text).toHaveResource(DbInstance);
    expect(stack.all('aws_db_instance')).toHaveLength(1);
  });
});
