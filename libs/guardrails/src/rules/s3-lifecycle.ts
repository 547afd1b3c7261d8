import { parseReference } from '../engine/references';
import { resourceRule } from '../engine/rule';
import type { Resource, StackIndex } from '../engine/terraform-json';
import { block, blocks } from '../engine/values';

/** The bucket of the stack that a `bucket` argument names, by reference or by its literal name. */
function bucketNamed(value: unknown, stack: StackIndex): Resource | undefined {
  const reference = parseReference(value);
  if (reference) return reference.mode === 'resource' && reference.type === 'aws_s3_bucket' ? stack.resource(reference.type, reference.name) : undefined;
  return stack.resources('aws_s3_bucket').find((bucket) => typeof value === 'string' && bucket.config.bucket === value);
}

/**
 * A bucket that receives S3 server access logs: its objects are logs that are meant to expire (and
 * AWS requires SSE-S3 for such a target, so it is not where state lives).
 */
function isAccessLogTarget(bucket: Resource, stack: StackIndex): boolean {
  const targets = [...stack.resources('aws_s3_bucket_logging').map((logging) => logging.config.target_bucket), ...stack.resources('aws_s3_bucket').map((source) => block(source.config.logging)?.target_bucket)];
  return targets.some((target) => target !== undefined && bucketNamed(target, stack) === bucket);
}

export const s3LifecycleKeepsCurrentObjects = resourceRule({
  id: 's3-lifecycle-keeps-current-objects',
  description: 'S3 lifecycle rules do not expire current objects (only noncurrent versions), except on buckets that receive server access logs.',
  resourceTypes: ['aws_s3_bucket_lifecycle_configuration'],
  check: ({ config }, stack) => {
    const bucket = bucketNamed(config.bucket, stack);
    if (bucket && isAccessLogTarget(bucket, stack)) return [];
    return blocks(config.rule)
      .filter((rule) => rule.status === 'Enabled')
      .flatMap((rule) =>
        blocks(rule.expiration)
          .filter((expiration) => (expiration.days !== undefined && expiration.days !== null) || (expiration.date !== undefined && expiration.date !== null))
          .map((expiration) => {
            const when = expiration.days !== undefined && expiration.days !== null ? `after ${String(expiration.days)} days` : `on ${String(expiration.date)}`;
            return `rule ${JSON.stringify(rule.id ?? '')} expires current objects ${when}: S3 deletes the live objects (the state files), or hides them behind delete markers; expire only noncurrent versions`;
          }),
      );
  },
});
