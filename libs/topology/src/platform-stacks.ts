import type { AwsRegion } from './aws-regions';
import type { RegionRole, Topology } from './model';

/** One Terraform stack of the platform: what the Nx project graph and any deploy order follow. */
export interface PlatformStack {
  readonly name: string;
  /** The state backend spans every region; a region stack has the role the topology gives it. */
  readonly role: 'state-backend' | RegionRole;
  readonly region?: AwsRegion;
  /** The stacks to apply first: the state stores, and for a replica the primary whose outputs it reads. */
  readonly deployAfter: readonly string[];
  /** The device event pipeline lives in this stack's region (stream.homeRegion): it packages the processor. */
  readonly streamHome: boolean;
}

/** Every stack of the platform in deploy order: the state backend, the primary, then the replicas. */
export function platformStacks(topology: Topology): PlatformStack[] {
  const stateBackend = topology.stateBackend.stackName;
  const primary = topology.regions.find((region) => region.role === 'primary');
  const regions = [...topology.regions].sort((a, b) => Number(b.role === 'primary') - Number(a.role === 'primary'));
  return [
    { name: stateBackend, role: 'state-backend', deployAfter: [], streamHome: false },
    ...regions.map((region) => ({
      name: region.stackName,
      role: region.role,
      region: region.region,
      deployAfter: region.role === 'replica' && primary ? [stateBackend, primary.stackName] : [stateBackend],
      streamHome: region.region === topology.stream.homeRegion,
    })),
  ];
}
