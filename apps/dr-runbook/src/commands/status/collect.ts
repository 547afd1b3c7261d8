import { primaryRegionOf, type RegionTopology, type Topology } from '@xyz/topology';
import type { InstanceView } from '../../aws/instance-view';
import { BRIEF_RETRY } from '../../aws/retry-policy';
import type { AwsServices } from '../../aws/services';
import { instanceArn } from '../shared';
import type { InstanceSummary, RegionStatus } from './model';

function summary(view: InstanceView): InstanceSummary {
  return {
    id: view.id,
    status: view.status,
    role: view.sourceArn ? 'replica' : 'primary',
    source: view.sourceArn,
    multiAZ: view.multiAZ,
    pendingMultiAZ: view.pendingMultiAZ,
    backupRetentionDays: view.backupRetentionDays,
    latestRestorableTime: view.latestRestorableTime,
    endpoint: view.endpointAddress,
  };
}

async function regionStatus(aws: AwsServices, topology: Topology, region: RegionTopology): Promise<RegionStatus> {
  const id = region.names.dbInstanceIdentifier;
  const primary = primaryRegionOf(topology);
  const base = {
    region: region.region,
    stack: region.stackName,
    expectedRole: region.role,
    expectedInstance: id,
    expectedSource: region.role === 'replica' ? instanceArn(topology, primary) : undefined,
    writerEndpointParameter: region.names.writerEndpointParameter,
  };
  const [instances, endpoint] = await Promise.all([
    aws.rds.list(region.region, { retry: BRIEF_RETRY }).then((views) => ({ views }), (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) })),
    aws.endpoints.get(region.region, region.names.writerEndpointParameter, { retry: BRIEF_RETRY }).then((value) => value ?? null, () => undefined),
  ]);
  if ('error' in instances) return { ...base, reachable: false, error: instances.error, lagSeconds: null, writerEndpoint: endpoint, leftovers: [] };
  const view = instances.views.find((entry) => entry.id === id);
  const leftovers = instances.views.filter((entry) => entry.id !== id && entry.id.startsWith(`${id}-`)).map((entry) => `${entry.id} (${entry.status})`);
  const lag = view?.sourceArn ? await aws.lag.latest(region.region, id, { retry: BRIEF_RETRY }).catch(() => undefined) : undefined;
  return {
    ...base,
    reachable: true,
    instance: view ? summary(view) : undefined,
    lagSeconds: lag ? lag.seconds : null,
    lagAt: lag ? new Date(lag.at).toISOString() : undefined,
    writerEndpoint: endpoint,
    leftovers,
  };
}

/** Reads every region in parallel. Read-only; a region that does not answer is reported, not fatal. */
export function collectStatus(aws: AwsServices, topology: Topology): Promise<RegionStatus[]> {
  return Promise.all(topology.regions.map((region) => regionStatus(aws, topology, region)));
}
