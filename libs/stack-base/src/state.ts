import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { providerDefaultTags, replicatedStateLocation, stateLocation, type Topology } from '@xyz/topology';
import { DataTerraformRemoteStateS3, S3Backend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';

/**
 * The AWS provider every stack uses: one region, the topology's account only, default tags.
 * A stack that spans regions adds one per region, each under an alias.
 */
export function addAwsProvider(stack: TerraformStack, topology: Topology, region: string, alias?: string): AwsProvider {
  return new AwsProvider(stack, alias ? `aws-${alias}` : 'aws', {
    region,
    alias,
    allowedAccountIds: [topology.accountId],
    defaultTags: [{ tags: providerDefaultTags(topology, region) }],
  });
}

/**
 * Stores the stack's state in its own region's state bucket, locked with an S3 lock file. The
 * backend names the region's state key: `encrypt` alone would send SSE-S3 (AES256) and override
 * the bucket's KMS default, and the bucket policy refuses that.
 */
export function useRemoteState(stack: TerraformStack, topology: Topology, stackName: string): S3Backend {
  const location = stateLocation(topology, stackName);
  const backend = new S3Backend(stack, {
    bucket: location.bucket,
    key: location.key,
    region: location.region,
    encrypt: true,
    kmsKeyId: location.kmsKeyId,
  });
  // Terraform >= 1.10 locks with a lock object next to the state; cdktf 0.21 has no typed field yet.
  stack.addOverride('terraform.backend.s3.use_lockfile', true);
  return backend;
}

/**
 * Reads the outputs of another stack of the same environment from the replicated copy of its
 * state in the reader's own region, so the read keeps working while the other stack's region is down.
 */
export function readStackState(scope: Construct, id: string, topology: Topology, stackName: string, readerRegion: string): DataTerraformRemoteStateS3 {
  const location = replicatedStateLocation(topology, stackName, readerRegion);
  return new DataTerraformRemoteStateS3(scope, id, { bucket: location.bucket, key: location.key, region: location.region });
}
