import { CloudWatchClient, DescribeAlarmsCommand, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeReplicationGroupsCommand, ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { DescribeStreamSummaryCommand, KinesisClient } from '@aws-sdk/client-kinesis';
import { LambdaClient, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import {
  CreateDBInstanceReadReplicaCommand,
  DescribeDBInstanceAutomatedBackupsCommand,
  DescribeDBInstancesCommand,
  DescribeDBParametersCommand,
  ModifyDBInstanceCommand,
  ModifyDBParameterGroupCommand,
  PromoteReadReplicaCommand,
  RDSClient,
  RebootDBInstanceCommand,
  ResetDBParameterGroupCommand,
  RestoreDBInstanceToPointInTimeCommand,
} from '@aws-sdk/client-rds';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import type { SimService, SimulatedAws } from './sim/simulated-aws';

interface ClientWithRegion {
  config: { region: unknown };
}

async function regionOf(client: unknown): Promise<string> {
  const region = (client as ClientWithRegion).config.region;
  return String(typeof region === 'function' ? await (region as () => Promise<string>)() : region);
}

export interface InstalledSimulation {
  readonly rds: AwsClientStub<RDSClient>;
  readonly ssm: AwsClientStub<SSMClient>;
  readonly cloudWatch: AwsClientStub<CloudWatchClient>;
  readonly elastiCache: AwsClientStub<ElastiCacheClient>;
  readonly kinesis: AwsClientStub<KinesisClient>;
  readonly lambda: AwsClientStub<LambdaClient>;
  readonly dynamoDb: AwsClientStub<DynamoDBClient>;
  /** Gives every client its real `send` back. */
  restore(): void;
}

/**
 * Replaces `send` of every RDS, SSM, CloudWatch, ElastiCache, Kinesis, Lambda and DynamoDB client (aws-sdk-client-mock) with a call into
 * the simulation, routed by the client's region. Any command the simulation does not know fails.
 */
export function installSimulation(sim: SimulatedAws): InstalledSimulation {
  const rds = mockClient(RDSClient);
  const ssm = mockClient(SSMClient);
  const cloudWatch = mockClient(CloudWatchClient);
  const elastiCache = mockClient(ElastiCacheClient);
  const kinesis = mockClient(KinesisClient);
  const lambda = mockClient(LambdaClient);
  const dynamoDb = mockClient(DynamoDBClient);
  const route =
    (service: SimService, operation: string) =>
    async (input: Record<string, unknown>, getClient: () => unknown): Promise<unknown> =>
      sim.handle(service, await regionOf(getClient()), operation, input);
  // One call per client: the stubs' generic signatures cannot be called through their union type.
  const unrouted = () => new Error('the simulation does not route this command');
  rds.onAnyCommand().rejects(unrouted());
  ssm.onAnyCommand().rejects(unrouted());
  cloudWatch.onAnyCommand().rejects(unrouted());
  elastiCache.onAnyCommand().rejects(unrouted());
  kinesis.onAnyCommand().rejects(unrouted());
  lambda.onAnyCommand().rejects(unrouted());
  dynamoDb.onAnyCommand().rejects(unrouted());
  rds.on(DescribeDBInstancesCommand).callsFake(route('rds', 'DescribeDBInstances'));
  rds.on(PromoteReadReplicaCommand).callsFake(route('rds', 'PromoteReadReplica'));
  rds.on(ModifyDBInstanceCommand).callsFake(route('rds', 'ModifyDBInstance'));
  rds.on(RebootDBInstanceCommand).callsFake(route('rds', 'RebootDBInstance'));
  rds.on(CreateDBInstanceReadReplicaCommand).callsFake(route('rds', 'CreateDBInstanceReadReplica'));
  rds.on(RestoreDBInstanceToPointInTimeCommand).callsFake(route('rds', 'RestoreDBInstanceToPointInTime'));
  rds.on(ModifyDBParameterGroupCommand).callsFake(route('rds', 'ModifyDBParameterGroup'));
  rds.on(ResetDBParameterGroupCommand).callsFake(route('rds', 'ResetDBParameterGroup'));
  rds.on(DescribeDBParametersCommand).callsFake(route('rds', 'DescribeDBParameters'));
  rds.on(DescribeDBInstanceAutomatedBackupsCommand).callsFake(route('rds', 'DescribeDBInstanceAutomatedBackups'));
  ssm.on(GetParameterCommand).callsFake(route('ssm', 'GetParameter'));
  ssm.on(PutParameterCommand).callsFake(route('ssm', 'PutParameter'));
  cloudWatch.on(GetMetricDataCommand).callsFake(route('cloudwatch', 'GetMetricData'));
  cloudWatch.on(DescribeAlarmsCommand).callsFake(route('cloudwatch', 'DescribeAlarms'));
  elastiCache.on(DescribeReplicationGroupsCommand).callsFake(route('elasticache', 'DescribeReplicationGroups'));
  kinesis.on(DescribeStreamSummaryCommand).callsFake(route('kinesis', 'DescribeStreamSummary'));
  lambda.on(ListEventSourceMappingsCommand).callsFake(route('lambda', 'ListEventSourceMappings'));
  dynamoDb.on(DescribeTableCommand).callsFake(route('dynamodb', 'DescribeTable'));
  return {
    rds,
    ssm,
    cloudWatch,
    elastiCache,
    kinesis,
    lambda,
    dynamoDb,
    restore(): void {
      [rds, ssm, cloudWatch, elastiCache, kinesis, lambda, dynamoDb].forEach((stub) => stub.restore());
    },
  };
}
