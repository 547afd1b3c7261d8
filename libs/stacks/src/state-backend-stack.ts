import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { RegionalKey } from '@xyz/encryption';
import { applyGuardrails } from '@xyz/guardrails';
import { STATE_BACKEND_STACK, type Topology } from '@xyz/topology';
import { LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { addAwsProvider, useRemoteState } from './state';

/** Relative to the stack's working directory (cdktf.out/stacks/state-backend): the repository's .terraform-state/. */
export const BOOTSTRAP_STATE_PATH = '../../../.terraform-state/state-backend.tfstate';

export interface StateBackendStackProps {
  readonly topology: Topology;
  /**
   * The very first apply: the bucket does not exist yet, so the state is kept locally in the
   * repository's .terraform-state/ until it is migrated into the bucket (see the README).
   * @default false (the state lives in the bucket it describes, under <environment>/state-backend.tfstate)
   */
  readonly bootstrap?: boolean;
  /**
   * Days to keep superseded state versions.
   * @default 90
   */
  readonly noncurrentVersionDays?: number;
}

/**
 * The bootstrap stack: the bucket every other stack keeps its state in. Versioned, encrypted
 * with a customer-managed key, no public access, TLS only. Locking uses S3 lock files
 * (use_lockfile), so no lock table is needed. Its own state starts local (bootstrap) and then
 * moves into the bucket, so CI can plan and apply it like any other stack.
 */
export class StateBackendStack extends TerraformStack {
  readonly bucket: S3Bucket;

  constructor(scope: Construct, props: StateBackendStackProps) {
    super(scope, STATE_BACKEND_STACK);
    applyGuardrails(this);
    const { topology } = props;
    const { bucket: bucketName, region } = topology.stateBackend;
    addAwsProvider(this, topology, region);
    if (props.bootstrap) new LocalBackend(this, { path: BOOTSTRAP_STATE_PATH });
    else useRemoteState(this, topology, STATE_BACKEND_STACK);
    const tags = { Stack: STATE_BACKEND_STACK };

    const key = new RegionalKey(this, 'key', {
      accountId: topology.accountId,
      region,
      alias: `alias/${topology.project}-${topology.environmentShort}-terraform-state`,
      allowCloudWatch: false,
      tags,
    });
    this.bucket = new S3Bucket(this, 'bucket', { bucket: bucketName, tags, lifecycle: { preventDestroy: true } });
    new S3BucketOwnershipControls(this, 'ownership', { bucket: this.bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    new S3BucketPublicAccessBlock(this, 'public-access-block', {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketVersioningA(this, 'versioning', { bucket: this.bucket.id, versioningConfiguration: { status: 'Enabled' } });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket: this.bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.key.arn }, bucketKeyEnabled: true }],
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
    });
    new S3BucketPolicy(this, 'tls-only', {
      bucket: this.bucket.id,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [`arn:aws:s3:::${bucketName}`, `arn:aws:s3:::${bucketName}/*`],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      }),
    });
    new TerraformOutput(this, 'state_bucket', { value: this.bucket.bucket, staticId: true });
    new TerraformOutput(this, 'state_kms_key_arn', { value: key.key.arn, staticId: true });
  }
}
