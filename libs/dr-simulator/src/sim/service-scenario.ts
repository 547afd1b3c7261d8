import type { Topology } from '@xyz/topology';
import type { SimServicesState } from './service-state';

/** An alarm of another team in the same account: `status` must not count it as the platform's. */
export const FOREIGN_ALARM = 'billing-estimated-charges-high';

/**
 * Cache, pipeline and alarms as the stacks build them: a Multi-AZ replication group per region
 * (one member per node), the stream, its mapping to the processor and the table in the stream's
 * home region, a few of the platform's alarms in OK, and one foreign alarm firing.
 */
export function platformServices(topology: Topology, now: number): SimServicesState {
  const home = topology.stream.homeRegion;
  const { deviceEventStream, deviceEventTable, streamProcessorFunction } = topology.names;
  return {
    cacheGroups: topology.regions.map((region) => ({
      region: region.region,
      id: region.names.cacheReplicationGroup,
      status: 'available',
      multiAZ: 'enabled',
      automaticFailover: 'enabled',
      members: Array.from({ length: topology.cache.numCacheClusters }, (_, i) => `${region.names.cacheReplicationGroup}-${String(i + 1).padStart(3, '0')}`),
    })),
    streams: [{ region: home, name: deviceEventStream, status: 'ACTIVE', openShards: topology.stream.shardCount, retentionHours: topology.stream.retentionHours }],
    eventSourceMappings: [{ region: home, uuid: '5c1d2e3f-0000-4000-8000-000000000001', functionName: streamProcessorFunction, streamName: deviceEventStream, state: 'Enabled' }],
    tables: [{ region: home, name: deviceEventTable, status: 'ACTIVE', streamEnabled: true }],
    alarms: [
      ...topology.regions.map((region) => ({ region: region.region, name: `${region.names.dbInstanceIdentifier}-cpu-high`, state: 'OK' as const, reason: 'Threshold Crossed: 5 datapoints were not greater than or equal to the threshold', updatedAt: now })),
      { region: home, name: FOREIGN_ALARM, state: 'ALARM', reason: 'Threshold Crossed: 1 datapoint [212.0] was greater than or equal to the threshold (200.0).', updatedAt: now },
    ],
  };
}
