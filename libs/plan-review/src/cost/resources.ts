import { block, bool, field, num, text } from '../plan/values';
import type { CostLine, PricingOutcome } from './model';
import { ELASTICACHE_NODE_HOUR, HOURS_PER_MONTH, PRICED_REGIONS, PRICES, type Price, RDS_EXTENDED_SUPPORT, RDS_INSTANCE_VCPUS, RDS_MYSQL_INSTANCE_HOUR, RDS_STORAGE_GB_MONTH } from './prices';
import type { UsageAssumptions } from './usage';

/** What the pricing of one resource can see. */
export interface PricingInput {
  readonly type: string;
  /** Attribute values (a plan's before or after object). */
  readonly values: unknown;
  /** Attributes known only after apply (a plan's after_unknown), if any. */
  readonly unknown: unknown;
  readonly region: string;
  readonly usage: UsageAssumptions;
  /** Storage of a replica whose size the plan leaves to its source (the topology's allocatedStorageGb). */
  readonly replicaStorageGb?: number;
  /** Engine version of a replica whose plan leaves it to its source (the topology's engineVersion). */
  readonly replicaEngineVersion?: string;
}

const million = (n: number) => n / 1_000_000;
const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
const fmt = (n: number) => n.toLocaleString('en-US');

function hours(label: string, price: Price, count = 1): CostLine {
  return { label, usd: price.usd * HOURS_PER_MONTH * count, prices: [price], ...(count !== 1 ? { multiplier: count } : {}) };
}

/** Types that cost nothing by themselves (their traffic, if any, is billed on other items). */
const FREE_TYPES = new Set([
  'aws_vpc', 'aws_subnet', 'aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule', 'aws_route_table', 'aws_route_table_association', 'aws_route', 'aws_network_acl',
  'aws_network_acl_rule', 'aws_network_acl_association', 'aws_default_security_group', 'aws_default_network_acl',
  'aws_default_route_table', 'aws_db_subnet_group', 'aws_db_parameter_group', 'aws_elasticache_subnet_group',
  'aws_elasticache_parameter_group', 'aws_iam_role', 'aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_role_policy_attachment',
  'aws_kms_alias', 'aws_kms_key_policy', 'aws_sns_topic', 'aws_sns_topic_policy', 'aws_sns_topic_subscription', 'aws_sqs_queue',
  'aws_sqs_queue_policy', 'aws_sqs_queue_redrive_policy', 'aws_lambda_event_source_mapping', 'aws_lambda_permission',
  'aws_cloudwatch_log_group', 'aws_ssm_parameter', 'aws_secretsmanager_secret_version', 'aws_secretsmanager_secret_policy',
  'aws_s3_bucket_versioning', 'aws_s3_bucket_server_side_encryption_configuration', 'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_policy', 'aws_s3_bucket_ownership_controls', 'aws_s3_bucket_lifecycle_configuration', 'aws_flow_log',
  'aws_db_instance_automated_backups_replication', 'aws_resourcegroups_group', 'aws_elasticache_user', 'aws_elasticache_user_group',
  'aws_s3_bucket_logging', 'aws_cloudwatch_event_rule', 'aws_cloudwatch_event_target', 'terraform_data', 'aws_internet_gateway',
  'aws_internet_gateway_attachment', 'aws_iam_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment',
  'aws_s3_bucket_replication_configuration',
]);

/** RDS Extended Support of a major version past RDS standard support (MySQL 8.0 since 2026-08-01). */
function extendedSupport(values: unknown, instanceClass: string, multiAz: boolean, engineVersion: string | undefined): { line?: CostLine; notPriced?: string } {
  if (!engineVersion) return { notPriced: 'RDS Extended Support: the engine version is not in the plan (a replica has its source’s)' };
  const major = engineVersion.split('.').slice(0, 2).join('.');
  const support = RDS_EXTENDED_SUPPORT[major];
  // With Extended Support disabled, RDS upgrades the instance instead of charging for it.
  if (!support || text(values, 'engine_lifecycle_support') === 'open-source-rds-extended-support-disabled') return {};
  const vcpus = RDS_INSTANCE_VCPUS[instanceClass];
  if (!vcpus) return { notPriced: `RDS Extended Support for MySQL ${major}: the vCPUs of ${instanceClass} are not in the price table` };
  const billed = vcpus * (multiAz ? 2 : 1);
  return {
    line: {
      label: `MySQL ${major} Extended Support (standard support ended ${support.standardSupportEnded}), ${vcpus} vCPUs${multiAz ? ', primary and standby' : ''}`,
      usd: support.vcpuHour.usd * billed * HOURS_PER_MONTH,
      prices: [support.vcpuHour],
      multiplier: billed,
      category: 'extended-support',
    },
  };
}

function rdsInstance({ values, unknown, region, usage, replicaStorageGb, replicaEngineVersion }: PricingInput): PricingOutcome {
  const instanceClass = text(values, 'instance_class');
  const engine = text(values, 'engine');
  const hourPrice = instanceClass ? RDS_MYSQL_INSTANCE_HOUR[instanceClass] : undefined;
  if (engine && engine !== 'mysql') return { kind: 'unpriced', why: `engine ${engine} is not in the price table (MySQL only)` };
  if (!instanceClass || !hourPrice) return { kind: 'unpriced', why: `instance class ${instanceClass ?? '(unknown)'} is not in the price table` };
  const multiAz = bool(values, 'multi_az') === true;
  const azFactor = multiAz ? 2 : 1;
  const source = text(values, 'replicate_source_db');
  const isReplica = source !== undefined || field(unknown, 'replicate_source_db') === true;
  const instance: CostLine = { label: `${instanceClass}${multiAz ? ' Multi-AZ instance, primary and standby' : ' instance'}`, usd: hourPrice.usd * azFactor * HOURS_PER_MONTH, prices: [hourPrice] };
  const lines: CostLine[] = [multiAz ? { ...instance, multiplier: azFactor } : instance];
  const storageType = text(values, 'storage_type') ?? 'gp2';
  const inherited = isReplica && num(values, 'allocated_storage') === undefined;
  const storageGb = inherited ? replicaStorageGb : num(values, 'allocated_storage');
  const storagePrice = RDS_STORAGE_GB_MONTH[storageType];
  if (storageGb !== undefined && storagePrice) {
    const label = `${storageGb} GB ${storageType} storage${multiAz ? ' (Multi-AZ: primary and standby)' : ''}${inherited ? ', the source’s size' : ''}`;
    lines.push({ label, usd: storagePrice.usd * storageGb * azFactor, prices: [storagePrice], ...(multiAz ? { multiplier: azFactor } : {}) });
  }
  const sourceRegion = source?.startsWith('arn:') ? source.split(':')[3] : undefined;
  if (isReplica && sourceRegion !== region) {
    const gb = usage.replicationGbPerReplicaPerMonth;
    lines.push({
      label: 'cross-region replication transfer',
      usd: gb * PRICES.interRegionTransfer.usd,
      prices: [PRICES.interRegionTransfer],
      assumption: `${fmt(gb)} GB/month of binary log shipped from the source region${sourceRegion ? '' : ' (source region not in the plan; assumed to be another region)'}`,
    });
  }
  const notPriced = storageGb === undefined ? [`storage: its size is not in the plan${isReplica ? ' (a replica inherits it from its source)' : ''}`] : [];
  const engineVersion = text(values, 'engine_version') ?? (isReplica ? replicaEngineVersion : undefined);
  const support = extendedSupport(values, instanceClass, multiAz, engineVersion);
  if (support.line) lines.push(support.line);
  if (support.notPriced) notPriced.push(support.notPriced);
  return { kind: 'priced', category: isReplica ? 'replica' : 'database', description: `RDS MySQL ${isReplica ? 'read replica' : 'instance'}`, lines, notPriced };
}

function cacheReplicationGroup({ values }: PricingInput): PricingOutcome {
  const nodeType = text(values, 'node_type');
  const price = nodeType ? ELASTICACHE_NODE_HOUR[nodeType] : undefined;
  if (!price) return { kind: 'unpriced', why: `node type ${nodeType ?? '(unknown)'} is not in the price table` };
  const shards = num(values, 'num_node_groups');
  const replicas = num(values, 'replicas_per_node_group');
  const nodes = num(values, 'num_cache_clusters') ?? (shards !== undefined ? shards * ((replicas ?? 0) + 1) : 1);
  return { kind: 'priced', category: 'cache', description: 'ElastiCache Redis replication group', lines: [hours(plural(nodes, `${nodeType} node`), price, nodes)] };
}

function kinesisStream({ values, usage }: PricingInput): PricingOutcome {
  const mode = text(block(values, 'stream_mode_details'), 'stream_mode') ?? 'PROVISIONED';
  const put: CostLine = {
    label: 'PUT payload units',
    usd: million(usage.deviceEventsPerMonth) * PRICES.kinesisPutPayloadUnits.usd,
    prices: [PRICES.kinesisPutPayloadUnits],
    assumption: `${fmt(usage.deviceEventsPerMonth)} records/month, each under 25 KB`,
  };
  if (mode === 'ON_DEMAND') {
    return { kind: 'priced', category: 'stream', description: 'Kinesis stream, on-demand (per-GB charges not priced)', lines: [hours('stream hours (on-demand)', PRICES.kinesisOnDemandStreamHour)] };
  }
  const shards = num(values, 'shard_count') ?? 1;
  return { kind: 'priced', category: 'stream', description: 'Kinesis stream, provisioned', lines: [hours(plural(shards, 'shard'), PRICES.kinesisShardHour, shards), put] };
}

function dynamodbTable({ values, usage }: PricingInput): PricingOutcome {
  const lines: CostLine[] = [];
  const storageAssumption = `${fmt(usage.dynamodbStorageGb)} GB of items`;
  if ((text(values, 'billing_mode') ?? 'PROVISIONED') === 'PAY_PER_REQUEST') {
    lines.push(
      { label: 'on-demand writes', usd: million(usage.dynamodbWritesPerMonth) * PRICES.dynamodbWriteRequestUnits.usd, prices: [PRICES.dynamodbWriteRequestUnits], assumption: `${fmt(usage.dynamodbWritesPerMonth)} writes/month of items up to 1 KB` },
      { label: 'on-demand reads', usd: million(usage.dynamodbReadsPerMonth) * PRICES.dynamodbReadRequestUnits.usd, prices: [PRICES.dynamodbReadRequestUnits], assumption: `${fmt(usage.dynamodbReadsPerMonth)} strongly consistent reads/month of items up to 4 KB` },
    );
  } else {
    const wcu = num(values, 'write_capacity') ?? 0;
    const rcu = num(values, 'read_capacity') ?? 0;
    lines.push(hours(`${wcu} provisioned WCU`, PRICES.dynamodbWriteCapacityUnitHour, wcu), hours(`${rcu} provisioned RCU`, PRICES.dynamodbReadCapacityUnitHour, rcu));
  }
  lines.push({ label: 'storage', usd: usage.dynamodbStorageGb * PRICES.dynamodbStorage.usd, prices: [PRICES.dynamodbStorage], assumption: storageAssumption });
  if (bool(block(values, 'point_in_time_recovery'), 'enabled')) {
    lines.push({ label: 'point-in-time recovery', usd: usage.dynamodbStorageGb * PRICES.dynamodbPointInTimeRecovery.usd, prices: [PRICES.dynamodbPointInTimeRecovery], assumption: storageAssumption });
  }
  return { kind: 'priced', category: 'table', description: 'DynamoDB table (stream reads by Lambda are free)', lines };
}

function lambdaFunction({ values, usage }: PricingInput): PricingOutcome {
  const invocations = usage.deviceEventsPerMonth / usage.lambdaBatchSize;
  const memoryGb = (num(values, 'memory_size') ?? 128) / 1024;
  const gbSeconds = invocations * (usage.lambdaBatchDurationMs / 1000) * memoryGb;
  const assumption = `${fmt(invocations)} invocations/month (${fmt(usage.deviceEventsPerMonth)} events in batches of ${usage.lambdaBatchSize}), ${usage.lambdaBatchDurationMs} ms each`;
  return {
    kind: 'priced',
    category: 'other',
    description: 'Lambda function (free tier not deducted)',
    lines: [
      { label: 'requests', usd: million(invocations) * PRICES.lambdaRequests.usd, prices: [PRICES.lambdaRequests], assumption },
      { label: `duration at ${memoryGb * 1024} MB`, usd: gbSeconds * PRICES.lambdaDurationX86.usd, prices: [PRICES.lambdaDurationX86], assumption },
    ],
  };
}

function fixedMonthly(description: string, label: string, price: Price): PricingOutcome {
  return { kind: 'priced', category: 'other', description, lines: [{ label, usd: price.usd, prices: [price] }] };
}

function vpcEndpoint({ values }: PricingInput): PricingOutcome {
  if (text(values, 'vpc_endpoint_type') !== 'Interface') return { kind: 'free' };
  const subnets = field(values, 'subnet_ids');
  const zones = Array.isArray(subnets) && subnets.length > 0 ? subnets.length : 1;
  return { kind: 'priced', category: 'other', description: 'interface VPC endpoint', lines: [hours(`endpoint hours in ${plural(zones, 'AZ')}`, PRICES.interfaceEndpointHourPerAz, zones)] };
}

const PRICERS: Readonly<Record<string, (input: PricingInput) => PricingOutcome>> = {
  aws_db_instance: rdsInstance,
  aws_elasticache_replication_group: cacheReplicationGroup,
  aws_kinesis_stream: kinesisStream,
  aws_dynamodb_table: dynamodbTable,
  aws_lambda_function: lambdaFunction,
  aws_kms_key: () => fixedMonthly('KMS customer managed key', 'key', PRICES.kmsCustomerManagedKey),
  aws_kms_replica_key: () => fixedMonthly('KMS replica key', 'key', PRICES.kmsCustomerManagedKey),
  aws_secretsmanager_secret: () => fixedMonthly('Secrets Manager secret', 'secret', PRICES.secretsManagerSecret),
  aws_cloudwatch_metric_alarm: () => fixedMonthly('CloudWatch alarm', 'standard-resolution alarm', PRICES.cloudwatchStandardAlarm),
  aws_cloudwatch_dashboard: () => fixedMonthly('CloudWatch dashboard', 'dashboard', PRICES.cloudwatchDashboard),
  aws_nat_gateway: () => ({ kind: 'priced', category: 'other', description: 'NAT gateway (per-GB processing not priced)', lines: [hours('gateway hours', PRICES.natGatewayHour)] }),
  aws_vpc_endpoint: vpcEndpoint,
  aws_s3_bucket: ({ usage }) => ({
    kind: 'priced',
    category: 'other',
    description: 'S3 bucket',
    lines: [{ label: 'standard storage', usd: usage.stateBucketGb * PRICES.s3StandardStorage.usd, prices: [PRICES.s3StandardStorage], assumption: `${fmt(usage.stateBucketGb)} GB stored (state files and their versions)` }],
  }),
};

/** Prices one resource from its attribute values. */
export function priceResource(input: PricingInput): PricingOutcome {
  if (FREE_TYPES.has(input.type)) return { kind: 'free' };
  const pricer = PRICERS[input.type];
  if (!pricer) return { kind: 'unpriced', why: `${input.type} is not in the price table` };
  if (!PRICED_REGIONS.includes(input.region)) return { kind: 'unpriced', why: `region ${input.region || '(unknown)'} is not in the price table` };
  return pricer(input);
}
