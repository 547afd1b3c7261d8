/** A region's Redis replication group, as DescribeReplicationGroups reports it. */
export interface SimCacheGroup {
  region: string;
  id: string;
  status: string;
  multiAZ: 'enabled' | 'disabled';
  automaticFailover: 'enabled' | 'disabled' | 'enabling' | 'disabling';
  members: string[];
}

export interface SimStream {
  region: string;
  name: string;
  status: string;
  openShards: number;
  retentionHours: number;
}

/** Lambda's mapping from a Kinesis stream (by name, in the same region) to a function. */
export interface SimEventSourceMapping {
  region: string;
  uuid: string;
  functionName: string;
  streamName: string;
  state: string;
}

export interface SimTable {
  region: string;
  name: string;
  status: string;
  streamEnabled: boolean;
}

export interface SimAlarm {
  region: string;
  name: string;
  state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  reason: string;
  /** Epoch ms of the last state change. */
  updatedAt: number;
}

/** The platform's other services: cache, the device event pipeline and the CloudWatch alarms. */
export interface SimServicesState {
  cacheGroups: SimCacheGroup[];
  streams: SimStream[];
  eventSourceMappings: SimEventSourceMapping[];
  tables: SimTable[];
  alarms: SimAlarm[];
}
