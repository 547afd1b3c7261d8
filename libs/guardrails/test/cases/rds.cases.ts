import { add, patch } from '../compliant-stack';
import type { AreaCases } from './rule-case';

const PRIMARY = 'aws_db_instance.primary';
const REPLICA = 'aws_db_instance.replica';

export const RDS_CASES: AreaCases = {
  area: 'RDS',
  failing: [
    { rule: 'rds-storage-encrypted-cmk', title: 'storage not encrypted', change: (s) => patch(s, PRIMARY, { storage_encrypted: false }), address: PRIMARY, message: /^storage_encrypted is false; set it to true$/ },
    { rule: 'rds-storage-encrypted-cmk', title: 'storage_encrypted left out on a primary', change: (s) => patch(s, PRIMARY, { storage_encrypted: undefined }), address: PRIMARY, message: /^storage_encrypted is not set/ },
    { rule: 'rds-storage-encrypted-cmk', title: 'replica explicitly unencrypted', change: (s) => patch(s, REPLICA, { storage_encrypted: false }), address: REPLICA, message: /^storage_encrypted is false/ },
    { rule: 'rds-storage-encrypted-cmk', title: 'no kms_key_id (AWS-managed aws/rds key)', change: (s) => patch(s, PRIMARY, { kms_key_id: undefined }), address: PRIMARY, message: /^kms_key_id is not set, so an AWS-owned or AWS-managed key would be used/ },
    { rule: 'rds-storage-encrypted-cmk', title: 'the aws/rds alias', change: (s) => patch(s, PRIMARY, { kms_key_id: 'arn:aws:kms:us-east-1:111122223333:alias/aws/rds' }), address: PRIMARY, message: /an AWS-managed key; reference an aws_kms_key of this stack$/ },
    { rule: 'rds-storage-encrypted-cmk', title: 'a literal key ARN', change: (s) => patch(s, PRIMARY, { kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/0b6d2f6e-1111-2222-3333-444455556666' }), address: PRIMARY, message: /cannot be shown at synth to be a customer-managed key/ },
    { rule: 'rds-storage-encrypted-cmk', title: 'a key id where only an ARN is accepted', change: (s) => patch(s, PRIMARY, { kms_key_id: '${aws_kms_key.data.key_id}' }), address: PRIMARY, message: /^kms_key_id uses aws_kms_key\.data\.key_id, but it takes the key's arn$/ },
    { rule: 'rds-storage-encrypted-cmk', title: 'a key of another stack', change: (s) => patch(s, PRIMARY, { kms_key_id: '${aws_kms_key.elsewhere.arn}' }), address: PRIMARY, message: /^kms_key_id references aws_kms_key\.elsewhere, which is not in this stack/ },
    { rule: 'rds-storage-encrypted-cmk', title: 'a key read through a data source', change: (s) => patch(s, PRIMARY, { kms_key_id: '${data.aws_kms_key.rds.arn}' }), address: PRIMARY, message: /reads an existing key through data\.aws_kms_key\.rds/ },
    { rule: 'rds-not-public', title: 'publicly accessible', change: (s) => patch(s, PRIMARY, { publicly_accessible: true }), address: PRIMARY, message: /^publicly_accessible is true; set it to false$/ },
    { rule: 'rds-deletion-protection', title: 'deletion protection off', change: (s) => patch(s, REPLICA, { deletion_protection: false }), address: REPLICA, message: /^deletion_protection is false/ },
    { rule: 'rds-iam-auth', title: 'IAM authentication left out', change: (s) => patch(s, PRIMARY, { iam_database_authentication_enabled: undefined }), address: PRIMARY, message: /^iam_database_authentication_enabled is not set/ },
    { rule: 'rds-enhanced-monitoring', title: 'monitoring interval 0', change: (s) => patch(s, PRIMARY, { monitoring_interval: 0 }), address: PRIMARY, message: /^monitoring_interval is 0; set one of 1, 5, 10, 15, 30, 60 seconds$/ },
    { rule: 'rds-enhanced-monitoring', title: 'no monitoring role', change: (s) => patch(s, PRIMARY, { monitoring_role_arn: undefined }), address: PRIMARY, message: /^monitoring_role_arn is not set/ },
    { rule: 'rds-log-exports', title: 'no log exports', change: (s) => patch(s, REPLICA, { enabled_cloudwatch_logs_exports: [] }), address: REPLICA, message: /^enabled_cloudwatch_logs_exports is \[\]/ },
    { rule: 'rds-primary-backups', title: 'primary without backups', change: (s) => patch(s, PRIMARY, { backup_retention_period: 0 }), address: PRIMARY, message: /^backup_retention_period is 0 on a primary/ },
    { rule: 'rds-primary-backups', title: 'primary with the provider default (0 days)', change: (s) => patch(s, PRIMARY, { backup_retention_period: undefined }), address: PRIMARY, message: /^backup_retention_period is not set on a primary/ },
    { rule: 'rds-primary-multi-az', title: 'single-AZ primary', change: (s) => patch(s, PRIMARY, { multi_az: false }), address: PRIMARY, message: /^multi_az is false on a primary/ },
    { rule: 'rds-performance-insights-cmk', title: 'Performance Insights off', change: (s) => patch(s, PRIMARY, { performance_insights_enabled: false }), address: PRIMARY, message: /^performance_insights_enabled is false/ },
    { rule: 'rds-performance-insights-cmk', title: 'Performance Insights with the AWS-managed key', change: (s) => patch(s, PRIMARY, { performance_insights_kms_key_id: undefined }), address: PRIMARY, message: /^performance_insights_kms_key_id is not set/ },
    { rule: 'rds-copy-tags-to-snapshot', title: 'tags not copied', change: (s) => patch(s, PRIMARY, { copy_tags_to_snapshot: undefined }), address: PRIMARY, message: /^copy_tags_to_snapshot is not set/ },
    { rule: 'rds-auto-minor-upgrade', title: 'minor upgrades off', change: (s) => patch(s, PRIMARY, { auto_minor_version_upgrade: false }), address: PRIMARY, message: /^auto_minor_version_upgrade is false/ },
    { rule: 'rds-ca-certificate', title: 'expired CA', change: (s) => patch(s, PRIMARY, { ca_cert_identifier: 'rds-ca-2019' }), address: PRIMARY, message: /^ca_cert_identifier is "rds-ca-2019"; set one of rds-ca-rsa2048-g1/ },
    { rule: 'rds-ca-certificate', title: 'CA left to the default', change: (s) => patch(s, REPLICA, { ca_cert_identifier: undefined }), address: REPLICA, message: /^ca_cert_identifier is not set/ },
    { rule: 'rds-own-parameter-group', title: 'replica on the engine default group', change: (s) => patch(s, REPLICA, { parameter_group_name: undefined }), address: REPLICA, message: /^parameter_group_name is not set; reference an aws_db_parameter_group of this stack$/ },
    { rule: 'rds-own-parameter-group', title: 'a group named literally', change: (s) => patch(s, PRIMARY, { parameter_group_name: 'default.mysql8.0' }), address: PRIMARY, message: /^parameter_group_name is "default\.mysql8\.0"/ },
    { rule: 'rds-parameter-group-tls', title: 'require_secure_transport 0', change: (s) => patch(s, 'aws_db_parameter_group.mysql', { parameter: [{ name: 'require_secure_transport', value: '0' }] }), address: 'aws_db_parameter_group.mysql', message: /^require_secure_transport is "0" in this mysql8\.0 group/ },
    { rule: 'rds-parameter-group-tls', title: 'require_secure_transport missing', change: (s) => patch(s, 'aws_db_parameter_group.mysql', { parameter: [{ name: 'slow_query_log', value: '1' }] }), address: 'aws_db_parameter_group.mysql', message: /^require_secure_transport is not set in this mysql8\.0 group/ },
    {
      rule: 'rds-parameter-group-tls',
      title: 'PostgreSQL group without rds.force_ssl',
      change: (s) => add(s, 'aws_db_parameter_group.postgres', { family: 'postgres16', name: 'pg', parameter: [] }),
      address: 'aws_db_parameter_group.postgres',
      message: /^rds\.force_ssl is not set in this postgres16 group/,
    },
    { rule: 'rds-primary-final-snapshot', title: 'a primary deleted without a final snapshot', change: (s) => patch(s, PRIMARY, { skip_final_snapshot: true }), address: PRIMARY, message: /^skip_final_snapshot is true, so deleting the primary keeps no copy of its data/ },
    { rule: 'rds-primary-final-snapshot', title: 'skip_final_snapshot written as a string', change: (s) => patch(s, PRIMARY, { skip_final_snapshot: 'true' }), address: PRIMARY, message: /^skip_final_snapshot is true/ },
  ],
  passing: [
    { title: 'a replica with backups off, single-AZ, storage_encrypted left to the source', change: (s) => patch(s, REPLICA, { storage_encrypted: undefined, backup_retention_period: undefined, multi_az: undefined }) },
    { title: 'auto minor upgrades and public access left to their defaults', change: (s) => patch(s, PRIMARY, { auto_minor_version_upgrade: undefined, publicly_accessible: undefined }) },
    { title: 'booleans and numbers written as strings', change: (s) => patch(s, PRIMARY, { storage_encrypted: 'true', multi_az: 'true', backup_retention_period: '7', monitoring_interval: '60' }) },
    { title: 'require_secure_transport written as ON', change: (s) => patch(s, 'aws_db_parameter_group.mysql', { parameter: [{ name: 'require_secure_transport', value: 'ON' }] }) },
    { title: 'an Oracle parameter group (no TLS parameter to check)', change: (s) => add(s, 'aws_db_parameter_group.oracle', { family: 'oracle-ee-19', name: 'ora', parameter: [] }) },
    { title: 'a parameter group referenced by id', change: (s) => patch(s, PRIMARY, { parameter_group_name: '${aws_db_parameter_group.mysql.id}' }) },
    { title: 'a read replica deleted without a final snapshot (it has no data of its own)', change: (s) => patch(s, REPLICA, { skip_final_snapshot: true }) },
  ],
};
