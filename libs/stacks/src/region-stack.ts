import { RegionalCache } from '@xyz/cache';
import { CrossRegionReplica, PrimaryDatabase } from '@xyz/database';
import { applyGuardrails } from '@xyz/guardrails';
import { RegionalKey } from '@xyz/encryption';
import { RegionalMonitoring } from '@xyz/monitoring';
import { Network, REDIS_PORT } from '@xyz/network';
import { DeviceEventPipeline, type ProcessorBundle } from '@xyz/stream';
import { databaseInstanceSettings, primaryRegionOf, type RegionTopology, stackTags, type Topology } from '@xyz/topology';
import { TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { PRIMARY_OUTPUTS_READ_BY_REPLICAS, REGION_OUTPUTS } from './region-outputs';
import { addAwsProvider, readStackState, useRemoteState } from '@xyz/stack-base';
import { WriterEndpointParameter } from './writer-endpoint';

export interface RegionStackProps {
  readonly topology: Topology;
  /** The region this stack owns; its role (primary or replica) comes from the topology. */
  readonly region: RegionTopology;
  /**
   * The stream processor's Lambda package (`nx run stream-processor:bundle`). Required in the pipeline's
   * home region (topology.stream.homeRegion); ignored elsewhere.
   */
  readonly processorBundle?: ProcessorBundle;
}

/**
 * Everything the platform runs in one region, in the order of the architecture diagram:
 * key, network, MySQL (primary or cross-region replica), writer endpoint, Redis cache, the
 * device-event pipeline (its home region only), monitoring, outputs.
 */
export class RegionStack extends TerraformStack {
  readonly key: RegionalKey;
  readonly network: Network;
  readonly database: PrimaryDatabase | CrossRegionReplica;
  readonly cache: RegionalCache;
  readonly pipeline?: DeviceEventPipeline;
  readonly monitoring: RegionalMonitoring;

  constructor(scope: Construct, props: RegionStackProps) {
    const { topology, region } = props;
    super(scope, region.stackName);
    applyGuardrails(this);
    addAwsProvider(this, topology, region.region);
    useRemoteState(this, topology, region.stackName);
    const tags = stackTags(region.stackName);

    this.key = new RegionalKey(this, 'key', { accountId: topology.accountId, region: region.region, alias: region.names.kmsAlias, tags });
    this.network = new Network(this, 'network', { region, kmsKey: this.key.key, tags });

    const databaseProps = {
      settings: databaseInstanceSettings(topology, region.region),
      subnetIds: this.network.privateSubnetIds,
      securityGroupId: this.network.securityGroups.database.id,
      kmsKey: this.key.key,
    };
    let writerAddress: string;
    if (region.role === 'primary') {
      const primary = new PrimaryDatabase(this, 'database', { ...databaseProps, masterSecretName: topology.names.masterSecret });
      this.database = primary;
      writerAddress = primary.instance.address;
    } else {
      const primaryState = readStackState(this, 'primary-state', topology, primaryRegionOf(topology).stackName, region.region);
      const [arnOutput, addressOutput] = PRIMARY_OUTPUTS_READ_BY_REPLICAS;
      this.database = new CrossRegionReplica(this, 'database', { ...databaseProps, sourceDbInstanceArn: primaryState.getString(arnOutput) });
      writerAddress = primaryState.getString(addressOutput);
    }
    new WriterEndpointParameter(this, 'writer-endpoint', { name: region.names.writerEndpointParameter, address: writerAddress, tags });

    this.cache = new RegionalCache(this, 'cache', {
      region,
      settings: topology.cache,
      vpcId: this.network.vpc.id,
      subnetIds: this.network.privateSubnetIds,
      clientSecurityGroupIds: [this.network.securityGroups.app.id],
      kmsKey: this.key.key,
      tags,
    });
    this.network.securityGroups.allowAppEgressTo('app-to-cache', this.cache.securityGroup.id, REDIS_PORT, 'Redis to the cache security group');

    if (region.region === topology.stream.homeRegion) {
      if (!props.processorBundle) {
        throw new Error(`${region.stackName} is the device pipeline's home region and needs the processor bundle (npx nx run stream-processor:bundle)`);
      }
      this.pipeline = new DeviceEventPipeline(this, 'device-events', {
        names: topology.names,
        settings: topology.stream,
        kmsKey: this.key.key,
        processorBundle: props.processorBundle,
        tags,
      });
    }

    this.monitoring = new RegionalMonitoring(this, 'monitoring', {
      region,
      thresholds: topology.alarms,
      kmsKey: this.key.key,
      database: { instanceIdentifier: region.names.dbInstanceIdentifier, role: region.role },
      cache: { replicationGroupId: region.names.cacheReplicationGroup, memberClusterIds: this.cache.memberClusterIds },
      stream: this.pipeline
        ? {
            streamName: topology.names.deviceEventStream,
            functionName: topology.names.streamProcessorFunction,
            deadLetterQueueName: topology.names.streamDeadLetterQueue,
            tableName: topology.names.deviceEventTable,
          }
        : undefined,
      alertEmail: topology.alertEmail,
      tags,
    });

    this.exportOutputs(region);
  }

  private exportOutputs(region: RegionTopology): void {
    const instance = this.database.instance;
    const outputs: Record<string, string | number> = {
      [REGION_OUTPUTS.region]: region.region,
      [REGION_OUTPUTS.role]: region.role,
      [REGION_OUTPUTS.dbInstanceIdentifier]: instance.identifier,
      [REGION_OUTPUTS.dbInstanceArn]: instance.arn,
      [REGION_OUTPUTS.dbAddress]: instance.address,
      [REGION_OUTPUTS.dbPort]: instance.port,
      [REGION_OUTPUTS.kmsKeyArn]: this.key.key.arn,
      [REGION_OUTPUTS.vpcId]: this.network.vpc.id,
      [REGION_OUTPUTS.appSecurityGroupId]: this.network.securityGroups.app.id,
      [REGION_OUTPUTS.dbSecurityGroupId]: this.network.securityGroups.database.id,
      [REGION_OUTPUTS.writerEndpointParameter]: region.names.writerEndpointParameter,
      [REGION_OUTPUTS.cachePrimaryEndpoint]: this.cache.primaryEndpointAddress,
      [REGION_OUTPUTS.cacheReaderEndpoint]: this.cache.readerEndpointAddress,
      [REGION_OUTPUTS.cacheApplicationUser]: this.cache.applicationUserName,
      [REGION_OUTPUTS.alertTopicArn]: this.monitoring.alertTopic.arn,
      [REGION_OUTPUTS.deviceEventStreamArn]: this.pipeline?.stream.arn ?? '',
      [REGION_OUTPUTS.deviceEventTableArn]: this.pipeline?.table.arn ?? '',
    };
    for (const [name, value] of Object.entries(outputs)) {
      new TerraformOutput(this, name, { value, staticId: true });
    }
  }
}
