import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { RegionalCache } from '@xyz/cache';
import type { Topology } from '@xyz/topology';
import { regionForStack } from '@xyz/topology';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { join } from 'node:path';
import { RegionalMonitoring } from '../src';

/**
 * One region's cache and monitoring, wired the way the region stacks wire them, with a stand-in
 * network and key, a local backend and mock credentials so that `terraform plan` runs offline.
 * Returns the directory of the synthesized stack.
 */
export function synthRegionSlice(outdir: string, topology: Topology, stackName: string): string {
  const region = regionForStack(topology, stackName);
  const app = new App({ outdir });
  const stack = new TerraformStack(app, stackName);
  new LocalBackend(stack, { path: join(outdir, `${stackName}.tfstate`) });
  new AwsProvider(stack, 'aws', {
    region: region.region,
    accessKey: 'mock',
    secretKey: 'mock',
    skipCredentialsValidation: true,
    skipRequestingAccountId: true,
    skipMetadataApiCheck: 'true',
  });
  const tags = { ...topology.tags };
  const kmsKey = new KmsKey(stack, 'key', { description: 'stand-in for the region key', enableKeyRotation: true });
  const vpc = new Vpc(stack, 'vpc', { cidrBlock: region.vpcCidr });
  const subnets = region.privateSubnets.map(
    (plan, i) => new Subnet(stack, `private-${i}`, { vpcId: vpc.id, cidrBlock: plan.cidr, availabilityZone: plan.availabilityZone }),
  );
  const appSecurityGroup = new SecurityGroup(stack, 'app', { name: region.names.appSecurityGroup, description: 'application', vpcId: vpc.id });

  const cache = new RegionalCache(stack, 'cache', {
    region,
    settings: topology.cache,
    vpcId: vpc.id,
    subnetIds: subnets.map((subnet) => subnet.id),
    clientSecurityGroupIds: [appSecurityGroup.id],
    kmsKey,
    tags,
  });
  new RegionalMonitoring(stack, 'monitoring', {
    region,
    thresholds: topology.alarms,
    kmsKey,
    database: { instanceIdentifier: region.names.dbInstanceIdentifier, role: region.role },
    cache: { replicationGroupId: cache.replicationGroupId, memberClusterIds: cache.memberClusterIds },
    stream:
      region.role === 'primary'
        ? {
            streamName: topology.names.deviceEventStream,
            functionName: topology.names.streamProcessorFunction,
            deadLetterQueueName: topology.names.streamDeadLetterQueue,
            tableName: topology.names.deviceEventTable,
          }
        : undefined,
    alertEmail: 'oncall@example.com',
    tags,
  });
  app.synth();
  return join(outdir, 'stacks', stackName);
}
