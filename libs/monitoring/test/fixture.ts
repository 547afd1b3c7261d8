import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { loadTopology, regionForStack } from '@xyz/topology';
import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { RegionalMonitoring, type RegionalMonitoringProps } from '../src';

export const topology = loadTopology('production');
export const primaryRegion = regionForStack(topology, 'primary-east');
export const replicaRegion = regionForStack(topology, 'replica-west');

export const pipeline = {
  streamName: topology.names.deviceEventStream,
  functionName: topology.names.streamProcessorFunction,
  deadLetterQueueName: topology.names.streamDeadLetterQueue,
  tableName: topology.names.deviceEventTable,
};

export type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** Props as a region stack passes them; primary regions get the stream tier. */
export function monitoringProps(scope: Construct, role: 'primary' | 'replica', overrides: Partial<RegionalMonitoringProps> = {}): RegionalMonitoringProps {
  const region = role === 'primary' ? primaryRegion : replicaRegion;
  const groupId = region.names.cacheReplicationGroup;
  return {
    region,
    thresholds: topology.alarms,
    kmsKey: new KmsKey(scope, 'key', { description: 'test key' }),
    database: { instanceIdentifier: region.names.dbInstanceIdentifier, role },
    cache: { replicationGroupId: groupId, memberClusterIds: [`${groupId}-001`, `${groupId}-002`] },
    stream: role === 'primary' ? pipeline : undefined,
    ...overrides,
  };
}

export function synthMonitoring(role: 'primary' | 'replica', overrides: Partial<RegionalMonitoringProps> = {}) {
  let monitoring: RegionalMonitoring | undefined;
  const synth = Testing.synthScope((scope) => {
    monitoring = new RegionalMonitoring(scope, 'monitoring', monitoringProps(scope, role, overrides));
  });
  const resources = (JSON.parse(synth) as { resource: Resources }).resource;
  return { synth, resources, monitoring: monitoring as RegionalMonitoring };
}

export function only(resources: Resources, type: string): [string, Record<string, unknown>] {
  const entries = Object.entries(resources[type] ?? {});
  if (entries.length !== 1) throw new Error(`expected one ${type}, found ${entries.length}`);
  return entries[0];
}
