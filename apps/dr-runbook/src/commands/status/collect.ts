import { primaryRegionOf, type RegionTopology, type Topology } from '@xyz/topology';
import type { InstanceView } from '../../aws/instance-view';
import { cannotCheckReason } from '../../aws/cannot-check';
import { BRIEF_RETRY } from '../../aws/retry-policy';
import type { AwsServices } from '../../aws/services';
import { instanceArn } from '../shared';
import { collectServices } from './collect-services';
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
  const [instances, parameter, services] = await Promise.all([
    aws.rds.list(region.region, { retry: BRIEF_RETRY }).then((views) => ({ views }), (error: unknown) => ({ error: cannotCheckReason(error) })),
    aws.endpoints.get(region.region, region.names.writerEndpointParameter, { retry: BRIEF_RETRY }).then((value) => ({ value: value ?? null }), (error: unknown) => ({ error: cannotCheckReason(error) })),
    collectServices(aws, topology, region),
  ]);
  const endpoint = 'error' in parameter ? { writerEndpointError: parameter.error } : { writerEndpoint: parameter.value };
  if ('error' in instances) return { ...base, ...endpoint, reachable: false, error: instances.error, lagSeconds: null, leftovers: [], services };
  const view = instances.views.find((entry) => entry.id === id);
  const leftovers = instances.views.filter((entry) => entry.id !== id && entry.id.startsWith(`${id}-`)).map((entry) => `${entry.id} (${entry.status})`);
  const lag = view?.sourceArn ? await aws.lag.latest(region.region, id, { retry: BRIEF_RETRY }).then((sample) => ({ sample }), (error: unknown) => ({ error: cannotCheckReason(error) })) : undefined;
  const sample = lag && 'sample' in lag ? lag.sample : undefined;
  return {
    ...base,
    ...endpoint,
    reachable: true,
    instance: view ? summary(view) : undefined,
    lagSeconds: sample ? sample.seconds : null,
    lagAt: sample ? new Date(sample.at).toISOString() : undefined,
    ...(lag && 'error' in lag ? { lagError: lag.error } : {}),
    leftovers,
    services,
  };
}

/** Reads every region in parallel. Read-only; what could not be read is reported with the reason, not fatal. */
export function collectStatus(aws: AwsServices, topology: Topology): Promise<RegionStatus[]> {
  return Promise.all(topology.regions.map((region) => regionStatus(aws, topology, region)));
}
