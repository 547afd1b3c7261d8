import { customerManagedKeyProblem } from '../engine/customer-managed-key';
import { resourceRule } from '../engine/rule';
import { block, isTrue, show } from '../engine/values';

export const kinesisStreamWithCmk = resourceRule({
  id: 'kinesis-cmk',
  description: 'Kinesis streams are encrypted with a customer-managed KMS key of the stack.',
  checkov: ['CKV_AWS_43', 'CKV_AWS_185'],
  resourceTypes: ['aws_kinesis_stream'],
  check: ({ config }, stack) => [
    config.encryption_type === 'KMS' ? undefined : `encryption_type is ${show(config.encryption_type)}; set it to "KMS"`,
    customerManagedKeyProblem('kms_key_id', config.kms_key_id, stack, 'arn-id-or-alias'),
  ],
});

export const dynamodbPointInTimeRecovery = resourceRule({
  id: 'dynamodb-pitr',
  description: 'DynamoDB tables have point-in-time recovery on.',
  checkov: ['CKV_AWS_28'],
  resourceTypes: ['aws_dynamodb_table'],
  check: ({ config }) => {
    const enabled = block(config.point_in_time_recovery)?.enabled;
    return [isTrue(enabled) ? undefined : `point_in_time_recovery.enabled is ${show(enabled)}; set it to true`];
  },
});

export const dynamodbWithCmk = resourceRule({
  id: 'dynamodb-cmk',
  description: 'DynamoDB tables are encrypted with a customer-managed KMS key of the stack, not the AWS-owned key.',
  checkov: ['CKV_AWS_119'],
  resourceTypes: ['aws_dynamodb_table'],
  check: ({ config }, stack) => {
    const encryption = block(config.server_side_encryption);
    if (!isTrue(encryption?.enabled)) {
      return [`server_side_encryption.enabled is ${show(encryption?.enabled)}, so the AWS-owned key is used; enable it with kms_key_arn`];
    }
    return [customerManagedKeyProblem('server_side_encryption.kms_key_arn', encryption?.kms_key_arn, stack, 'arn')];
  },
});

export const dynamodbDeletionProtection = resourceRule({
  id: 'dynamodb-deletion-protection',
  description: 'DynamoDB tables have deletion protection on.',
  resourceTypes: ['aws_dynamodb_table'],
  check: ({ config }) => [isTrue(config.deletion_protection_enabled) ? undefined : `deletion_protection_enabled is ${show(config.deletion_protection_enabled)}; set it to true`],
});

export const sqsQueueWithCmk = resourceRule({
  id: 'sqs-cmk',
  description: 'SQS queues are encrypted with a customer-managed KMS key of the stack (SSE-SQS is not enough).',
  checkov: ['CKV_AWS_27'],
  resourceTypes: ['aws_sqs_queue'],
  check: ({ config }, stack) => [customerManagedKeyProblem('kms_master_key_id', config.kms_master_key_id, stack, 'arn-id-or-alias')],
});

export const snsTopicWithCmk = resourceRule({
  id: 'sns-cmk',
  description: 'SNS topics are encrypted with a customer-managed KMS key of the stack.',
  checkov: ['CKV_AWS_26'],
  resourceTypes: ['aws_sns_topic'],
  check: ({ config }, stack) => [customerManagedKeyProblem('kms_master_key_id', config.kms_master_key_id, stack, 'arn-id-or-alias')],
});

export const lambdaEnvironmentWithCmk = resourceRule({
  id: 'lambda-environment-cmk',
  description: 'Lambda functions with environment variables encrypt them with a customer-managed KMS key of the stack.',
  checkov: ['CKV_AWS_173'],
  resourceTypes: ['aws_lambda_function'],
  check: ({ config }, stack) => {
    const variables = block(config.environment)?.variables;
    const hasVariables = variables !== undefined && variables !== null && (typeof variables !== 'object' || Object.keys(variables).length > 0);
    return hasVariables ? [customerManagedKeyProblem('kms_key_arn', config.kms_key_arn, stack, 'arn')] : [];
  },
});

export const EVENT_PIPELINE_RULES = [
  kinesisStreamWithCmk,
  dynamodbPointInTimeRecovery,
  dynamodbWithCmk,
  dynamodbDeletionProtection,
  sqsQueueWithCmk,
  snsTopicWithCmk,
  lambdaEnvironmentWithCmk,
];
