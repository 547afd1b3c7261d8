import { regionShortCode, type Topology } from '@xyz/topology';
import { platformServices } from './service-scenario';
import type { SimInstanceData, SimState } from './state';

export interface ScenarioOptions {
  /** Region that is primary in AWS (default: the topology's). */
  readonly primaryRegion?: string;
  /** ReplicaLag per region (default 2 s). */
  readonly lagSeconds?: Readonly<Record<string, number>>;
  readonly regionsDown?: readonly string[];
  /** When the scenario is taken (alarm state times); default 2025-03-01T03:00:00Z, the fake clock's start. */
  readonly now?: number;
}

export function endpointOf(id: string, region: string): string {
  return `${id}.c9abcdefgh12.${region}.rds.amazonaws.com`;
}

/** The platform as the stacks would have built it: a Multi-AZ primary, one replica per other region. */
export function platformScenario(topology: Topology, options: ScenarioOptions = {}): SimState {
  const primaryRegion = options.primaryRegion ?? topology.primaryRegion;
  const primary = topology.regions.find((region) => region.region === primaryRegion);
  if (!primary) throw new Error(`${primaryRegion} is not in the topology`);
  const primaryArn = `arn:aws:rds:${primaryRegion}:${topology.accountId}:db:${primary.names.dbInstanceIdentifier}`;
  const instances: SimInstanceData[] = topology.regions.map((region) => {
    const isPrimary = region.region === primaryRegion;
    const id = region.names.dbInstanceIdentifier;
    return {
      id,
      region: region.region,
      baseStatus: 'available',
      multiAZ: isPrimary,
      availabilityZone: region.availabilityZones[0],
      secondaryAvailabilityZone: isPrimary ? region.availabilityZones[1] : undefined,
      backupRetention: isPrimary ? topology.database.backupRetentionDays : 0,
      sourceArn: isPrimary ? undefined : primaryArn,
      endpointAddress: endpointOf(id, region.region),
      securityGroupIds: [`sg-0${regionShortCode(region.region)}db00000001`],
      parameterGroup: region.names.dbParameterGroup,
      subnetGroup: region.names.dbSubnetGroup,
      kmsKeyId: `arn:aws:kms:${region.region}:${topology.accountId}:key/${regionShortCode(region.region)}-data-key`,
      instanceClass: topology.database.instanceClass,
      tags: { ...topology.tags },
      lagSeconds: options.lagSeconds?.[region.region] ?? 2,
      logExports: ['error', 'slowquery'],
      monitoringInterval: topology.database.monitoringIntervalSeconds,
      monitoringRoleArn: `arn:aws:iam::${topology.accountId}:role/${region.names.monitoringRole}`,
      iamAuth: true,
      deletionProtection: true,
      performanceInsights: true,
      performanceInsightsRetention: topology.database.performanceInsightsRetentionDays,
    };
  });
  const parameters: Record<string, Record<string, string>> = {};
  const ssm: Record<string, string> = {};
  topology.regions.forEach((region) => {
    parameters[`${region.region}/${region.names.dbParameterGroup}`] = { require_secure_transport: '1' };
    ssm[`${region.region}|${region.names.writerEndpointParameter}`] = endpointOf(primary.names.dbInstanceIdentifier, primaryRegion);
  });
  const services = platformServices(topology, options.now ?? Date.parse('2025-03-01T03:00:00Z'));
  return { accountId: topology.accountId, instances, parameters, ssm, regionsDown: [...(options.regionsDown ?? [])], services };
}
