import type { RegionStatus, ServiceRead, StatusReport } from './model';

function stateOf<T>(read: ServiceRead<T>, describe: (observed: T) => string): string {
  if (read.error !== undefined) return 'cannot check';
  return read.observed ? describe(read.observed) : 'missing';
}

function rows(entry: RegionStatus): string[][] {
  const { cache, pipeline, alarms } = entry.services;
  const region = entry.region;
  const result = [
    [region, 'redis', cache.name, stateOf(cache, (group) => `${group.status}; Multi-AZ ${group.multiAZ}; automatic failover ${group.automaticFailover}; ${group.memberClusters} nodes`)],
  ];
  if (pipeline) {
    result.push(
      [region, 'kinesis', pipeline.stream.name, stateOf(pipeline.stream, (stream) => `${stream.status}; ${stream.openShards} open shards; ${stream.retentionHours} h retention`)],
      [region, 'lambda', pipeline.eventSourceMapping.name, stateOf(pipeline.eventSourceMapping, (mapping) => `mapping from ${pipeline.stream.name} ${mapping.state}`)],
      [region, 'dynamodb', pipeline.table.name, stateOf(pipeline.table, (table) => `${table.status}; stream ${table.streamEnabled ? 'on' : 'off'}`)],
    );
  }
  const firing = alarms.firing;
  result.push([region, 'alarms', `${alarms.prefix}*`, alarms.error !== undefined ? 'cannot check' : firing && firing.length > 0 ? `${firing.length} in ALARM` : 'none in ALARM']);
  return result;
}

/** The second table of `status`: the other services of each region, as AWS reports them. */
export function servicesTable(report: StatusReport): string[][] {
  return [['REGION', 'SERVICE', 'RESOURCE', 'STATE'], ...report.regions.flatMap(rows)];
}
