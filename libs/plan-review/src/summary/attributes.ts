import { field } from '../plan/values';

/** Attributes whose change weakens or strengthens security, whatever the resource type. */
export const SECURITY_ATTRIBUTES = new Set([
  'publicly_accessible', 'storage_encrypted', 'kms_key_id', 'kms_master_key_id', 'encryption_type', 'server_side_encryption',
  'iam_database_authentication_enabled', 'deletion_protection', 'ca_cert_identifier', 'vpc_security_group_ids', 'security_group_ids',
  'ingress', 'egress', 'cidr_blocks', 'ipv6_cidr_blocks', 'cidr_ipv4', 'from_port', 'to_port', 'policy', 'assume_role_policy',
  'inline_policy', 'managed_policy_arns', 'policy_arn', 'at_rest_encryption_enabled', 'transit_encryption_enabled', 'auth_token',
  'block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets', 'enable_key_rotation',
  'deletion_window_in_days', 'backup_retention_period', 'skip_final_snapshot', 'point_in_time_recovery', 'password',
  'password_wo_version', 'manage_master_user_password', 'map_public_ip_on_launch', 'acl', 'rule', 'parameter',
]);

/** Resource types that are security controls in themselves: any change to one is called out. */
export const SECURITY_TYPES = new Set([
  'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule', 'aws_network_acl_rule',
  'aws_iam_role', 'aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_role_policy_attachment', 'aws_kms_key_policy',
  'aws_s3_bucket_policy', 'aws_s3_bucket_public_access_block', 'aws_s3_bucket_server_side_encryption_configuration',
  'aws_secretsmanager_secret_policy', 'aws_sns_topic_policy', 'aws_sqs_queue_policy', 'aws_lambda_permission',
]);

function keysOf(value: unknown): string[] {
  return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
}

function isMarked(marks: unknown, key: string): boolean {
  const mark = field(marks, key);
  return mark === true || (mark !== undefined && mark !== false && JSON.stringify(mark).includes('true'));
}

/**
 * Top-level attributes that differ between before and after. With `afterUnknown`, attributes that
 * become known only after apply count too (unless `knownOnly`), since Terraform cannot say they stay.
 */
export function changedAttributes(before: unknown, after: unknown, afterUnknown?: unknown, knownOnly = false): string[] {
  const keys = new Set([...keysOf(before), ...keysOf(after), ...keysOf(afterUnknown)]);
  return [...keys]
    .filter((key) => {
      if (isMarked(afterUnknown, key)) return !knownOnly;
      return JSON.stringify(field(before, key) ?? null) !== JSON.stringify(field(after, key) ?? null);
    })
    .sort();
}

/** Attributes Terraform marks sensitive on either side of the change. */
export function sensitiveAttributes(beforeSensitive: unknown, afterSensitive: unknown, among: readonly string[]): string[] {
  return among.filter((key) => isMarked(beforeSensitive, key) || isMarked(afterSensitive, key));
}
