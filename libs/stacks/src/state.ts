import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { type Topology, stateKey } from '@xyz/topology';
import { DataTerraformRemoteStateS3, S3Backend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';

/** The AWS provider every stack uses: one region, the topology's account only, default tags. */
export function addAwsProvider(stack: TerraformStack, topology: Topology, region: string): AwsProvider {
  return new AwsProvider(stack, 'aws', {
    region,
    allowedAccountIds: [topology.accountId],
    defaultTags: [{ tags: { ...topology.tags, Region: region } }],
  });
}

/** Stores the stack's state in the shared bucket under a key of its own, locked with an S3 lock file. */
export function useRemoteState(stack: TerraformStack, topology: Topology, stackName: string): S3Backend {
  const backend = new S3Backend(stack, {
    bucket: topology.stateBackend.bucket,
    key: stateKey(topology, stackName),
    region: topology.stateBackend.region,
    encrypt: true,
  });
  // Terraform >= 1.10 locks with a lock object next to the state; cdktf 0.21 has no typed field yet.
  stack.addOverride('terraform.backend.s3.use_lockfile', true);
  return backend;
}

/** Reads the outputs of another stack of the same environment from its remote state. */
export function readStackState(scope: Construct, id: string, topology: Topology, stackName: string): DataTerraformRemoteStateS3 {
  return new DataTerraformRemoteStateS3(scope, id, {
    bucket: topology.stateBackend.bucket,
    key: stateKey(topology, stackName),
    region: topology.stateBackend.region,
  });
}
