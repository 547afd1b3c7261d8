import { leavesAt } from '../plan/attribute-paths';
import { field, text } from '../plan/values';
import { added, denyRemoved, loweredToZero, matching, noLonger, removed, setAboveZero, setTo, turnedOff, turnedOn, type Weaker } from './weaker';

/**
 * The weakening table: per resource type and attribute, what "weaker" means. An update (or a
 * replacement) that makes one of these changes is blocked unless allowed with "action": "weaken".
 * The README's rule table is this list.
 */
export interface WeakeningRule {
  readonly type: string;
  /** Attribute path, nested blocks included (see plan/attribute-paths.ts). */
  readonly path: string;
  readonly weaker: Weaker;
  /** What the change does, in the words of the review. */
  readonly why: string;
  /** Limits the rule to some resources of the type (a primary, not a replica), judged on the after values. */
  readonly appliesTo?: { readonly label: string; readonly test: (after: unknown) => boolean };
}

const primary = { label: 'primary only', test: (after: unknown) => !text(after, 'replicate_source_db') };
/** A Redis user that needs no password; `access_string` decides whether it lets clients in. */
const passwordless = {
  label: 'users without a password',
  test: (after: unknown) => field(after, 'no_password_required') === true || leavesAt(after, 'authentication_mode[*].type').some((leaf) => leaf.value === 'no-password-required'),
};
const resourcePolicy = (type: string, what: string): WeakeningRule => ({
  type,
  path: 'policy',
  weaker: denyRemoved,
  why: `the ${what} loses a Deny statement (such as refusing requests without TLS), so what it refused is allowed again`,
});

export const WEAKENING_RULES: readonly WeakeningRule[] = [
  // RDS
  { type: 'aws_db_instance', path: 'deletion_protection', weaker: turnedOff, why: 'deletion protection is off: any apply or API call can delete the database' },
  { type: 'aws_db_instance', path: 'skip_final_snapshot', weaker: turnedOn, appliesTo: primary, why: 'a deletion would take no final snapshot: the data would be gone for good' },
  { type: 'aws_db_instance', path: 'backup_retention_period', weaker: loweredToZero, appliesTo: primary, why: 'automated backups are turned off: RDS deletes the existing automated backups and point-in-time recovery ends (replicas also need backups on their source)' },
  { type: 'aws_db_instance', path: 'publicly_accessible', weaker: turnedOn, why: 'the database gets a public DNS name and address, reachable from the internet wherever its security groups allow' },
  { type: 'aws_db_instance', path: 'iam_database_authentication_enabled', weaker: turnedOff, why: 'IAM database authentication is off: applications fall back to passwords' },
  { type: 'aws_db_parameter_group', path: 'parameter[name=require_secure_transport].value', weaker: noLonger('1', 'ON', 'on'), why: 'MySQL accepts clear-text connections again (require_secure_transport)' },
  // DynamoDB
  { type: 'aws_dynamodb_table', path: 'point_in_time_recovery[*].enabled', weaker: turnedOff, why: 'point-in-time recovery is off: the continuous backups are deleted and the table can no longer be restored to a moment' },
  { type: 'aws_dynamodb_table', path: 'deletion_protection_enabled', weaker: turnedOff, why: 'deletion protection is off: any apply or API call can delete the table' },
  { type: 'aws_dynamodb_table', path: 'server_side_encryption[*].enabled', weaker: turnedOff, why: 'the table falls back from the customer-managed key to the AWS-owned key' },
  // Kinesis
  { type: 'aws_kinesis_stream', path: 'encryption_type', weaker: noLonger('KMS'), why: 'server-side encryption is removed: new records are stored unencrypted' },
  // ElastiCache
  { type: 'aws_elasticache_replication_group', path: 'user_group_ids', weaker: removed, why: 'the user group is removed: the cache no longer authenticates clients, anyone who reaches the port is in' },
  { type: 'aws_elasticache_replication_group', path: 'transit_encryption_enabled', weaker: turnedOff, why: 'TLS is off: clients and replicas talk in clear text' },
  { type: 'aws_elasticache_replication_group', path: 'transit_encryption_mode', weaker: setTo('preferred'), why: 'TLS becomes optional: clear-text clients are accepted' },
  { type: 'aws_elasticache_replication_group', path: 'snapshot_retention_limit', weaker: loweredToZero, why: 'automatic snapshots are off: the cache can no longer be restored' },
  { type: 'aws_elasticache_user', path: 'access_string', weaker: matching('switched on (access string no longer starts with "off")', /^(?!\s*off(\s|$))/), appliesTo: passwordless, why: 'a user that needs no password is switched on: any client that reaches the port gets its permissions' },
  { type: 'aws_elasticache_user', path: 'authentication_mode[*].type', weaker: setTo('no-password-required'), why: 'the user no longer needs a password or IAM token' },
  // KMS
  { type: 'aws_kms_key', path: 'is_enabled', weaker: turnedOff, why: 'the key is disabled: everything encrypted with it (databases, streams, state, secrets) cannot be read or written' },
  { type: 'aws_kms_key', path: 'enable_key_rotation', weaker: turnedOff, why: 'automatic key rotation is off' },
  // S3
  { type: 'aws_s3_bucket_versioning', path: 'versioning_configuration[*].status', weaker: noLonger('Enabled'), why: 'versioning is suspended: an overwritten or deleted object (a state file) can no longer be recovered' },
  { type: 'aws_s3_bucket_lifecycle_configuration', path: 'rule[status=Enabled].expiration[*].days', weaker: setAboveZero, why: 'a lifecycle rule expires current objects: S3 deletes the live objects (the state files) once they reach that age' },
  { type: 'aws_s3_bucket_lifecycle_configuration', path: 'rule[status=Enabled].expiration[*].date', weaker: added, why: 'a lifecycle rule expires current objects on a date: S3 deletes the live objects (the state files)' },
  { type: 'aws_s3_bucket_public_access_block', path: 'block_public_acls', weaker: turnedOff, why: 'public ACLs can be set on the bucket and its objects' },
  { type: 'aws_s3_bucket_public_access_block', path: 'ignore_public_acls', weaker: turnedOff, why: 'public ACLs take effect again' },
  { type: 'aws_s3_bucket_public_access_block', path: 'block_public_policy', weaker: turnedOff, why: 'a bucket policy can make the bucket public' },
  { type: 'aws_s3_bucket_public_access_block', path: 'restrict_public_buckets', weaker: turnedOff, why: 'a public bucket policy takes effect again' },
  { type: 'aws_s3_bucket_server_side_encryption_configuration', path: 'rule[*].apply_server_side_encryption_by_default[*].sse_algorithm', weaker: noLonger('aws:kms', 'aws:kms:dsse'), why: 'new objects are encrypted with SSE-S3 instead of the customer-managed key, so the key policy no longer decides who reads them' },
  resourcePolicy('aws_s3_bucket_policy', 'bucket policy'),
  // Queues, topics, secrets, logs, functions: encryption with the customer-managed key
  { type: 'aws_sqs_queue', path: 'kms_master_key_id', weaker: removed, why: 'the queue no longer uses the customer-managed key' },
  resourcePolicy('aws_sqs_queue_policy', 'queue policy'),
  { type: 'aws_sns_topic', path: 'kms_master_key_id', weaker: removed, why: 'the topic is no longer encrypted with the customer-managed key' },
  resourcePolicy('aws_sns_topic_policy', 'topic policy'),
  { type: 'aws_secretsmanager_secret', path: 'kms_key_id', weaker: removed, why: 'the secret falls back to the AWS-managed key, so the key policy no longer decides who reads it' },
  { type: 'aws_secretsmanager_secret', path: 'recovery_window_in_days', weaker: loweredToZero, why: 'a deletion of the secret takes effect at once, with no recovery window' },
  { type: 'aws_cloudwatch_log_group', path: 'kms_key_id', weaker: removed, why: 'the logs are no longer encrypted with the customer-managed key' },
  { type: 'aws_lambda_function', path: 'kms_key_arn', weaker: removed, why: 'the environment variables are no longer encrypted with the customer-managed key' },
];
