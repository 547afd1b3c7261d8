/** The ARNs the stream processor may touch, and nothing else. */
export interface ProcessorPolicyTargets {
  readonly streamArn: string;
  readonly tableArn: string;
  readonly deadLetterQueueArn: string;
  readonly logGroupArn: string;
  readonly kmsKeyArn: string;
  readonly inVpc: boolean;
}

export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string[];
  readonly Resource: string | string[];
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: PolicyStatement[];
}

/** The actions Lambda's event source mapping needs on a stream (shared-throughput consumer, no enhanced fan-out). */
const STREAM_READ_ACTIONS = ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards'];

// Network interfaces cannot be scoped to one function by ARN when it is created; these are the actions
// of AWSLambdaVPCAccessExecutionRole, needed only when the function runs in a VPC.
const VPC_ACTIONS = [
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSubnets',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
];

/**
 * Least privilege for the processor's execution role: read the one stream, put items into the one
 * table, send discarded-batch records to the one queue, write its own log group, and use the key only
 * through the services that hold data encrypted with it.
 */
export function processorPolicy(targets: ProcessorPolicyTargets): PolicyDocument {
  const statements: PolicyStatement[] = [
    { Sid: 'ReadDeviceEventStream', Effect: 'Allow', Action: STREAM_READ_ACTIONS, Resource: targets.streamArn },
    { Sid: 'WriteDeviceEventItems', Effect: 'Allow', Action: ['dynamodb:BatchWriteItem', 'dynamodb:PutItem'], Resource: targets.tableArn },
    { Sid: 'SendDiscardedBatchesToDeadLetterQueue', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: targets.deadLetterQueueArn },
    { Sid: 'WriteOwnLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${targets.logGroupArn}:*` },
    {
      Sid: 'UseDataKeyThroughPipelineServices',
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: targets.kmsKeyArn,
      Condition: {
        StringLike: { 'kms:ViaService': ['kinesis.*.amazonaws.com', 'dynamodb.*.amazonaws.com', 'sqs.*.amazonaws.com', 'lambda.*.amazonaws.com'] },
      },
    },
  ];
  if (targets.inVpc) statements.push({ Sid: 'ManageVpcNetworkInterfaces', Effect: 'Allow', Action: VPC_ACTIONS, Resource: '*' });
  return { Version: '2012-10-17', Statement: statements };
}

/** Trust policy: only the Lambda service assumes the role. */
export const LAMBDA_TRUST_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'LambdaAssumesRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
} as const;
