import type { AwsRegion } from './aws-regions';
import { TopologyError } from './errors';
import type { RegionalStateStore, RegionTopology, Topology } from './model';

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

export function stateStoreOf(topology: Topology, region: string): RegionalStateStore {
  const store = topology.stateBackend.stores.find((entry) => entry.region === region);
  if (!store) throw new TopologyError('stateBackend', `no state store in "${region}" (regions: ${topology.stateBackend.stores.map((entry) => entry.region).join(', ')})`);
  return store;
}

/** The region whose store holds a stack's state: its own region, or the home region for the state backend. */
export function stateRegionOf(topology: Topology, stackName: string): AwsRegion {
  if (stackName === topology.stateBackend.stackName) return topology.stateBackend.homeRegion;
  return regionForStack(topology, stackName).region;
}

/** Where an S3 backend keeps a stack's state, and the key it encrypts it with. */
export interface StateLocation {
  readonly bucket: string;
  readonly key: string;
  readonly region: AwsRegion;
  readonly kmsKeyId: string;
}

/** The authoritative copy of a stack's state: in the stack's own region. */
export function stateLocation(topology: Topology, stackName: string): StateLocation {
  return locationIn(topology, stackName, stateRegionOf(topology, stackName));
}

/**
 * The replicated copy of a stack's state in another region's store. A reader in `readerRegion`
 * reads this copy, so it keeps working while the stack's own region is down.
 */
export function replicatedStateLocation(topology: Topology, stackName: string, readerRegion: string): StateLocation {
  return locationIn(topology, stackName, stateStoreOf(topology, readerRegion).region);
}

function locationIn(topology: Topology, stackName: string, region: AwsRegion): StateLocation {
  const store = stateStoreOf(topology, region);
  return { bucket: store.bucket, key: stateKey(topology, stackName), region: store.region, kmsKeyId: store.kmsAliasArn };
}

export function isPlatformRegion(topology: Topology, region: string): region is AwsRegion {
  return topology.regions.some((entry) => entry.region === region);
}
