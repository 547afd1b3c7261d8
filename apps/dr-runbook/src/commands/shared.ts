import { isAwsRegion, isPlatformRegion, primaryRegionOf, type RegionTopology, type Topology } from '@xyz/topology';
import { dbInstanceArn } from '../aws/arn';
import type { CallOptions } from '../aws/gateway';
import type { InstanceView } from '../aws/instance-view';
import type { RdsApi } from '../aws/rds';
import { InputError } from '../core/errors';
import type { JsonValue } from '../runbook/step';

/** A region's standard instance as seen while planning: present, absent, or the region did not answer. */
export type Probe = { readonly reachable: true; readonly view?: InstanceView } | { readonly reachable: false; readonly error: string };

export async function probeInstance(rds: RdsApi, region: string, id: string, options: CallOptions): Promise<Probe> {
  try {
    return { reachable: true, view: await rds.describe(region, id, options) };
  } catch (error) {
    return { reachable: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Refuses a region that is unknown or not part of this platform, before any AWS call. */
export function platformRegion(topology: Topology, option: string, value: string): RegionTopology {
  const known = topology.regions.map((region) => region.region).join(', ');
  if (!isAwsRegion(value)) throw new InputError(`${option} ${value}: not a known AWS region (this platform's regions: ${known})`);
  if (!isPlatformRegion(topology, value)) throw new InputError(`${option} ${value}: not a region of the ${topology.environment} platform (its regions: ${known})`);
  const found = topology.regions.find((region) => region.region === value);
  if (!found) throw new InputError(`${option} ${value}: not a region of this platform`);
  return found;
}

/** The region that is primary in the topology; a target that is already primary is refused. */
export function notThePrimary(topology: Topology, option: string, value: string): RegionTopology {
  const region = platformRegion(topology, option, value);
  const primary = primaryRegionOf(topology);
  if (region.region === primary.region) {
    throw new InputError(`${option} ${value}: ${value} is already the primary region in the topology (${primary.names.dbInstanceIdentifier}). Run \`status\` to compare the topology with AWS.`);
  }
  return region;
}

export function instanceArn(topology: Topology, region: RegionTopology): string {
  return dbInstanceArn(region.region, topology.accountId, region.names.dbInstanceIdentifier);
}

export function staleFacts(facts: Readonly<Record<string, JsonValue>>): string[] {
  return Object.entries(facts)
    .filter(([key, value]) => key.startsWith('stale:') && typeof value === 'string')
    .map(([key, value]) => `${String(value)} (${key.slice('stale:'.length)})`);
}

export function staleCleanupHint(facts: Readonly<Record<string, JsonValue>>): string[] {
  return Object.entries(facts)
    .filter(([key, value]) => key.startsWith('stale:') && typeof value === 'string')
    .map(([key, value]) => {
      const region = key.slice('stale:'.length);
      const id = String(value);
      return `${id} (${region}) was moved aside and still runs (and costs). Once its data is no longer needed: aws rds modify-db-instance --region ${region} --db-instance-identifier ${id} --no-deletion-protection --apply-immediately && aws rds delete-db-instance --region ${region} --db-instance-identifier ${id} --final-db-snapshot-identifier ${id}-final`;
    });
}

export function factNumber(facts: Readonly<Record<string, JsonValue>>, key: string): number | undefined {
  const value = facts[key];
  return typeof value === 'number' ? value : undefined;
}
