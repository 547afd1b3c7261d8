import { patch } from '../compliant-stack';
import type { AreaCases } from './rule-case';

const STREAM = 'aws_kinesis_stream.events';
const TABLE = 'aws_dynamodb_table.events';
const QUEUE = 'aws_sqs_queue.dead_letters';
const TOPIC = 'aws_sns_topic.alerts';
const FUNCTION = 'aws_lambda_function.processor';

export const EVENT_PIPELINE_CASES: AreaCases = {
  area: 'Kinesis, DynamoDB, SQS, SNS, Lambda',
  failing: [
    { rule: 'kinesis-cmk', title: 'stream unencrypted', change: (s) => patch(s, STREAM, { encryption_type: 'NONE', kms_key_id: undefined }), address: STREAM, message: /^encryption_type is "NONE"; set it to "KMS"$/ },
    { rule: 'kinesis-cmk', title: 'stream with the aws/kinesis key', change: (s) => patch(s, STREAM, { kms_key_id: 'alias/aws/kinesis' }), address: STREAM, message: /^kms_key_id is "alias\/aws\/kinesis", an AWS-managed key/ },
    { rule: 'dynamodb-pitr', title: 'point-in-time recovery off', change: (s) => patch(s, TABLE, { point_in_time_recovery: { enabled: false } }), address: TABLE, message: /^point_in_time_recovery\.enabled is false/ },
    { rule: 'dynamodb-pitr', title: 'point-in-time recovery left out', change: (s) => patch(s, TABLE, { point_in_time_recovery: undefined }), address: TABLE, message: /^point_in_time_recovery\.enabled is not set/ },
    { rule: 'dynamodb-cmk', title: 'the AWS-owned key', change: (s) => patch(s, TABLE, { server_side_encryption: undefined }), address: TABLE, message: /^server_side_encryption\.enabled is not set, so the AWS-owned key is used/ },
    { rule: 'dynamodb-cmk', title: 'the AWS-managed aws/dynamodb key', change: (s) => patch(s, TABLE, { server_side_encryption: [{ enabled: true }] }), address: TABLE, message: /^server_side_encryption\.kms_key_arn is not set/ },
    { rule: 'dynamodb-deletion-protection', title: 'deletion protection off', change: (s) => patch(s, TABLE, { deletion_protection_enabled: false }), address: TABLE, message: /^deletion_protection_enabled is false/ },
    { rule: 'sqs-cmk', title: 'SSE-SQS instead of KMS', change: (s) => patch(s, QUEUE, { kms_master_key_id: undefined, sqs_managed_sse_enabled: true }), address: QUEUE, message: /^kms_master_key_id is not set/ },
    { rule: 'sns-cmk', title: 'the aws/sns key', change: (s) => patch(s, TOPIC, { kms_master_key_id: 'alias/aws/sns' }), address: TOPIC, message: /an AWS-managed key/ },
    { rule: 'sns-cmk', title: 'an alias that points outside the stack', change: (s) => { patch(s, TOPIC, { kms_master_key_id: '${aws_kms_alias.data.arn}' }); patch(s, 'aws_kms_alias.data', { target_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' }); }, address: TOPIC, message: /^kms_master_key_id uses aws_kms_alias\.data, whose target_key_id is not a key of this stack/ },
    { rule: 'lambda-environment-cmk', title: 'environment variables with the default key', change: (s) => patch(s, FUNCTION, { kms_key_arn: undefined }), address: FUNCTION, message: /^kms_key_arn is not set/ },
  ],
  passing: [
    { title: 'an SNS topic and an SQS queue encrypted through the alias of a stack key', change: (s) => { patch(s, TOPIC, { kms_master_key_id: '${aws_kms_alias.data.name}' }); patch(s, QUEUE, { kms_master_key_id: '${aws_kms_alias.data.arn}' }); } },
    { title: 'a stream encrypted with the key id', change: (s) => patch(s, STREAM, { kms_key_id: '${aws_kms_key.data.key_id}' }) },
    { title: 'a function without environment variables needs no key', change: (s) => patch(s, FUNCTION, { environment: undefined, kms_key_arn: undefined }) },
    { title: 'blocks written as lists', change: (s) => patch(s, TABLE, { point_in_time_recovery: [{ enabled: true }], server_side_encryption: [{ enabled: true, kms_key_arn: '${aws_kms_key.data.arn}' }] }) },
  ],
};
