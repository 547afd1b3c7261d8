import type { RegionTopology, Topology } from '@xyz/topology';

/**
 * Outputs every region stack exports, whatever its role. Replica stacks read the primary's
 * through remote state, and the contract test keeps the two sides in step.
 */
export const REGION_OUTPUTS = {
  region: 'region',
  role: 'database_role',
  dbInstanceIdentifier: 'db_instance_identifier',
  dbInstanceArn: 'db_instance_arn',
  dbAddress: 'db_address',
  dbPort: 'db_port',
  kmsKeyArn: 'kms_key_arn',
  vpcId: 'vpc_id',
  appSecurityGroupId: 'app_security_group_id',
  dbSecurityGroupId: 'db_security_group_id',
  writerEndpointParameter: 'writer_endpoint_parameter',
  cachePrimaryEndpoint: 'cache_primary_endpoint',
  cacheReaderEndpoint: 'cache_reader_endpoint',
  cacheApplicationUser: 'cache_application_user',
  alertTopicArn: 'alert_topic_arn',
  /** Empty outside the pipeline's home region. */
  deviceEventStreamArn: 'device_event_stream_arn',
  deviceEventTableArn: 'device_event_table_arn',
} as const;

/** The outputs a replica stack reads from the primary stack's state. */
export const PRIMARY_OUTPUTS_READ_BY_REPLICAS = [REGION_OUTPUTS.dbInstanceArn, REGION_OUTPUTS.dbAddress] as const;

export function dbInstanceArn(topology: Topology, region: RegionTopology): string {
  return `arn:aws:rds:${region.region}:${topology.accountId}:db:${region.names.dbInstanceIdentifier}`;
}

/**
 * Stand-in values of the primary's outputs for an offline plan, where no state bucket exists.
 * The ARN is the real one (it is derived from the topology); the address is marked as a stand-in.
 */
export function offlinePrimaryOutputs(topology: Topology, primary: RegionTopology): Record<(typeof PRIMARY_OUTPUTS_READ_BY_REPLICAS)[number], string> {
  return {
    [REGION_OUTPUTS.dbInstanceArn]: dbInstanceArn(topology, primary),
    [REGION_OUTPUTS.dbAddress]: `${primary.names.dbInstanceIdentifier}.offline-stand-in.${primary.region}.rds.amazonaws.com`,
  };
}
