import type { Clock } from '../core/clock';
import { Alarms } from './alarms';
import { CacheReplicationGroups } from './cache-groups';
import type { AwsClients } from './clients';
import { DeviceStreams } from './device-stream';
import { EventSourceMappings } from './event-source-mappings';
import type { AwsGateway } from './gateway';
import { RdsApi } from './rds';
import { ReplicaLagReader } from './replica-lag';
import { Tables } from './tables';
import { WriterEndpointParameters } from './writer-endpoint';

/** The AWS services a command talks to, sharing one gateway and one client cache. */
export interface AwsServices {
  readonly rds: RdsApi;
  readonly lag: ReplicaLagReader;
  readonly endpoints: WriterEndpointParameters;
  readonly cacheGroups: CacheReplicationGroups;
  readonly streams: DeviceStreams;
  readonly eventSources: EventSourceMappings;
  readonly tables: Tables;
  readonly alarms: Alarms;
}

export function awsServices(gateway: AwsGateway, clients: AwsClients, clock: Clock): AwsServices {
  return {
    rds: new RdsApi(gateway, clients),
    lag: new ReplicaLagReader(gateway, clients, clock),
    endpoints: new WriterEndpointParameters(gateway, clients),
    cacheGroups: new CacheReplicationGroups(gateway, clients),
    streams: new DeviceStreams(gateway, clients),
    eventSources: new EventSourceMappings(gateway, clients),
    tables: new Tables(gateway, clients),
    alarms: new Alarms(gateway, clients),
  };
}
