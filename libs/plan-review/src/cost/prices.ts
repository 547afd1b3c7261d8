/**
 * The price table behind the cost estimate: AWS on-demand list prices in USD.
 *
 * These are the published prices for us-east-1, us-west-2 and us-east-2 (the three regions are
 * priced the same for every item below) as of the date on each entry. They were written down from
 * the AWS price pages listed in `source`; this repository's machines have no internet access, so
 * they are NOT fetched or re-checked automatically. Check them against the source page when you
 * change one, and update its `asOf`.
 */
export interface Price {
  readonly usd: number;
  readonly unit: 'hour' | 'vCPU-hour' | 'GB-month' | 'month' | 'million requests' | 'GB' | 'GB-second';
  readonly source: string;
  readonly asOf: string;
  /** What a reviewer should know about where the figure comes from, shown beside the estimate. */
  readonly note?: string;
}

export const PRICED_REGIONS: readonly string[] = ['us-east-1', 'us-west-2', 'us-east-2'];

/** AWS bills instance hours; 730 is its own monthly convention (8,760 h / 12). */
export const HOURS_PER_MONTH = 730;

const RDS = 'https://aws.amazon.com/rds/mysql/pricing/';
const ELASTICACHE = 'https://aws.amazon.com/elasticache/pricing/';
const KINESIS = 'https://aws.amazon.com/kinesis/data-streams/pricing/';
const DYNAMODB_ON_DEMAND = 'https://aws.amazon.com/dynamodb/pricing/on-demand/';
const DYNAMODB_PROVISIONED = 'https://aws.amazon.com/dynamodb/pricing/provisioned/';
const AS_OF = '2025-01-15';

const hourly = (usd: number, source: string): Price => ({ usd, unit: 'hour', source, asOf: AS_OF });

/** RDS for MySQL, Single-AZ, per instance hour. Multi-AZ (one standby) is billed at twice the rate. */
export const RDS_MYSQL_INSTANCE_HOUR: Readonly<Record<string, Price>> = {
  'db.t3.micro': hourly(0.017, RDS),
  'db.t3.small': hourly(0.034, RDS),
  'db.t3.medium': hourly(0.068, RDS),
  'db.t3.large': hourly(0.136, RDS),
  'db.t4g.micro': hourly(0.016, RDS),
  'db.t4g.small': hourly(0.032, RDS),
  'db.t4g.medium': hourly(0.065, RDS),
  'db.t4g.large': hourly(0.129, RDS),
};

/** vCPUs of each instance class above (RDS Extended Support is billed per vCPU). */
export const RDS_INSTANCE_VCPUS: Readonly<Record<string, number>> = {
  'db.t3.micro': 2,
  'db.t3.small': 2,
  'db.t3.medium': 2,
  'db.t3.large': 2,
  'db.t4g.micro': 2,
  'db.t4g.small': 2,
  'db.t4g.medium': 2,
  'db.t4g.large': 2,
};

/**
 * RDS Extended Support: billed per vCPU-hour on top of the instance for a major version past the
 * end of RDS standard support (Multi-AZ bills the standby's vCPUs too). MySQL 8.0 left standard
 * support on 2026-07-31; years 1 and 2 of Extended Support run to 2028-07-31, and year 3 costs more.
 */
export const RDS_EXTENDED_SUPPORT: Readonly<Record<string, { readonly standardSupportEnded: string; readonly vcpuHour: Price }>> = {
  '8.0': {
    standardSupportEnded: '2026-07-31',
    vcpuHour: {
      usd: 0.1,
      unit: 'vCPU-hour',
      source: RDS,
      asOf: '2026-11-27',
      note:
        'RDS Extended Support, year 1–2 list price for US East (N. Virginia), applied here to all three regions like the other prices; a Multi-AZ instance is billed for its standby’s vCPUs too. ' +
        'Recorded on 2026-11-27 without access to the AWS page (from the published rate as quoted by several cost guides); check it at the source before relying on it.',
    },
  },
};

/** RDS storage, Single-AZ, per GB-month; Multi-AZ doubles it. */
export const RDS_STORAGE_GB_MONTH: Readonly<Record<string, Price>> = {
  gp2: { usd: 0.115, unit: 'GB-month', source: RDS, asOf: AS_OF },
  gp3: { usd: 0.115, unit: 'GB-month', source: RDS, asOf: AS_OF },
};

/** ElastiCache for Redis OSS, on-demand, per node hour. */
export const ELASTICACHE_NODE_HOUR: Readonly<Record<string, Price>> = {
  'cache.t3.micro': hourly(0.017, ELASTICACHE),
  'cache.t3.small': hourly(0.034, ELASTICACHE),
  'cache.t3.medium': hourly(0.068, ELASTICACHE),
  'cache.t4g.micro': hourly(0.016, ELASTICACHE),
  'cache.t4g.small': hourly(0.032, ELASTICACHE),
  'cache.t4g.medium': hourly(0.065, ELASTICACHE),
};

export const PRICES = {
  kinesisShardHour: hourly(0.015, KINESIS),
  kinesisOnDemandStreamHour: hourly(0.04, KINESIS),
  kinesisPutPayloadUnits: { usd: 0.014, unit: 'million requests', source: KINESIS, asOf: AS_OF },
  /** On-demand request prices after AWS halved them on 2024-11-01. */
  dynamodbWriteRequestUnits: { usd: 0.625, unit: 'million requests', source: DYNAMODB_ON_DEMAND, asOf: AS_OF },
  dynamodbReadRequestUnits: { usd: 0.125, unit: 'million requests', source: DYNAMODB_ON_DEMAND, asOf: AS_OF },
  dynamodbStorage: { usd: 0.25, unit: 'GB-month', source: DYNAMODB_ON_DEMAND, asOf: AS_OF },
  dynamodbPointInTimeRecovery: { usd: 0.2, unit: 'GB-month', source: DYNAMODB_ON_DEMAND, asOf: AS_OF },
  dynamodbWriteCapacityUnitHour: hourly(0.00065, DYNAMODB_PROVISIONED),
  dynamodbReadCapacityUnitHour: hourly(0.00013, DYNAMODB_PROVISIONED),
  kmsCustomerManagedKey: { usd: 1, unit: 'month', source: 'https://aws.amazon.com/kms/pricing/', asOf: AS_OF },
  secretsManagerSecret: { usd: 0.4, unit: 'month', source: 'https://aws.amazon.com/secrets-manager/pricing/', asOf: AS_OF },
  cloudwatchStandardAlarm: { usd: 0.1, unit: 'month', source: 'https://aws.amazon.com/cloudwatch/pricing/', asOf: AS_OF },
  cloudwatchDashboard: { usd: 3, unit: 'month', source: 'https://aws.amazon.com/cloudwatch/pricing/', asOf: AS_OF },
  lambdaRequests: { usd: 0.2, unit: 'million requests', source: 'https://aws.amazon.com/lambda/pricing/', asOf: AS_OF },
  lambdaDurationX86: { usd: 0.0000166667, unit: 'GB-second', source: 'https://aws.amazon.com/lambda/pricing/', asOf: AS_OF },
  s3StandardStorage: { usd: 0.023, unit: 'GB-month', source: 'https://aws.amazon.com/s3/pricing/', asOf: AS_OF },
  interRegionTransfer: { usd: 0.02, unit: 'GB', source: 'https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer', asOf: AS_OF },
  natGatewayHour: hourly(0.045, 'https://aws.amazon.com/vpc/pricing/'),
  interfaceEndpointHourPerAz: hourly(0.01, 'https://aws.amazon.com/privatelink/pricing/'),
} as const satisfies Record<string, Price>;
