export interface StateBucketPolicyInput {
  /** The bucket's name. */
  readonly bucket: string;
  /** The only KMS key uploads may name: its key ARN and its alias ARN (what the S3 backends send). */
  readonly kmsKeyArns: readonly string[];
}

const SSE_HEADER = 's3:x-amz-server-side-encryption';
const SSE_KEY_HEADER = 's3:x-amz-server-side-encryption-aws-kms-key-id';

/** Refuses every request to the bucket and its objects that does not use TLS. */
function denyInsecureTransport(bucketArn: string) {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/**
 * The state bucket's policy: TLS only, and every upload encrypted with SSE-KMS under the region's
 * state key. Bucket default encryption is not enough: a backend with `encrypt = true` and no key
 * sends SSE-S3 (AES256), which overrides the default, so the key policy would stop deciding who
 * reads state. A missing header makes StringNotEquals true, so such uploads are refused too.
 * Replication writes with s3:ReplicateObject, which these statements do not cover.
 */
export function stateBucketPolicy({ bucket, kmsKeyArns }: StateBucketPolicyInput): string {
  const bucketArn = `arn:aws:s3:::${bucket}`;
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      denyInsecureTransport(bucketArn),
      {
        Sid: 'DenyUploadsNotEncryptedWithKms',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: `${bucketArn}/*`,
        Condition: { StringNotEquals: { [SSE_HEADER]: 'aws:kms' } },
      },
      {
        Sid: 'DenyUploadsWithAnotherKey',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: `${bucketArn}/*`,
        Condition: { StringNotEquals: { [SSE_KEY_HEADER]: [...kmsKeyArns] } },
      },
    ],
  });
}

export interface AccessLogBucketPolicyInput {
  readonly logBucket: string;
  /** Where the logs go inside the log bucket. */
  readonly prefix: string;
  /** The bucket whose server access logs are delivered here. */
  readonly sourceBucket: string;
  readonly accountId: string;
}

/** The log bucket's policy: TLS only, and only S3's logging service, for the state bucket of this account, may write. */
export function accessLogBucketPolicy({ logBucket, prefix, sourceBucket, accountId }: AccessLogBucketPolicyInput): string {
  const logBucketArn = `arn:aws:s3:::${logBucket}`;
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      denyInsecureTransport(logBucketArn),
      {
        Sid: 'S3ServerAccessLogsOfTheStateBucket',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `${logBucketArn}/${prefix}*`,
        Condition: {
          ArnLike: { 'aws:SourceArn': `arn:aws:s3:::${sourceBucket}` },
          StringEquals: { 'aws:SourceAccount': accountId },
        },
      },
    ],
  });
}
