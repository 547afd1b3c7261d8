import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { KinesisStream } from '@cdktf/provider-aws/lib/kinesis-stream';
import { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { AssetType, TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { BRANCH_TIME_INDEX, DEVICE_EVENT_TABLE_KEYS, TTL_ATTRIBUTE } from '../contracts/item-layout';
import { PROCESSOR_ENVIRONMENT } from '../contracts/processor-environment';
import { type DeviceEventPipelineProps, resolvePipelineProps } from './pipeline-props';
import { LAMBDA_TRUST_POLICY, processorPolicy } from './processor-policy';

/** The bundle's entry file is index.js exporting `handler` (see scripts/bundle-processor.ts). */
const PROCESSOR_HANDLER = 'index.handler';
/** SQS's maximum: the longest time on-call has to look at a discarded batch. */
const DEAD_LETTER_RETENTION_SECONDS = 1_209_600;
/** IAM name prefixes are limited to 38 characters. */
const ROLE_NAME_PREFIX_LIMIT = 38;

/**
 * The primary region's real-time path: device events arrive on a Kinesis stream, a Lambda stream
 * processor validates them and writes them to a DynamoDB table, and batches it cannot write after the
 * mapping's retries are recorded in an SQS dead-letter queue. Everything is encrypted with the region's
 * customer-managed key, and the processor's role can touch only these resources.
 */
export class DeviceEventPipeline extends Construct {
  readonly stream: KinesisStream;
  readonly table: DynamodbTable;
  readonly deadLetterQueue: SqsQueue;
  readonly logGroup: CloudwatchLogGroup;
  readonly role: IamRole;
  readonly processor: LambdaFunction;
  readonly eventSourceMapping: LambdaEventSourceMapping;

  constructor(scope: Construct, id: string, pipelineProps: DeviceEventPipelineProps) {
    super(scope, id);
    const props = resolvePipelineProps(pipelineProps);
    const { names, settings, kmsKey, tags } = props;

    this.stream = new KinesisStream(this, 'stream', {
      name: names.deviceEventStream,
      shardCount: settings.shardCount,
      retentionPeriod: settings.retentionHours,
      streamModeDetails: { streamMode: 'PROVISIONED' },
      encryptionType: 'KMS',
      kmsKeyId: kmsKey.arn,
      tags,
    });

    this.table = new DynamodbTable(this, 'table', {
      name: names.deviceEventTable,
      billingMode: 'PAY_PER_REQUEST',
      hashKey: DEVICE_EVENT_TABLE_KEYS.partitionKey,
      rangeKey: DEVICE_EVENT_TABLE_KEYS.sortKey,
      attribute: [DEVICE_EVENT_TABLE_KEYS.partitionKey, DEVICE_EVENT_TABLE_KEYS.sortKey, BRANCH_TIME_INDEX.partitionKey, BRANCH_TIME_INDEX.sortKey].map(
        (name) => ({ name, type: 'S' }),
      ),
      globalSecondaryIndex: [
        { name: BRANCH_TIME_INDEX.name, hashKey: BRANCH_TIME_INDEX.partitionKey, rangeKey: BRANCH_TIME_INDEX.sortKey, projectionType: 'ALL' },
      ],
      streamEnabled: true,
      streamViewType: 'NEW_AND_OLD_IMAGES',
      pointInTimeRecovery: { enabled: true },
      serverSideEncryption: { enabled: true, kmsKeyArn: kmsKey.arn },
      deletionProtectionEnabled: true,
      ttl: { attributeName: TTL_ATTRIBUTE, enabled: true },
      tags,
    });

    this.deadLetterQueue = new SqsQueue(this, 'dead-letter-queue', {
      name: names.streamDeadLetterQueue,
      kmsMasterKeyId: kmsKey.arn,
      kmsDataKeyReusePeriodSeconds: 300,
      messageRetentionSeconds: DEAD_LETTER_RETENTION_SECONDS,
      tags,
    });
    new SqsQueuePolicy(this, 'dead-letter-queue-policy', {
      queueUrl: this.deadLetterQueue.url,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 'sqs:*',
            Resource: this.deadLetterQueue.arn,
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      }),
    });

    this.logGroup = new CloudwatchLogGroup(this, 'log-group', {
      name: `/aws/lambda/${names.streamProcessorFunction}`,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: kmsKey.arn,
      tags,
    });

    // IAM names are account-wide: a prefix cannot clash with a role another stack or region already has.
    this.role = new IamRole(this, 'role', {
      namePrefix: `${names.streamProcessorFunction}-`.slice(0, ROLE_NAME_PREFIX_LIMIT),
      description: `Execution role of ${names.streamProcessorFunction}: reads ${names.deviceEventStream}, writes ${names.deviceEventTable}`,
      assumeRolePolicy: JSON.stringify(LAMBDA_TRUST_POLICY),
      tags,
    });
    const rolePolicy = new IamRolePolicy(this, 'role-policy', {
      name: 'device-event-processor',
      role: this.role.id,
      policy: JSON.stringify(
        processorPolicy({
          streamArn: this.stream.arn,
          tableArn: this.table.arn,
          deadLetterQueueArn: this.deadLetterQueue.arn,
          logGroupArn: this.logGroup.arn,
          kmsKeyArn: kmsKey.arn,
          inVpc: props.vpcConfig !== undefined,
        }),
      ),
    });

    const bundle = new TerraformAsset(this, 'processor-bundle', {
      path: props.processorBundle.zipPath,
      type: AssetType.FILE,
      // The hash is known already; passing it keeps the asset's folder name a function of the contents.
      assetHash: Buffer.from(props.processorBundle.sha256Base64, 'base64').toString('hex'),
    });

    this.processor = new LambdaFunction(this, 'processor', {
      functionName: names.streamProcessorFunction,
      description: `Validates device events from ${names.deviceEventStream} and writes them to ${names.deviceEventTable}`,
      role: this.role.arn,
      runtime: props.runtime,
      architectures: [props.architecture],
      handler: PROCESSOR_HANDLER,
      filename: bundle.path,
      sourceCodeHash: props.processorBundle.sha256Base64,
      memorySize: props.memorySizeMb,
      timeout: props.timeoutSeconds,
      reservedConcurrentExecutions: props.reservedConcurrency,
      kmsKeyArn: kmsKey.arn,
      environment: {
        variables: {
          [PROCESSOR_ENVIRONMENT.tableName]: this.table.name,
          [PROCESSOR_ENVIRONMENT.retentionDays]: String(props.eventRetentionDays),
        },
      },
      loggingConfig: { logFormat: 'Text', logGroup: this.logGroup.name },
      vpcConfig: props.vpcConfig ? { subnetIds: props.vpcConfig.subnetIds, securityGroupIds: props.vpcConfig.securityGroupIds } : undefined,
      tags,
      dependsOn: [this.logGroup, rolePolicy],
    });

    this.eventSourceMapping = new LambdaEventSourceMapping(this, 'event-source-mapping', {
      eventSourceArn: this.stream.arn,
      functionName: this.processor.arn,
      startingPosition: 'TRIM_HORIZON',
      batchSize: settings.batchSize,
      maximumBatchingWindowInSeconds: settings.maximumBatchingWindowSeconds,
      parallelizationFactor: settings.parallelizationFactor,
      maximumRetryAttempts: settings.maximumRetryAttempts,
      maximumRecordAgeInSeconds: props.maximumRecordAgeSeconds,
      bisectBatchOnFunctionError: true,
      functionResponseTypes: ['ReportBatchItemFailures'],
      destinationConfig: { onFailure: { destinationArn: this.deadLetterQueue.arn } },
      tags,
      // The mapping checks at creation that the role can read the stream.
      dependsOn: [rolePolicy],
    });
  }
}
