import type { RegionTopology, Topology } from '@xyz/topology';
import { dbInstanceArn } from '../aws/arn';
import type { CallOptions } from '../aws/gateway';
import type { InstanceView } from '../aws/instance-view';
import type { RdsApi } from '../aws/rds';
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
