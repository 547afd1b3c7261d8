import { z } from 'zod';
import { PlanReviewError } from '../errors';

/**
 * Usage the plan cannot know, stated so a reviewer can challenge it. The defaults describe the
 * case study's load: device events go through Kinesis and are written once each to DynamoDB.
 */
export const usageSchema = z
  .object({
    /** Records put on the device-event stream; each is one PUT payload unit (<= 25 KB). */
    deviceEventsPerMonth: z.number().nonnegative(),
    /** Each event is one DynamoDB write request unit (items <= 1 KB). */
    dynamodbWritesPerMonth: z.number().nonnegative(),
    dynamodbReadsPerMonth: z.number().nonnegative(),
    /** Table size, billed for storage and again for point-in-time recovery. */
    dynamodbStorageGb: z.number().nonnegative(),
    /** Binary-log volume shipped to each cross-region read replica. */
    replicationGbPerReplicaPerMonth: z.number().nonnegative(),
    /** Lambda invocations = events / batch size; this is the average run time of one batch. */
    lambdaBatchDurationMs: z.number().nonnegative(),
    lambdaBatchSize: z.number().positive(),
    stateBucketGb: z.number().nonnegative(),
  })
  .strict();

export type UsageAssumptions = z.infer<typeof usageSchema>;

export const DEFAULT_USAGE: UsageAssumptions = {
  deviceEventsPerMonth: 25_000_000,
  dynamodbWritesPerMonth: 25_000_000,
  dynamodbReadsPerMonth: 10_000_000,
  dynamodbStorageGb: 10,
  replicationGbPerReplicaPerMonth: 50,
  lambdaBatchDurationMs: 200,
  lambdaBatchSize: 100,
  stateBucketGb: 1,
};

/** Reads a partial usage file (`--usage usage.json`) over the defaults. */
export function parseUsage(raw: unknown, source: string): UsageAssumptions {
  const parsed = usageSchema.partial().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PlanReviewError(`${source}: ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  }
  return { ...DEFAULT_USAGE, ...parsed.data };
}
