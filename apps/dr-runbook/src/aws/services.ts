import type { Clock } from '../core/clock';
import type { AwsClients } from './clients';
import type { AwsGateway } from './gateway';
import { RdsApi } from './rds';
import { ReplicaLagReader } from './replica-lag';
import { WriterEndpointParameters } from './writer-endpoint';

/** The AWS services a command talks to, sharing one gateway and one client cache. */
export interface AwsServices {
  readonly rds: RdsApi;
  readonly lag: ReplicaLagReader;
  readonly endpoints: WriterEndpointParameters;
}

export function awsServices(gateway: AwsGateway, clients: AwsClients, clock: Clock): AwsServices {
  return {
    rds: new RdsApi(gateway, clients),
    lag: new ReplicaLagReader(gateway, clients, clock),
    endpoints: new WriterEndpointParameters(gateway, clients),
  };
}
