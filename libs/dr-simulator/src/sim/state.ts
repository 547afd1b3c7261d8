import type { SimServicesState } from './service-state';

/** Serializable state of one simulated DB instance (a scenario file holds a list of these). */
export interface SimInstanceData {
  id: string;
  region: string;
  /** The status when no operation is in flight: usually "available". */
  baseStatus: string;
  multiAZ: boolean;
  availabilityZone: string;
  secondaryAvailabilityZone?: string;
  backupRetention: number;
  sourceArn?: string;
  endpointAddress: string;
  securityGroupIds: string[];
  parameterGroup: string;
  subnetGroup: string;
  kmsKeyId: string;
  instanceClass: string;
  tags: Record<string, string>;
  lagSeconds: number;
  logExports: string[];
  monitoringInterval: number;
  monitoringRoleArn?: string;
  iamAuth: boolean;
  deletionProtection: boolean;
  performanceInsights: boolean;
  performanceInsightsRetention?: number;
}

/** A whole simulated account: instances, parameter groups, SSM parameters, regions that are down. */
export interface SimState {
  /** Cache, device event pipeline and alarms (what `status` reads beyond RDS and SSM). */
  services: SimServicesState;
  accountId: string;
  instances: SimInstanceData[];
  /** `${region}/${group}` -> user-set parameters. */
  parameters: Record<string, Record<string, string>>;
  /** `${region}|${name}` -> value. */
  ssm: Record<string, string>;
  regionsDown: string[];
}

/** Transient state of an instance while operations are in flight. */
export interface SimPhases {
  creating: boolean;
  promoting?: 'requested' | 'modifying' | 'rebooting';
  backingUp: boolean;
  multiAz?: 'requested' | 'modifying';
  renaming?: 'requested' | 'renaming';
  failingOver?: 'requested' | 'rebooting';
  parameterApply: 'in-sync' | 'applying';
  /** When read_only=1 took effect on this instance. */
  fencedAt?: number;
  /** When the instance became a (writable) standalone primary by promotion. */
  writableAt?: number;
}

export function statusOf(data: SimInstanceData, phases: SimPhases): string {
  if (phases.creating) return 'creating';
  if (phases.promoting === 'rebooting' || phases.failingOver === 'rebooting') return 'rebooting';
  if (phases.renaming === 'renaming') return 'renaming';
  if (phases.promoting === 'modifying' || phases.multiAz === 'modifying') return 'modifying';
  if (phases.backingUp) return 'backing-up';
  return data.baseStatus;
}
