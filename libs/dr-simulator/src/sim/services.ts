import type { SimClock } from '../clock';
import { awsErrors } from './errors';
import type { SimAlarm, SimCacheGroup, SimEventSourceMapping, SimServicesState, SimStream, SimTable } from './service-state';

type Located = { region: string };

function find<T extends Located>(entries: T[], region: string, matches: (entry: T) => boolean): T | undefined {
  return entries.find((entry) => entry.region === region && matches(entry));
}

/**
 * The read APIs `status` uses beyond RDS and SSM (ElastiCache, Kinesis, Lambda, DynamoDB,
 * CloudWatch alarms), over plain data that tests change to break one thing at a time.
 */
export class SimServices {
  readonly state: SimServicesState;

  constructor(
    private readonly accountId: string,
    state: SimServicesState,
    private readonly clock: SimClock,
  ) {
    this.state = structuredClone(state);
  }

  handles(key: string): boolean {
    return ['elasticache:DescribeReplicationGroups', 'kinesis:DescribeStreamSummary', 'lambda:ListEventSourceMappings', 'dynamodb:DescribeTable', 'cloudwatch:DescribeAlarms'].includes(key);
  }

  dispatch(key: string, region: string, input: Record<string, unknown>): unknown {
    switch (key) {
      case 'elasticache:DescribeReplicationGroups':
        return this.replicationGroups(region, String(input.ReplicationGroupId));
      case 'kinesis:DescribeStreamSummary':
        return this.streamSummary(region, String(input.StreamName));
      case 'lambda:ListEventSourceMappings':
        return this.eventSourceMappings(region, input);
      case 'dynamodb:DescribeTable':
        return this.table(region, String(input.TableName));
      default:
        return this.alarms(region, input);
    }
  }

  // ---- test controls -------------------------------------------------------------------------

  setCacheGroup(region: string, change: Partial<SimCacheGroup>): void {
    Object.assign(this.required(this.state.cacheGroups, region, () => true, 'replication group'), change);
  }

  setStream(region: string, change: Partial<SimStream>): void {
    Object.assign(this.required(this.state.streams, region, () => true, 'stream'), change);
  }

  setEventSourceMapping(region: string, change: Partial<SimEventSourceMapping>): void {
    Object.assign(this.required(this.state.eventSourceMappings, region, () => true, 'event source mapping'), change);
  }

  setTable(region: string, change: Partial<SimTable>): void {
    Object.assign(this.required(this.state.tables, region, () => true, 'table'), change);
  }

  /** Deletes the region's resources of one kind (the replication group, the stream, ...). */
  remove(kind: Exclude<keyof SimServicesState, 'alarms'>, region: string): void {
    const kept = (this.state[kind] as Located[]).filter((entry) => entry.region !== region);
    (this.state[kind] as Located[]).splice(0, Infinity, ...kept);
  }

  /** Sets an alarm's state (adding the alarm if it does not exist). */
  setAlarm(region: string, name: string, state: SimAlarm['state'], reason: string): void {
    const alarm = find(this.state.alarms, region, (entry) => entry.name === name);
    const change = { state, reason, updatedAt: this.clock.now() };
    if (alarm) Object.assign(alarm, change);
    else this.state.alarms.push({ region, name, ...change });
  }

  // ---- the API -------------------------------------------------------------------------------

  private required<T extends Located>(entries: T[], region: string, matches: (entry: T) => boolean, what: string): T {
    const found = find(entries, region, matches);
    if (!found) throw new Error(`no simulated ${what} in ${region}`);
    return found;
  }

  private replicationGroups(region: string, id: string): unknown {
    const group = find(this.state.cacheGroups, region, (entry) => entry.id === id);
    if (!group) throw awsErrors.replicationGroupNotFound(id);
    return {
      ReplicationGroups: [{ ReplicationGroupId: group.id, Status: group.status, MultiAZ: group.multiAZ, AutomaticFailover: group.automaticFailover, MemberClusters: [...group.members] }],
    };
  }

  private streamArn(region: string, name: string): string {
    return `arn:aws:kinesis:${region}:${this.accountId}:stream/${name}`;
  }

  private streamSummary(region: string, name: string): unknown {
    const stream = find(this.state.streams, region, (entry) => entry.name === name);
    if (!stream) throw awsErrors.kinesisNotFound(name, this.accountId);
    return {
      StreamDescriptionSummary: {
        StreamName: stream.name,
        StreamARN: this.streamArn(region, stream.name),
        StreamStatus: stream.status,
        RetentionPeriodHours: stream.retentionHours,
        OpenShardCount: stream.openShards,
        StreamCreationTimestamp: new Date(0),
        EnhancedMonitoring: [],
      },
    };
  }

  /** Filters by FunctionName or EventSourceArn, as Lambda does. */
  private eventSourceMappings(region: string, input: Record<string, unknown>): unknown {
    const mappings = this.state.eventSourceMappings.filter(
      (entry) =>
        entry.region === region &&
        (input.FunctionName === undefined || entry.functionName === input.FunctionName) &&
        (input.EventSourceArn === undefined || this.streamArn(region, entry.streamName) === input.EventSourceArn),
    );
    return {
      EventSourceMappings: mappings.map((mapping) => ({
        UUID: mapping.uuid,
        EventSourceArn: this.streamArn(region, mapping.streamName),
        FunctionArn: `arn:aws:lambda:${region}:${this.accountId}:function:${mapping.functionName}`,
        State: mapping.state,
        LastProcessingResult: 'OK',
      })),
    };
  }

  private table(region: string, name: string): unknown {
    const table = find(this.state.tables, region, (entry) => entry.name === name);
    if (!table) throw awsErrors.tableNotFound(name);
    return {
      Table: {
        TableName: table.name,
        TableStatus: table.status,
        ...(table.streamEnabled ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } } : {}),
      },
    };
  }

  private alarms(region: string, input: Record<string, unknown>): unknown {
    const prefix = typeof input.AlarmNamePrefix === 'string' ? input.AlarmNamePrefix : '';
    const matching = this.state.alarms.filter((alarm) => alarm.region === region && alarm.name.startsWith(prefix) && (input.StateValue === undefined || alarm.state === input.StateValue));
    return {
      MetricAlarms: matching.map((alarm) => ({ AlarmName: alarm.name, StateValue: alarm.state, StateReason: alarm.reason, StateUpdatedTimestamp: new Date(alarm.updatedAt) })),
      CompositeAlarms: [],
    };
  }
}
