import { z } from 'zod';

const identifier = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and hyphens, starting with a letter');
const timeWindow = z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'a window like 03:00-04:00 (UTC)');
const positive = z.number().int().positive();
const nonNegative = z.number().int().nonnegative();

export const regionEntrySchema = z.strictObject({
  region: z.string(),
  stack: identifier,
  vpcCidr: z.string(),
  availabilityZones: z.array(z.string()),
});

export const topologySchema = z.strictObject({
  $comment: z.string().optional(),
  project: identifier.max(8),
  environment: identifier,
  environmentShort: identifier.max(6),
  accountId: z.string().regex(/^\d{12}$/, 'a 12-digit AWS account id'),
  primaryRegion: z.string(),
  replicaRegions: z.array(z.string()).optional(),
  stateBackend: z.strictObject({
    /**
     * Every region keeps the state of its own stack in a bucket of its own,
     * `<bucketPrefix>-<region code>-<account>`, replicated to every other region.
     */
    bucketPrefix: z.string().regex(/^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$/, 'lower-case letters, digits and hyphens, 3 to 32 characters'),
    /** The region whose bucket holds the state-backend stack's own state. */
    homeRegion: z.string(),
  }),
  regions: z.array(regionEntrySchema).min(1),
  database: z.strictObject({
    engineVersion: z.string().regex(/^8\.0(\.\d+)?$/, 'a MySQL 8.0 engine version'),
    instanceClass: z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, 'an RDS instance class such as db.t3.medium'),
    allocatedStorageGb: positive.min(20),
    maxAllocatedStorageGb: positive,
    backupRetentionDays: nonNegative.max(35),
    backupWindow: timeWindow,
    maintenanceWindow: z.string().regex(/^[a-z]{3}:\d{2}:\d{2}-[a-z]{3}:\d{2}:\d{2}$/, 'a window like sun:05:00-sun:06:00'),
    caCertificateIdentifier: z.string().min(1),
    monitoringIntervalSeconds: z.union([z.literal(1), z.literal(5), z.literal(10), z.literal(15), z.literal(30), z.literal(60)]),
    performanceInsightsRetentionDays: positive,
    masterUsername: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,15}$/, 'a MySQL user name of at most 16 characters'),
    /**
     * What happens when the engine version leaves RDS standard support: extended support (paid per
     * vCPU-hour) keeps it running, "-disabled" lets RDS upgrade it. Explicit, so a reviewer sees it.
     */
    engineLifecycleSupport: z.enum(['open-source-rds-extended-support', 'open-source-rds-extended-support-disabled']),
  }),
  cache: z.strictObject({
    engineVersion: z.string().regex(/^\d+\.\d+$/, 'a Redis engine version such as 7.1'),
    nodeType: z.string().regex(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, 'an ElastiCache node type such as cache.t3.micro'),
    numCacheClusters: positive.min(2, 'Multi-AZ with automatic failover needs at least 2 nodes').max(6),
    snapshotRetentionDays: positive.max(35),
    snapshotWindow: timeWindow,
  }),
  stream: z.strictObject({
    /** The pipeline stays in this region whatever the database roles are: moving it would replace its data. */
    homeRegion: z.string(),
    shardCount: positive,
    retentionHours: positive.min(24).max(8760),
    batchSize: positive.max(10000),
    maximumBatchingWindowSeconds: nonNegative.max(300),
    maximumRetryAttempts: nonNegative.max(10000),
    parallelizationFactor: positive.max(10),
  }),
  alarms: z.strictObject({
    rdsCpuPercent: z.number().positive().max(100),
    rdsFreeStorageBytes: positive,
    rdsFreeableMemoryBytes: positive,
    rdsConnections: positive,
    rdsReplicaLagSeconds: positive,
    redisCpuPercent: z.number().positive().max(100),
    redisEngineCpuPercent: z.number().positive().max(100),
    redisEvictions: positive,
    redisMemoryPercent: z.number().positive().max(100),
    kinesisIteratorAgeMs: positive,
    kinesisWriteThrottles: positive,
    lambdaErrors: positive,
    lambdaIteratorAgeMs: positive,
    dlqDepth: positive,
    dynamodbThrottles: positive,
    dynamodbSystemErrors: positive,
  }),
  /** Where the alert topic of every region sends notifications (an email subscription, confirmed once). */
  alertEmail: z.email('an e-mail address for the alert topics').optional(),
  tags: z.record(z.string(), z.string()),
});

/** The topology file as written by people: validated for shape, not yet for meaning. */
export type TopologyDocument = z.infer<typeof topologySchema>;
