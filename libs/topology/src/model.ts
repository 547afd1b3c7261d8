import type { AwsRegion } from './aws-regions';
import type { GlobalResourceNames, RegionResourceNames } from './naming';
import type { TopologyDocument } from './schema';

export type RegionRole = 'primary' | 'replica';

export type DatabaseSettings = TopologyDocument['database'];
export type CacheSettings = TopologyDocument['cache'];
export type StreamSettings = TopologyDocument['stream'];
export type AlarmThresholds = TopologyDocument['alarms'];

export interface SubnetPlan {
  readonly availabilityZone: string;
  readonly cidr: string;
}

/** One region of the platform, with its role already decided by the topology. */
export interface RegionTopology {
  readonly region: AwsRegion;
  readonly stackName: string;
  readonly role: RegionRole;
  /** For a replica: the region of the primary it replicates from. */
  readonly sourceRegion?: AwsRegion;
  readonly vpcCidr: string;
  readonly availabilityZones: readonly string[];
  /** One private subnet per availability zone, carved from vpcCidr. */
  readonly privateSubnets: readonly SubnetPlan[];
  readonly names: RegionResourceNames;
}

export interface StateBackendSettings {
  readonly bucket: string;
  readonly region: AwsRegion;
  /** The backend stack keeps its own state locally: it creates the bucket everything else uses. */
  readonly stackName: string;
}

/** The validated, resolved platform description that stacks, constructs and the runbook share. */
export interface Topology {
  readonly project: string;
  readonly environment: string;
  readonly environmentShort: string;
  readonly accountId: string;
  readonly primaryRegion: AwsRegion;
  readonly regions: readonly RegionTopology[];
  readonly stateBackend: StateBackendSettings;
  readonly database: DatabaseSettings;
  readonly cache: CacheSettings;
  readonly stream: StreamSettings;
  readonly alarms: AlarmThresholds;
  /** Notifications of every region's alert topic go here. */
  readonly alertEmail?: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly names: GlobalResourceNames;
}
