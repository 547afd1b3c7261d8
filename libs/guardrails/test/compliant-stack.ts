import type { TerraformJson } from '../src';

type Config = Record<string, unknown>;
export type FixtureStack = TerraformJson & { resource: Record<string, Record<string, Config>>; provider: Record<string, Config[]>; data?: Record<string, Record<string, Config>> };

export const KEY_ARN = '${aws_kms_key.data.arn}';
const PARAMETER_GROUP = 'aws_db_parameter_group.mysql';

const rdsInstanceCommon = {
  instance_class: 'db.t3.medium',
  storage_encrypted: true,
  kms_key_id: KEY_ARN,
  publicly_accessible: false,
  deletion_protection: true,
  iam_database_authentication_enabled: true,
  monitoring_interval: 30,
  monitoring_role_arn: '${aws_iam_role.rds_monitoring.arn}',
  enabled_cloudwatch_logs_exports: ['error', 'slowquery'],
  performance_insights_enabled: true,
  performance_insights_kms_key_id: KEY_ARN,
  copy_tags_to_snapshot: true,
  auto_minor_version_upgrade: true,
  ca_cert_identifier: 'rds-ca-rsa2048-g1',
  parameter_group_name: `\${${PARAMETER_GROUP}.name}`,
  vpc_security_group_ids: ['${aws_security_group.database.id}'],
};

function trustPolicy(service: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
}

/**
 * A small stack with one resource of every type the guardrails inspect, written the way cdktf
 * synthesizes it, that passes every rule. Each failing case changes one thing in a fresh copy.
 */
export function compliantStack(): FixtureStack {
  return {
    provider: { aws: [{ region: 'us-east-1', allowed_account_ids: ['111122223333'] }] },
    resource: {
      aws_kms_key: {
        data: {
          '//': { metadata: { path: 'fixture/key' } },
          description: 'data key',
          enable_key_rotation: true,
          deletion_window_in_days: 30,
          policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'AccountAdministersKey', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }] }),
        },
      },
      aws_kms_alias: { data: { name: 'alias/xyz-data', target_key_id: '${aws_kms_key.data.key_id}' } },
      aws_iam_role: {
        rds_monitoring: { name: 'rds-monitoring', assume_role_policy: trustPolicy('monitoring.rds.amazonaws.com') },
        processor: { name: 'processor', assume_role_policy: trustPolicy('lambda.amazonaws.com') },
      },
      aws_iam_role_policy: {
        processor: {
          name: 'write-events',
          role: '${aws_iam_role.processor.id}',
          policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['dynamodb:PutItem'], Resource: '${aws_dynamodb_table.events.arn}' }] }),
        },
      },
      aws_iam_role_policy_attachment: { rds_monitoring: { role: '${aws_iam_role.rds_monitoring.name}', policy_arn: 'arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole' } },
      aws_db_parameter_group: {
        mysql: { family: 'mysql8.0', name: 'xyz-mysql80', parameter: [{ name: 'require_secure_transport', value: '1' }, { name: 'slow_query_log', value: '1' }] },
      },
      aws_db_instance: {
        primary: {
          ...rdsInstanceCommon,
          identifier: 'xyz-mysql',
          engine: 'mysql',
          engine_version: '8.0',
          allocated_storage: 20,
          multi_az: true,
          backup_retention_period: 2,
          username: 'xyzadmin',
          password_wo: '${ephemeral.aws_secretsmanager_random_password.master.random_password}',
          password_wo_version: 1,
        },
        replica: {
          ...rdsInstanceCommon,
          identifier: 'xyz-mysql-replica',
          replicate_source_db: '${data.terraform_remote_state.primary.outputs.db_instance_arn}',
          multi_az: false,
          backup_retention_period: 0,
        },
      },
      aws_secretsmanager_secret: { master: { name: 'xyz/mysql/master', kms_key_id: KEY_ARN } },
      aws_secretsmanager_secret_version: { master: { secret_id: '${aws_secretsmanager_secret.master.id}', secret_string_wo: '${jsonencode({})}', secret_string_wo_version: 1 } },
      aws_ssm_parameter: { writer: { name: '/xyz/mysql/writer', type: 'String', value: '${aws_db_instance.primary.address}' } },
      aws_elasticache_user: {
        default_user: { user_id: 'xyz-default', user_name: 'default', engine: 'redis', access_string: 'off -@all', authentication_mode: { type: 'no-password-required' } },
        app: { user_id: 'xyz-app', user_name: 'xyz-app', engine: 'redis', access_string: 'on ~* +@all -@dangerous', authentication_mode: { type: 'iam' } },
      },
      aws_elasticache_user_group: { users: { user_group_id: 'xyz', engine: 'redis', user_ids: ['${aws_elasticache_user.default_user.user_id}', '${aws_elasticache_user.app.user_id}'] } },
      aws_elasticache_replication_group: {
        cache: {
          replication_group_id: 'xyz-redis',
          description: 'cache',
          engine: 'redis',
          node_type: 'cache.t3.micro',
          num_cache_clusters: 2,
          multi_az_enabled: true,
          automatic_failover_enabled: true,
          at_rest_encryption_enabled: 'true',
          kms_key_id: KEY_ARN,
          transit_encryption_enabled: true,
          transit_encryption_mode: 'required',
          user_group_ids: ['${aws_elasticache_user_group.users.user_group_id}'],
          snapshot_retention_limit: 2,
          security_group_ids: ['${aws_security_group.cache.id}'],
        },
      },
      aws_kinesis_stream: { events: { name: 'xyz-events', shard_count: 4, retention_period: 24, encryption_type: 'KMS', kms_key_id: KEY_ARN } },
      aws_dynamodb_table: {
        events: {
          name: 'xyz-events',
          billing_mode: 'PAY_PER_REQUEST',
          hash_key: 'pk',
          attribute: [{ name: 'pk', type: 'S' }],
          point_in_time_recovery: { enabled: true },
          server_side_encryption: { enabled: true, kms_key_arn: KEY_ARN },
          deletion_protection_enabled: true,
        },
      },
      aws_sqs_queue: { dead_letters: { name: 'xyz-dlq', kms_master_key_id: KEY_ARN } },
      aws_sns_topic: { alerts: { name: 'xyz-alerts', kms_master_key_id: KEY_ARN } },
      aws_sns_topic_policy: {
        alerts: {
          arn: '${aws_sns_topic.alerts.arn}',
          policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              { Sid: 'AlarmsPublish', Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish', Resource: '${aws_sns_topic.alerts.arn}', Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } },
              { Sid: 'DenyWithoutTls', Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: '${aws_sns_topic.alerts.arn}', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
            ],
          }),
        },
      },
      aws_lambda_function: {
        processor: { function_name: 'xyz-processor', role: '${aws_iam_role.processor.arn}', kms_key_arn: KEY_ARN, environment: { variables: { TABLE_NAME: 'xyz-events' } } },
      },
      aws_cloudwatch_log_group: { processor: { name: '/aws/lambda/xyz-processor', retention_in_days: 30, kms_key_id: KEY_ARN } },
      aws_vpc: { main: { cidr_block: '10.10.0.0/16' } },
      aws_default_security_group: { main: { vpc_id: '${aws_vpc.main.id}' } },
      aws_network_acl: { private: { vpc_id: '${aws_vpc.main.id}' } },
      aws_network_acl_rule: {
        mysql_in: { network_acl_id: '${aws_network_acl.private.id}', rule_number: 100, egress: false, protocol: 'tcp', rule_action: 'allow', cidr_block: '10.10.0.0/16', from_port: 3306, to_port: 3306 },
      },
      aws_route_table: { private: { vpc_id: '${aws_vpc.main.id}' } },
      aws_flow_log: { main: { vpc_id: '${aws_vpc.main.id}', traffic_type: 'ALL', log_destination: '${aws_cloudwatch_log_group.processor.arn}' } },
      aws_security_group: {
        app: { name: 'xyz-app', description: 'application hosts', vpc_id: '${aws_vpc.main.id}' },
        database: { name: 'xyz-db', description: 'MySQL', vpc_id: '${aws_vpc.main.id}', ingress: [{ description: 'MySQL from the VPC', from_port: 3306, to_port: 3306, protocol: 'tcp', cidr_blocks: ['10.10.0.0/16'] }] },
        cache: { name: 'xyz-redis', description: 'Redis', vpc_id: '${aws_vpc.main.id}' },
      },
      aws_security_group_rule: {
        cache_from_app: { type: 'ingress', description: 'Redis from app', security_group_id: '${aws_security_group.cache.id}', source_security_group_id: '${aws_security_group.app.id}', from_port: 6379, to_port: 6379, protocol: 'tcp' },
      },
      aws_vpc_security_group_ingress_rule: {
        database_from_app: { description: 'MySQL from app', security_group_id: '${aws_security_group.database.id}', referenced_security_group_id: '${aws_security_group.app.id}', ip_protocol: 'tcp', from_port: 3306, to_port: 3306 },
      },
      aws_vpc_security_group_egress_rule: {
        app_to_database: { description: 'MySQL to the database', security_group_id: '${aws_security_group.app.id}', cidr_ipv4: '10.10.0.0/16', ip_protocol: 'tcp', from_port: 3306, to_port: 3306 },
      },
      aws_s3_bucket: { state: { bucket: 'xyz-state' } },
      aws_s3_bucket_versioning: { state: { bucket: '${aws_s3_bucket.state.id}', versioning_configuration: { status: 'Enabled' } } },
      aws_s3_bucket_lifecycle_configuration: {
        state: { bucket: '${aws_s3_bucket.state.id}', rule: [{ id: 'expire-superseded-state', status: 'Enabled', filter: [{ prefix: '' }], noncurrent_version_expiration: [{ noncurrent_days: 90 }] }] },
      },
      aws_s3_bucket_server_side_encryption_configuration: {
        state: { bucket: '${aws_s3_bucket.state.id}', rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: KEY_ARN }, bucket_key_enabled: true }] },
      },
      aws_s3_bucket_public_access_block: {
        state: { bucket: '${aws_s3_bucket.state.id}', block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true },
      },
      aws_s3_bucket_policy: {
        state: {
          bucket: '${aws_s3_bucket.state.id}',
          policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'DenyInsecureTransport',
                Effect: 'Deny',
                Principal: '*',
                Action: 's3:*',
                Resource: ['arn:aws:s3:::xyz-state', 'arn:aws:s3:::xyz-state/*'],
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              },
            ],
          }),
        },
      },
    },
  };
}

/** Merges changes into the resource at `address`; a change to undefined removes the argument. */
export function patch(stack: FixtureStack, address: string, changes: Record<string, unknown>): void {
  const config = resourceAt(stack, address);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete config[key];
    else config[key] = value;
  }
}

export function remove(stack: FixtureStack, address: string): void {
  const [type, name] = address.split('.');
  resourceAt(stack, address);
  delete stack.resource[type][name];
}

export function add(stack: FixtureStack, address: string, config: Record<string, unknown>): void {
  const [type, name] = address.split('.');
  stack.resource[type] = { ...stack.resource[type], [name]: config };
}

export function resourceAt(stack: FixtureStack, address: string): Record<string, unknown> {
  const [type, name] = address.split('.');
  const config = stack.resource[type]?.[name];
  if (!config) throw new Error(`fixture has no ${address}`);
  return config;
}

/** Adds a data source (`data.<type>.<name>`), such as an aws_iam_policy_document. */
export function addData(stack: FixtureStack, address: string, config: Record<string, unknown>): void {
  const [type, name] = address.split('.');
  stack.data = { ...stack.data, [type]: { ...stack.data?.[type], [name]: config } };
}
