import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { KinesisStream } from '@cdktf/provider-aws/lib/kinesis-stream';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { loadTopology } from '@xyz/topology';
import { Testing, TerraformStack } from 'cdktf';
import type { PolicyDocument } from '../src/construct/processor-policy';
import { type DeviceEventPipelineProps, DeviceEventPipeline } from '../src/index';
import { describeWithTerraform, initOffline, terraform } from '@xyz/terraform-toolkit/testing';

const topology = loadTopology('production');
const KEY_ARN = '${aws_kms_key.key.arn}';
const SHA = 'I/JSgFKHQziB7S0oVYnVTSasCGrCbLg15Hmy31ed+ho=';

function fakeBundle(): string {
  const zipPath = join(mkdtempSync(join(tmpdir(), 'processor-bundle-')), 'processor.zip');
  writeFileSync(zipPath, 'a zip stand-in: the construct only copies it');
  return zipPath;
}

function stackWith(overrides: Partial<DeviceEventPipelineProps> = {}) {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'stream-test');
  new AwsProvider(stack, 'aws', {
    region: topology.primaryRegion,
    skipCredentialsValidation: true,
    skipRequestingAccountId: true,
    skipMetadataApiCheck: 'true',
  });
  const kmsKey = new KmsKey(stack, 'key', { description: 'test key', enableKeyRotation: true });
  const pipeline = new DeviceEventPipeline(stack, 'device-events', {
    names: topology.names,
    settings: topology.stream,
    kmsKey,
    processorBundle: { zipPath: fakeBundle(), sha256Base64: SHA },
    tags: { Component: 'stream' },
    ...overrides,
  });
  return { app, stack, pipeline };
}

type Resources = Record<string, Record<string, Record<string, unknown>>>;

function resources(stack: TerraformStack): Resources {
  return JSON.parse(Testing.synth(stack)).resource as Resources;
}

/** The interpolation a reference to a resource's attribute synthesizes to. */
function ref(stack: TerraformStack, resource: { terraformResourceType: string }, attribute: string): string {
  return `\${${resource.terraformResourceType}.${stack.getLogicalId(resource as never)}.${attribute}}`;
}

function only(all: Resources, type: string): Record<string, unknown> {
  const found = Object.values(all[type] ?? {});
  expect(found).toHaveLength(1);
  return found[0];
}

describe('DeviceEventPipeline', () => {
  const { stack, pipeline } = stackWith();
  const synthesized = Testing.synth(stack);
  const all = resources(stack);

  it('exposes what monitoring and the stack need as typed properties', () => {
    expect(pipeline.stream).toBeInstanceOf(KinesisStream);
    expect(pipeline.table).toBeInstanceOf(DynamodbTable);
    expect(pipeline.processor).toBeInstanceOf(LambdaFunction);
    expect(pipeline.deadLetterQueue).toBeInstanceOf(SqsQueue);
    expect(pipeline.eventSourceMapping).toBeInstanceOf(LambdaEventSourceMapping);
    expect(pipeline.logGroup).toBeInstanceOf(CloudwatchLogGroup);
    expect(pipeline.role).toBeInstanceOf(IamRole);
  });

  it('creates a Kinesis stream of 4 shards, 24 h, encrypted with the CMK', () => {
    expect(synthesized).toHaveResourceWithProperties(KinesisStream, {
      name: 'xyz-prod-device-events',
      shard_count: 4,
      retention_period: 24,
      encryption_type: 'KMS',
      kms_key_id: KEY_ARN,
      stream_mode_details: { stream_mode: 'PROVISIONED' },
    });
  });

  it('creates an on-demand table with streams, PITR, CMK encryption and deletion protection', () => {
    expect(synthesized).toHaveResourceWithProperties(DynamodbTable, {
      name: 'xyz-prod-device-events',
      billing_mode: 'PAY_PER_REQUEST',
      stream_enabled: true,
      stream_view_type: 'NEW_AND_OLD_IMAGES',
      point_in_time_recovery: { enabled: true },
      server_side_encryption: { enabled: true, kms_key_arn: KEY_ARN },
      deletion_protection_enabled: true,
      hash_key: 'pk',
      range_key: 'sk',
      global_secondary_index: [{ name: 'byBranchTime', hash_key: 'gsi1pk', range_key: 'gsi1sk', projection_type: 'ALL' }],
      ttl: { attribute_name: 'expiresAt', enabled: true },
    });
  });

  it('encrypts the dead-letter queue with the CMK and refuses it to plain HTTP', () => {
    expect(synthesized).toHaveResourceWithProperties(SqsQueue, { name: 'xyz-prod-device-event-dlq', kms_master_key_id: KEY_ARN, message_retention_seconds: 1_209_600 });
    const policy = JSON.parse(String(only(all, SqsQueuePolicy.tfResourceType)['policy']));
    expect(policy.Statement).toEqual([
      expect.objectContaining({ Effect: 'Deny', Principal: '*', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    ]);
  });

  it('gives the processor an explicit log group with retention and the CMK', () => {
    expect(synthesized).toHaveResourceWithProperties(CloudwatchLogGroup, {
      name: '/aws/lambda/xyz-prod-device-event-processor',
      retention_in_days: 30,
      kms_key_id: KEY_ARN,
    });
  });

  it('deploys the bundled TypeScript processor on a Node.js runtime, its code hash taken from the bundle', () => {
    const fn = only(all, LambdaFunction.tfResourceType);
    expect(fn).toMatchObject({
      function_name: 'xyz-prod-device-event-processor',
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      source_code_hash: SHA,
      kms_key_arn: KEY_ARN,
      reserved_concurrent_executions: 4,
      logging_config: { log_format: 'Text', log_group: ref(stack, pipeline.logGroup, 'name') },
      environment: { variables: { TABLE_NAME: ref(stack, pipeline.table, 'name'), EVENT_RETENTION_DAYS: '90' } },
    });
    // The asset folder is named by the bundle's hash, so an unchanged bundle gives an unchanged path.
    expect(fn['filename']).toMatch(new RegExp(`^assets/[^/]+/${Buffer.from(SHA, 'base64').toString('hex')}/processor\\.zip$`));
    expect(fn['vpc_config']).toBeUndefined();
  });

  it('maps the stream to the processor for < 2 s end to end, with partial batch responses, bisection, bounded retries and a DLQ', () => {
    expect(synthesized).toHaveResourceWithProperties(LambdaEventSourceMapping, {
      event_source_arn: ref(stack, pipeline.stream, 'arn'),
      function_name: ref(stack, pipeline.processor, 'arn'),
      starting_position: 'TRIM_HORIZON',
      batch_size: 100,
      maximum_batching_window_in_seconds: 0,
      parallelization_factor: 1,
      maximum_retry_attempts: 3,
      maximum_record_age_in_seconds: 21_600,
      bisect_batch_on_function_error: true,
      function_response_types: ['ReportBatchItemFailures'],
      destination_config: { on_failure: { destination_arn: ref(stack, pipeline.deadLetterQueue, 'arn') } },
    });
  });

  it('lets only Lambda assume the role, and attaches no managed policy', () => {
    const role = only(all, IamRole.tfResourceType);
    expect(JSON.parse(String(role['assume_role_policy']))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'LambdaAssumesRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    expect(role['managed_policy_arns']).toBeUndefined();
    expect(Object.keys(all).filter((type) => type.includes('policy_attachment'))).toEqual([]);
    // IAM is global: a prefix, not a name, so the stream tier can move region after a failover.
    expect(role['name_prefix']).toBe('xyz-prod-device-event-processor-');
  });

  it('grants least privilege: the one stream, table, queue, log group and key, nothing with a wildcard resource', () => {
    const policy = JSON.parse(String(only(all, IamRolePolicy.tfResourceType)['policy'])) as PolicyDocument;
    const bySid = Object.fromEntries(policy.Statement.map((statement) => [statement.Sid, statement]));
    expect(Object.keys(bySid).sort()).toEqual(
      ['ReadDeviceEventStream', 'SendDiscardedBatchesToDeadLetterQueue', 'UseDataKeyThroughPipelineServices', 'WriteDeviceEventItems', 'WriteOwnLogs'].sort(),
    );
    expect(bySid['ReadDeviceEventStream'].Resource).toBe(ref(stack, pipeline.stream, 'arn'));
    expect(bySid['ReadDeviceEventStream'].Action).not.toContain('kinesis:PutRecord');
    expect(bySid['WriteDeviceEventItems']).toMatchObject({ Action: ['dynamodb:BatchWriteItem', 'dynamodb:PutItem'], Resource: ref(stack, pipeline.table, 'arn') });
    expect(bySid['SendDiscardedBatchesToDeadLetterQueue']).toMatchObject({ Action: ['sqs:SendMessage'], Resource: ref(stack, pipeline.deadLetterQueue, 'arn') });
    expect(bySid['WriteOwnLogs']).toMatchObject({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${ref(stack, pipeline.logGroup, 'arn')}:*` });
    expect(bySid['UseDataKeyThroughPipelineServices']).toMatchObject({
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: KEY_ARN,
      Condition: { StringLike: { 'kms:ViaService': ['kinesis.*.amazonaws.com', 'dynamodb.*.amazonaws.com', 'sqs.*.amazonaws.com', 'lambda.*.amazonaws.com'] } },
    });
    for (const statement of policy.Statement) {
      expect(statement.Effect).toBe('Allow');
      expect([statement.Resource].flat().some((resource) => resource.includes('*') && !resource.endsWith(':*'))).toBe(false);
      expect(statement.Action.some((action) => action.endsWith(':*') || action === '*')).toBe(false);
    }
  });

  it('puts the processor in the VPC only when asked, adding the network-interface permissions it then needs', () => {
    const { stack: vpcStack } = stackWith({ vpcConfig: { subnetIds: ['subnet-a', 'subnet-b'], securityGroupIds: ['sg-1'] } });
    const vpcResources = resources(vpcStack);
    expect(only(vpcResources, LambdaFunction.tfResourceType)['vpc_config']).toEqual({ subnet_ids: ['subnet-a', 'subnet-b'], security_group_ids: ['sg-1'] });
    const policy = JSON.parse(String(only(vpcResources, IamRolePolicy.tfResourceType)['policy'])) as PolicyDocument;
    expect(policy.Statement.find((statement) => statement.Sid === 'ManageVpcNetworkInterfaces')?.Action).toContain('ec2:CreateNetworkInterface');
  });

  it.each([
    ['a malformed hash', { processorBundle: { zipPath: 'x.zip', sha256Base64: 'abc' } }, /processorBundle.sha256Base64/],
    ['a bundle that is not a zip', { processorBundle: { zipPath: 'x.js', sha256Base64: SHA } }, /processorBundle.zipPath/],
    ['a record age beyond the retention', { maximumRecordAgeSeconds: 86_400 }, /maximumRecordAgeSeconds: must be shorter than the stream's retention/],
    ['a log retention CloudWatch does not offer', { logRetentionDays: 31 }, /logRetentionDays/],
    ['a VPC without subnets', { vpcConfig: { subnetIds: [], securityGroupIds: ['sg-1'] } }, /vpcConfig.subnetIds/],
  ])('refuses %s at synth, naming the prop', (_, overrides, message) => {
    expect(() => stackWith(overrides as Partial<DeviceEventPipelineProps>)).toThrow(message);
  });
});

describeWithTerraform('DeviceEventPipeline under terraform', () => {
  it('passes terraform validate and an offline plan with the real AWS provider', () => {
    const { stack } = stackWith({ vpcConfig: { subnetIds: ['subnet-0a1b2c3d'], securityGroupIds: ['sg-0a1b2c3d'] } });
    const directory = join(Testing.fullSynth(stack), 'stacks', 'stream-test');
    initOffline(directory);
    expect(terraform(directory, ['validate', '-no-color'])).toMatch(/Success! The configuration is valid/);
    const plan = terraform(directory, ['plan', '-input=false', '-refresh=false', '-lock=false', '-no-color']);
    expect(plan).toMatch(/Plan: 10 to add, 0 to change, 0 to destroy/);
  }, 180_000);
});
