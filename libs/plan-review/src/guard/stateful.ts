import type { DatabaseRename } from '../plan/rds-changes';
import type { ResourceChange } from '@xyz/terraform-schema';
import { field, text } from '../plan/values';

/** Context the guard needs beyond one resource: which parameter groups live databases use. */
export interface StatefulContext {
  /** Names of DB parameter groups used by a database instance that exists before this plan. */
  readonly liveParameterGroups: ReadonlyMap<string, string>;
  /** The Terraform state buckets' names, when known, so their reasons can say so. */
  readonly stateBuckets: readonly string[];
}

export function statefulContext(changes: readonly ResourceChange[], stateBuckets: readonly string[] = []): StatefulContext {
  const liveParameterGroups = new Map<string, string>();
  for (const change of changes) {
    if (change.mode !== 'managed' || change.type !== 'aws_db_instance') continue;
    const before = change.change.before;
    const group = text(before, 'parameter_group_name');
    if (group) liveParameterGroups.set(group, text(before, 'identifier') ?? change.address);
  }
  return { liveParameterGroups, stateBuckets };
}

type ReasonFor = (before: unknown, context: StatefulContext) => string | undefined;

function named(kind: string, name: string | undefined): string {
  return name ? `${kind} ${name}` : kind;
}

/** What a CloudWatch log group holds when it holds audit data, from its name; undefined for operational logs. */
function auditLogs(name: string | undefined): string | undefined {
  if (!name) return undefined;
  if (/flow-log/i.test(name)) return 'the VPC flow logs (who talked to what, the network audit trail)';
  if (name.startsWith('/aws/rds/')) return "the database's exported logs";
  if (/cloudtrail/i.test(name)) return 'the CloudTrail API audit trail';
  if (/audit/i.test(name)) return 'audit logs';
  return undefined;
}

/** "bucket xyz-state (the Terraform state bucket)" for a bucket's companion resources. */
function bucketOf(before: unknown, context: StatefulContext): string {
  const name = text(before, 'bucket');
  if (!name) return 'its bucket';
  return context.stateBuckets.includes(name) ? `the Terraform state bucket ${name}` : `bucket ${name}`;
}

/**
 * Every resource type whose loss loses data, removes what protects it, or breaks a live database,
 * with the reason a reviewer reads. A function returning undefined means "not stateful in this
 * case" (a parameter group no live database uses, a log group of operational logs).
 */
export const STATEFUL_TYPES: Readonly<Record<string, ReasonFor>> = {
  aws_db_instance: (before) =>
    text(before, 'replicate_source_db')
      ? `${named('RDS read replica', text(before, 'identifier'))}: it is rebuilt from a snapshot of its source, and its region serves no local reads until then`
      : `${named('RDS database', text(before, 'identifier'))}: its data is lost unless restored from a snapshot, and every replica must be rebuilt`,
  aws_db_parameter_group: (before, context) => {
    const name = text(before, 'name');
    const database = name ? context.liveParameterGroups.get(name) : undefined;
    return database
      ? `parameter group ${name} of live database ${database}: the database falls back to engine defaults (require_secure_transport off) or needs a reboot`
      : undefined;
  },
  aws_elasticache_replication_group: (before) =>
    `${named('ElastiCache replication group', text(before, 'replication_group_id'))}: the cached data is lost and clients reconnect to a cold cache`,
  aws_kinesis_stream: (before) =>
    `${named('Kinesis stream', text(before, 'name'))}: unread records are lost and producers fail until the stream exists again`,
  aws_dynamodb_table: (before) => `${named('DynamoDB table', text(before, 'name'))}: its items are lost (a new table starts empty)`,
  aws_sqs_queue: (before) =>
    `${named('SQS queue', text(before, 'name'))}: the messages in it are lost (a dead-letter queue holds the events that could not be processed, kept for replay)`,
  aws_secretsmanager_secret: (before) =>
    `${named('Secrets Manager secret', text(before, 'name'))}: whoever reads it loses the credential, and a deleted secret's name stays taken for its recovery window (${String(field(before, 'recovery_window_in_days') ?? 30)} days)`,
  aws_secretsmanager_secret_version: () => 'the current value of a Secrets Manager secret: readers get no current version (the credential is gone until a new one is written)',
  aws_s3_bucket: (before, context) => {
    const name = text(before, 'bucket');
    return name && context.stateBuckets.includes(name)
      ? `S3 bucket ${name} holds the Terraform state of its region's stack and the replicated copies of every other stack's`
      : `${named('S3 bucket', name)}: its objects are lost`;
  },
  aws_s3_bucket_versioning: (before, context) =>
    `versioning of ${bucketOf(before, context)}: deleting it suspends versioning, so an overwritten or deleted object (a state file) can no longer be recovered`,
  aws_s3_bucket_lifecycle_configuration: (before, context) =>
    `lifecycle rules of ${bucketOf(before, context)}: they decide how long old object versions are kept; removed or rewritten, they apply to every object at once`,
  aws_s3_bucket_public_access_block: (before, context) => `public access block of ${bucketOf(before, context)}: without it a policy or ACL can make objects public`,
  aws_s3_bucket_policy: (before, context) => `bucket policy of ${bucketOf(before, context)}: its statements (TLS only, encryption required) stop protecting the objects`,
  aws_s3_bucket_server_side_encryption_configuration: (before, context) => `default encryption of ${bucketOf(before, context)}: new objects fall back to SSE-S3 instead of the customer-managed key`,
  aws_kms_key: (before) =>
    `${named('KMS key', text(before, 'description'))}: everything encrypted with it (databases, snapshots, streams, state) becomes unreadable once the key is deleted`,
  aws_flow_log: () => 'VPC flow log: the record of the network traffic (the audit trail of who connected to what) stops',
  aws_cloudwatch_log_group: (before) => {
    const holds = auditLogs(text(before, 'name'));
    return holds ? `log group ${text(before, 'name')} holds ${holds}: deleting it deletes them` : undefined;
  },
};

/** Why losing this resource matters, or undefined when it holds no state. */
export function statefulReason(change: ResourceChange, context: StatefulContext): string | undefined {
  if (change.mode !== 'managed') return undefined;
  const reasonFor = STATEFUL_TYPES[change.type];
  return reasonFor ? reasonFor(change.change.before, context) : undefined;
}

/**
 * What renaming a live RDS instance breaks. Nothing is lost, and renaming back restores the name,
 * but clients and other stacks follow only once they are changed too.
 */
export function renameReason(change: ResourceChange, rename: DatabaseRename): string {
  const kind = text(change.change.before, 'replicate_source_db') ? 'RDS read replica' : 'RDS database';
  const to = rename.to ?? 'a name known only after apply';
  return (
    `${kind} ${rename.from} is renamed in place to ${to}: no data is lost, but its endpoint (the DNS name clients connect to) and its ARN change, ` +
    'so applications fail until they connect to the new endpoint, and whatever names the instance outside this plan (other stacks, dashboards, scripts) must follow'
  );
}
