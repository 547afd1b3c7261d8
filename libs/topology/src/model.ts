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

/** One region's Terraform state store: the state of the region's own stack, and copies of every other stack's. */
export interface RegionalStateStore {
  readonly region: AwsRegion;
  readonly bucket: string;
  /** Server access logs of the state bucket: who read or wrote which state, and when. */
  readonly logBucket: string;
  /** The region's state key, named by alias (the key id is only known once it exists). */
  readonly kmsAlias: string;
  /** What the S3 backends send as the SSE-KMS key and what the bucket policy requires. */
  readonly kmsAliasArn: string;
}

export interface StateBackendSettings {
  /** The stack that creates every region's state store (it bootstraps with local state). */
  readonly stackName: string;
  /** The region whose store holds the state-backend stack's own state. */
  readonly homeRegion: AwsRegion;
  /** One store per region of the platform, in the order of `regions`. */
  readonly stores: readonly RegionalStateStore[];
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
