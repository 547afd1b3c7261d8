import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { accessLogBucketPolicy } from './state-bucket-policy';

export interface AccessLogBucketProps {
  readonly bucketName: string;
  /** The bucket whose server access logs this bucket receives. */
  readonly sourceBucketName: string;
  readonly accountId: string;
  /** Where the logs go inside the bucket. */
  readonly prefix: string;
  /** Days to keep access logs. */
  readonly retentionDays: number;
  readonly provider: TerraformProvider;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * Receives the server access logs of a state bucket: who read or wrote which state, and when.
 * Encrypted with SSE-S3, because S3 delivers server access logs only to buckets whose default
 * encryption is SSE-S3 (a KMS default makes delivery fail).
 */
export class AccessLogBucket extends Construct {
  readonly bucket: S3Bucket;
  /** S3 refuses to turn logging on until this policy lets its logging service write. */
  readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    const { provider } = props;
    this.bucket = new S3Bucket(this, 'bucket', { bucket: props.bucketName, tags: props.tags, provider });
    new S3BucketOwnershipControls(this, 'ownership', { bucket: this.bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' }, provider });
    new S3BucketPublicAccessBlock(this, 'public-access-block', {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
      provider,
    });
    new S3BucketVersioningA(this, 'versioning', { bucket: this.bucket.id, versioningConfiguration: { status: 'Enabled' }, provider });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket: this.bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
      provider,
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket: this.bucket.id,
      rule: [
        {
          id: 'expire-access-logs',
          status: 'Enabled',
          filter: [{ prefix: props.prefix }],
          expiration: [{ days: props.retentionDays }],
          noncurrentVersionExpiration: [{ noncurrentDays: 1 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
      provider,
    });
    this.policy = new S3BucketPolicy(this, 'policy', {
      bucket: this.bucket.id,
      policy: accessLogBucketPolicy({ logBucket: props.bucketName, prefix: props.prefix, sourceBucket: props.sourceBucketName, accountId: props.accountId }),
      provider,
    });
  }
}
