import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { RegionalKey } from '@xyz/encryption';
import type { RegionalStateStore } from '@xyz/topology';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { AccessLogBucket } from './access-log-bucket';
import { stateBucketPolicy } from './state-bucket-policy';

export const ACCESS_LOG_PREFIX = 'state-access/';

export interface RegionalStateStoreProps {
  /** The store's names, from the topology. */
  readonly store: RegionalStateStore;
  readonly accountId: string;
  /** The provider of the store's region. */
  readonly provider: TerraformProvider;
  /**
   * Days to keep superseded state versions.
   * @default 90
   */
  readonly noncurrentVersionDays?: number;
  /**
   * Days to keep the access logs of the state bucket.
   * @default 365
   */
  readonly accessLogDays?: number;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * One region's Terraform state store: a versioned bucket encrypted with the region's own state key,
 * whose policy refuses uploads under any other encryption and any request without TLS, with
 * public access blocked, server access logging, and protection from destroy.
 */
export class RegionalStateBucket extends Construct {
  readonly key: RegionalKey;
  readonly bucket: S3Bucket;
  readonly versioning: S3BucketVersioningA;
  readonly accessLogs: AccessLogBucket;

  constructor(scope: Construct, id: string, props: RegionalStateStoreProps) {
    super(scope, id);
    const { store, provider, tags } = props;
    this.key = new RegionalKey(this, 'key', {
      accountId: props.accountId,
      region: store.region,
      alias: store.kmsAlias,
      allowCloudWatch: false,
      provider,
      tags,
    });
    this.bucket = new S3Bucket(this, 'bucket', { bucket: store.bucket, tags, provider, lifecycle: { preventDestroy: true } });
    new S3BucketOwnershipControls(this, 'ownership', { bucket: this.bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' }, provider });
    new S3BucketPublicAccessBlock(this, 'public-access-block', {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
      provider,
    });
    this.versioning = new S3BucketVersioningA(this, 'versioning', { bucket: this.bucket.id, versioningConfiguration: { status: 'Enabled' }, provider });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket: this.bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: this.key.key.arn }, bucketKeyEnabled: true }],
      provider,
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket: this.bucket.id,
      rule: [
        {
          id: 'expire-superseded-state',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionDays ?? 90 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
      provider,
    });
    new S3BucketPolicy(this, 'policy', {
      bucket: this.bucket.id,
      policy: stateBucketPolicy({ bucket: store.bucket, kmsKeyArns: [this.key.key.arn, store.kmsAliasArn] }),
      provider,
    });
    this.accessLogs = new AccessLogBucket(this, 'access-logs', {
      bucketName: store.logBucket,
      sourceBucketName: store.bucket,
      accountId: props.accountId,
      prefix: ACCESS_LOG_PREFIX,
      retentionDays: props.accessLogDays ?? 365,
      provider,
      tags,
    });
    new S3BucketLoggingA(this, 'access-logging', {
      bucket: this.bucket.id,
      targetBucket: this.accessLogs.bucket.id,
      targetPrefix: ACCESS_LOG_PREFIX,
      provider,
      dependsOn: [this.accessLogs.policy],
    });
  }
}
