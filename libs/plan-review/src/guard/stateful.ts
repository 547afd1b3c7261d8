import type { DatabaseRename } from '../plan/rds-changes';
import type { ResourceChange } from '../plan/schema';
import { text } from '../plan/values';

/** Context the guard needs beyond one resource: which parameter groups live databases use. */
export interface StatefulContext {
  /** Names of DB parameter groups used by a database instance that exists before this plan. */
  readonly liveParameterGroups: ReadonlyMap<string, string>;
  /** The Terraform state bucket's name, when known, so its reason can say so. */
  readonly stateBucket?: string;
}

export function statefulContext(changes: readonly ResourceChange[], stateBucket?: string): StatefulContext {
  const liveParameterGroups = new Map<string, string>();
  for (const change of changes) {
    if (change.mode !== 'managed' || change.type !== 'aws_db_instance') continue;
    const before = change.change.before;
    const group = text(before, 'parameter_group_name');
    if (group) liveParameterGroups.set(group, text(before, 'identifier') ?? change.address);
  }
  return { liveParameterGroups, stateBucket };
}

type ReasonFor = (before: unknown, context: StatefulContext) => string | undefined;

function named(kind: string, name: string | undefined): string {
  return name ? `${kind} ${name}` : kind;
}

/**
 * Every resource type whose loss loses data or breaks a live database, with the reason a reviewer
 * reads. A function returning undefined means "not stateful in this case" (an unused parameter group).
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
  aws_s3_bucket: (before, context) => {
    const name = text(before, 'bucket');
    return name && name === context.stateBucket
      ? `S3 bucket ${name} holds the Terraform state of every stack`
      : `${named('S3 bucket', name)}: its objects are lost`;
  },
  aws_kms_key: (before) =>
    `${named('KMS key', text(before, 'description'))}: everything encrypted with it (databases, snapshots, streams, state) becomes unreadable once the key is deleted`,
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
