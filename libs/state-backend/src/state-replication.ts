import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { S3BucketReplicationConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-replication-configuration';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { RegionalStateBucket } from './regional-state-store';

export interface StateReplicationProps {
  /** Every region's store; each one replicates to all the others. */
  readonly stores: readonly { readonly region: string; readonly buckets: RegionalStateBucket; readonly provider: TerraformProvider }[];
  readonly roleName: string;
  /** The provider IAM is managed through (IAM is global). */
  readonly iamProvider: TerraformProvider;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/** S3 Replication Time Control: 99.99% of objects within 15 minutes, with metrics to prove it. */
const REPLICATION_MINUTES = 15;

/**
 * Replicates every region's state bucket to every other region's, re-encrypted there with that
 * region's state key. A region stack then reads other stacks' outputs from the copy in its own
 * region, and a lost region's state can be recovered from any surviving one. Objects that are
 * themselves replicas are not replicated again by S3, so the mesh has no loops. Deletes (the
 * removal of lock files) are replicated as delete markers.
 */
export class StateReplication extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: StateReplicationProps) {
    super(scope, id);
    this.role = new IamRole(this, 'role', {
      name: props.roleName,
      description: 'S3 replication of the Terraform state buckets between regions',
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
      tags: props.tags,
      provider: props.iamProvider,
    });
    new IamRolePolicy(this, 'policy', { role: this.role.id, policy: this.policyDocument(props), provider: props.iamProvider });

    props.stores.forEach((source) => {
      const destinations = props.stores.filter((store) => store !== source);
      new S3BucketReplicationConfigurationA(this, `from-${source.region}`, {
        bucket: source.buckets.bucket.id,
        role: this.role.arn,
        rule: destinations.map((destination, index) => ({
          id: `state-to-${destination.region}`,
          status: 'Enabled',
          priority: index + 1,
          filter: { prefix: '' },
          deleteMarkerReplication: { status: 'Enabled' },
          sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: 'Enabled' } },
          destination: {
            bucket: destination.buckets.bucket.arn,
            storageClass: 'STANDARD',
            encryptionConfiguration: { replicaKmsKeyId: destination.buckets.key.key.arn },
            replicationTime: { status: 'Enabled', time: { minutes: REPLICATION_MINUTES } },
            metrics: { status: 'Enabled', eventThreshold: { minutes: REPLICATION_MINUTES } },
          },
        })),
        provider: source.provider,
        dependsOn: [source.buckets.versioning, ...destinations.map((destination) => destination.buckets.versioning)],
      });
    });
  }

  private policyDocument(props: StateReplicationProps): string {
    const buckets = props.stores.map((store) => store.buckets.bucket.arn);
    const objects = buckets.map((arn) => `${arn}/*`);
    const keys = props.stores.map((store) => store.buckets.key.key.arn);
    return JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ReadReplicationConfiguration', Effect: 'Allow', Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'], Resource: buckets },
        {
          Sid: 'ReadSourceVersions',
          Effect: 'Allow',
          Action: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'],
          Resource: objects,
        },
        { Sid: 'WriteReplicas', Effect: 'Allow', Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'], Resource: objects },
        { Sid: 'DecryptSourcesEncryptReplicas', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], Resource: keys },
      ],
    });
  }
}
