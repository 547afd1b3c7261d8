import type { Topology } from '@xyz/topology';
import type { RegionStatus, ServiceRead, Severity } from './model';

type Report = (severity: Severity, message: string) => void;

/** States a resource passes through on its own while a change is applied: worth a look, not wrong. */
const CACHE_BUSY = ['creating', 'modifying', 'snapshotting'];
const TRANSITIONAL = ['UPDATING', 'Updating', 'Enabling', 'Creating'];

/**
 * What a read tells before its content is looked at: could not be read (cannot check), does not
 * exist (error), or the resource to check.
 */
function present<T>(read: ServiceRead<T> | undefined, what: string, report: Report): T | undefined {
  if (!read) return undefined;
  if (read.error !== undefined) {
    report('cannot-check', `cannot check the ${what} ${read.name}: ${read.error}`);
    return undefined;
  }
  if (!read.observed) {
    report('error', `the ${what} ${read.name} does not exist`);
    return undefined;
  }
  return read.observed;
}

function cacheFindings(topology: Topology, entry: RegionStatus, report: Report): void {
  const group = present(entry.services.cache, 'Redis replication group', report);
  if (!group) return;
  if (group.status !== 'available') report(CACHE_BUSY.includes(group.status) ? 'warning' : 'error', `Redis ${group.id} is ${group.status}`);
  // The topology asks for numCacheClusters >= 2 nodes, which the cache construct runs Multi-AZ with automatic failover.
  if (group.multiAZ !== 'enabled') report('error', `Redis ${group.id} is not Multi-AZ (MultiAZ ${group.multiAZ}); the topology runs ${topology.cache.numCacheClusters} nodes across zones`);
  if (group.automaticFailover !== 'enabled') report(group.automaticFailover === 'enabling' ? 'warning' : 'error', `Redis ${group.id} has automatic failover ${group.automaticFailover}: a failed primary node is not replaced`);
  if (group.memberClusters !== topology.cache.numCacheClusters) report('warning', `Redis ${group.id} has ${group.memberClusters} node(s); the topology says ${topology.cache.numCacheClusters}`);
}

function pipelineFindings(topology: Topology, entry: RegionStatus, report: Report): void {
  const pipeline = entry.services.pipeline;
  if (!pipeline) return;
  const stream = present(pipeline.stream, 'Kinesis stream', report);
  if (stream) {
    if (stream.status !== 'ACTIVE') report(TRANSITIONAL.includes(stream.status) ? 'warning' : 'error', `Kinesis ${stream.name} is ${stream.status}`);
    if (stream.openShards !== topology.stream.shardCount) report('error', `Kinesis ${stream.name} has ${stream.openShards} open shard(s); the topology says ${topology.stream.shardCount}`);
    if (stream.retentionHours !== topology.stream.retentionHours) report('error', `Kinesis ${stream.name} keeps records ${stream.retentionHours} h; the topology says ${topology.stream.retentionHours} h`);
  }
  const mappingRead = pipeline.eventSourceMapping;
  if (mappingRead.error !== undefined) report('cannot-check', `cannot check the event source mapping of ${mappingRead.name}: ${mappingRead.error}`);
  else if (!mappingRead.observed) report('error', `no event source mapping from Kinesis ${pipeline.stream.name} to Lambda ${mappingRead.name}: device events are not processed`);
  else if (mappingRead.observed.state !== 'Enabled') {
    report(TRANSITIONAL.includes(mappingRead.observed.state) ? 'warning' : 'error', `the event source mapping from ${pipeline.stream.name} to ${mappingRead.name} is ${mappingRead.observed.state}, not Enabled`);
  }
  const table = present(pipeline.table, 'DynamoDB table', report);
  if (table) {
    if (table.status !== 'ACTIVE') report(TRANSITIONAL.includes(table.status) ? 'warning' : 'error', `DynamoDB ${table.name} is ${table.status}`);
    if (!table.streamEnabled) report('error', `DynamoDB ${table.name} has its stream off: the design reads its changes from the table's stream`);
  }
}

function alarmFindings(entry: RegionStatus, report: Report): void {
  const { alarms } = entry.services;
  if (alarms.error !== undefined) {
    report('cannot-check', `cannot check the CloudWatch alarms ${alarms.prefix}*: ${alarms.error}`);
    return;
  }
  // A firing alarm is the platform saying something is wrong now, whatever else matches the topology.
  (alarms.firing ?? []).forEach((alarm) => report('error', `alarm ${alarm.name} is in ALARM${alarm.since ? ` since ${alarm.since}` : ''}${alarm.reason ? `: ${alarm.reason}` : ''}`));
}

/**
 * The region's cache, device event pipeline and alarms against the topology. A region whose RDS
 * could not be read already has its one "cannot check": the other services add no more of those,
 * but a problem found in them is still reported.
 */
export function serviceFindings(topology: Topology, entry: RegionStatus, add: (severity: Severity, message: string) => void): void {
  const report: Report = (severity, message) => {
    if (severity !== 'cannot-check' || entry.reachable) add(severity, message);
  };
  cacheFindings(topology, entry, report);
  pipelineFindings(topology, entry, report);
  alarmFindings(entry, report);
}
