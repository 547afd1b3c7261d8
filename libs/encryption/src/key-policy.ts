export interface KeyPolicyInput {
  readonly accountId: string;
  readonly region: string;
  /** The partition; "aws" for the commercial regions this platform uses. */
  readonly partition?: string;
  /**
   * Let CloudWatch Logs and CloudWatch alarms use the key (encrypted log groups and alert topics).
   * @default true
   */
  readonly allowCloudWatch?: boolean;
}

interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Principal: Record<string, string>;
  readonly Action: string | string[];
  readonly Resource: '*';
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

/**
 * The regional data key's policy. IAM policies in the account decide who may use the key
 * (services such as RDS, ElastiCache, Kinesis, DynamoDB, SQS and Secrets Manager act through the
 * caller's grants). Two services act as themselves and need statements of their own:
 * CloudWatch Logs (encrypted log groups) and CloudWatch alarms publishing to an encrypted topic.
 */
export function regionalKeyPolicy({ accountId, region, partition = 'aws', allowCloudWatch = true }: KeyPolicyInput): string {
  const statements: PolicyStatement[] = [
    {
      Sid: 'AccountAdministersKeyThroughIam',
      Effect: 'Allow',
      Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'CloudWatchLogsEncryptsThisAccountsLogGroups',
      Effect: 'Allow',
      Principal: { Service: `logs.${region}.amazonaws.com` },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
      Resource: '*',
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${accountId}:*` } },
    },
    {
      Sid: 'CloudWatchAlarmsPublishToEncryptedTopics',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
    },
  ];
  return JSON.stringify({ Version: '2012-10-17', Statement: allowCloudWatch ? statements : statements.slice(0, 1) });
}
