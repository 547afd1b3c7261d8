import { type AwsRegion, regionShortCode } from './aws-regions';

/** Every physical name the platform uses in one region. Names do not depend on the role, so a
 * promoted replica keeps its identifier and Terraform updates it in place. */
export interface RegionResourceNames {
  readonly prefix: string;
  readonly vpc: string;
  readonly kmsAlias: string;
  readonly dbInstanceIdentifier: string;
  readonly dbParameterGroup: string;
  readonly dbSubnetGroup: string;
  readonly dbSecurityGroup: string;
  readonly appSecurityGroup: string;
  readonly monitoringRole: string;
  readonly cacheReplicationGroup: string;
  readonly cacheSubnetGroup: string;
  readonly cacheSecurityGroup: string;
  readonly cacheParameterGroup: string;
  readonly alertTopic: string;
  readonly dashboard: string;
  readonly writerEndpointParameter: string;
}

/** Names of the resources that exist once per environment (in the primary region). */
export interface GlobalResourceNames {
  readonly masterSecret: string;
  readonly deviceEventStream: string;
  readonly deviceEventTable: string;
  readonly streamProcessorFunction: string;
  readonly streamDeadLetterQueue: string;
}

export function regionResourceNames(project: string, envShort: string, region: AwsRegion): RegionResourceNames {
  const prefix = `${project}-${envShort}`;
  const suffix = regionShortCode(region);
  const name = (component: string) => `${prefix}-${component}-${suffix}`;
  return {
    prefix,
    vpc: name('vpc'),
    kmsAlias: `alias/${name('data')}`,
    dbInstanceIdentifier: name('mysql'),
    dbParameterGroup: name('mysql80'),
    dbSubnetGroup: name('db'),
    dbSecurityGroup: name('db'),
    appSecurityGroup: name('app'),
    monitoringRole: name('rds-monitoring'),
    cacheReplicationGroup: name('redis'),
    cacheSubnetGroup: name('redis'),
    cacheSecurityGroup: name('redis'),
    cacheParameterGroup: name('redis7'),
    alertTopic: name('alerts'),
    dashboard: name('ops'),
    writerEndpointParameter: `/${project}/${envShort}/mysql/writer-endpoint`,
  };
}

export function globalResourceNames(project: string, envShort: string): GlobalResourceNames {
  const prefix = `${project}-${envShort}`;
  return {
    masterSecret: `${prefix}/mysql/master`,
    deviceEventStream: `${prefix}-device-events`,
    deviceEventTable: `${prefix}-device-events`,
    streamProcessorFunction: `${prefix}-device-event-processor`,
    streamDeadLetterQueue: `${prefix}-device-event-dlq`,
  };
}

/**
 * The names of one region's state store. S3 bucket names are global, so they carry the account;
 * KMS aliases are regional, so the key's alias is the bucket prefix. (Not the single-bucket
 * layout's alias/<project>-<env>-terraform-state: that key stays in us-east-1 with the old bucket
 * until a migrated deployment retires both, and the new store's alias must not collide with it.)
 */
export function stateStoreNames(bucketPrefix: string, accountId: string, region: AwsRegion) {
  const code = regionShortCode(region);
  const kmsAlias = `alias/${bucketPrefix}`;
  return {
    bucket: `${bucketPrefix}-${code}-${accountId}`,
    logBucket: `${bucketPrefix}-logs-${code}-${accountId}`,
    kmsAlias,
    kmsAliasArn: `arn:aws:kms:${region}:${accountId}:${kmsAlias}`,
  };
}
