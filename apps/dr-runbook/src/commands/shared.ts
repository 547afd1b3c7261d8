import type { RegionTopology, Topology } from '@xyz/topology';
import { dbInstanceArn } from '../aws/arn';
import type { CallOptions } from '../aws/gateway';
import type { InstanceView } from '../aws/instance-view';
import type { RdsApi } from '../aws/rds';
import { REPLICA_FACTS } from '../runbook/actions/replica';
import { regionFacts } from '../runbook/facts';
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

/** The instances this run moved aside, e.g. "xyz-prod-mysql-use2-stale-202503010300 (us-east-2)". */
export function staleFacts(facts: Readonly<Record<string, JsonValue>>): string[] {
  return regionFacts(facts, REPLICA_FACTS.stale).map(([region, id]) => `${id} (${region})`);
}

export function staleCleanupHint(facts: Readonly<Record<string, JsonValue>>): string[] {
  return regionFacts(facts, REPLICA_FACTS.stale).map(
    ([region, id]) =>
      `${id} (${region}) was moved aside and still runs (and costs). Once its data is no longer needed: aws rds modify-db-instance --region ${region} --db-instance-identifier ${id} --no-deletion-protection --apply-immediately && aws rds delete-db-instance --region ${region} --db-instance-identifier ${id} --final-db-snapshot-identifier ${id}-final`,
  );
}
