import type { AwsRegion } from './aws-regions';
import { TopologyError } from './errors';
import type { RegionTopology, Topology } from './model';

export function primaryRegionOf(topology: Topology): RegionTopology {
  const primary = topology.regions.find((region) => region.role === 'primary');
  if (!primary) throw new TopologyError('primaryRegion', 'the topology has no primary region');
  return primary;
}

export function replicaRegionsOf(topology: Topology): RegionTopology[] {
  return topology.regions.filter((region) => region.role === 'replica');
}

export function regionForStack(topology: Topology, stackName: string): RegionTopology {
  const found = topology.regions.find((region) => region.stackName === stackName);
  if (!found) {
    const known = topology.regions.map((region) => region.stackName).join(', ');
    throw new TopologyError('regions', `no region uses stack "${stackName}" (known stacks: ${known})`);
  }
  return found;
}

export function regionByName(topology: Topology, region: string): RegionTopology {
  const found = topology.regions.find((entry) => entry.region === region);
  if (!found) {
    const known = topology.regions.map((entry) => entry.region).join(', ');
    throw new TopologyError('region', `"${region}" is not a region of this platform (regions: ${known})`);
  }
  return found;
}

/** The S3 key of a stack's state. Stable per stack, whatever role the stack's region has. */
export function stateKey(topology: Topology, stackName: string): string {
  return `${topology.environment}/${stackName}.tfstate`;
}

export function isPlatformRegion(topology: Topology, region: string): region is AwsRegion {
  return topology.regions.some((entry) => entry.region === region);
}
