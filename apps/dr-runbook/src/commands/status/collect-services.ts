import type { RegionTopology, Topology } from '@xyz/topology';
import { cannotCheckReason } from '../../aws/cannot-check';
import { BRIEF_RETRY } from '../../aws/retry-policy';
import type { AwsServices } from '../../aws/services';
import type { DevicePipeline, RegionServices, ServiceRead } from './model';

type Settled<T> = { readonly value: T } | { readonly error: string };

function settle<T>(read: Promise<T>): Promise<Settled<T>> {
  return read.then(
    (value) => ({ value }),
    (error: unknown) => ({ error: cannotCheckReason(error) }),
  );
}

function serviceRead<T>(name: string, result: Settled<T | undefined>): ServiceRead<T> {
  return 'error' in result ? { name, error: result.error } : { name, observed: result.value ?? null };
}

/** Every alarm the platform creates is named after a resource of the topology, so they share its prefix. */
export function alarmPrefix(region: RegionTopology): string {
  return `${region.names.prefix}-`;
}

async function pipelineStatus(aws: AwsServices, topology: Topology, region: string): Promise<DevicePipeline> {
  const { deviceEventStream, deviceEventTable, streamProcessorFunction } = topology.names;
  const options = { retry: BRIEF_RETRY };
  const [stream, mappings, table] = await Promise.all([
    settle(aws.streams.describe(region, deviceEventStream, options)),
    settle(aws.eventSources.ofSource(region, `arn:aws:kinesis:${region}:${topology.accountId}:stream/${deviceEventStream}`, options)),
    settle(aws.tables.describe(region, deviceEventTable, options)),
  ]);
  // Looked up by the stream's ARN, which Lambda matches exactly; the one that matters feeds the processor.
  const fromStream = 'error' in mappings ? mappings : { value: mappings.value.find((mapping) => mapping.functionArn.endsWith(`:function:${streamProcessorFunction}`)) };
  return {
    stream: serviceRead(deviceEventStream, stream),
    eventSourceMapping: serviceRead(streamProcessorFunction, fromStream),
    table: serviceRead(deviceEventTable, table),
  };
}

/** Reads the region's cache, alarms and (in the stream's home region) the device event pipeline, in parallel. */
export async function collectServices(aws: AwsServices, topology: Topology, region: RegionTopology): Promise<RegionServices> {
  const options = { retry: BRIEF_RETRY };
  const prefix = alarmPrefix(region);
  const [cache, alarms, pipeline] = await Promise.all([
    settle(aws.cacheGroups.describe(region.region, region.names.cacheReplicationGroup, options)),
    settle(aws.alarms.firing(region.region, prefix, options)),
    topology.stream.homeRegion === region.region ? pipelineStatus(aws, topology, region.region) : Promise.resolve(undefined),
  ]);
  return {
    cache: serviceRead(region.names.cacheReplicationGroup, cache),
    ...(pipeline ? { pipeline } : {}),
    alarms: 'error' in alarms ? { prefix, error: alarms.error } : { prefix, firing: alarms.value },
  };
}
