import { customerManagedKeyProblem } from '../engine/customer-managed-key';
import { referencesResource } from '../engine/references';
import { resourceRule } from '../engine/rule';
import type { Resource } from '../engine/terraform-json';
import { asNumber, isFalse, isNonEmptyString, isTrue, show, stringList } from '../engine/values';

const DB_INSTANCE = ['aws_db_instance'];

/** A read replica (same- or cross-region) names its source; a primary does not. */
export function isReadReplica(instance: Resource): boolean {
  return isNonEmptyString(instance.config.replicate_source_db);
}

/** CA bundles RDS supports for new connections (rds-ca-2019 expired in 2024). */
export const MODERN_RDS_CA_CERTIFICATES = ['rds-ca-rsa2048-g1', 'rds-ca-rsa4096-g1', 'rds-ca-ecc384-g1'];
const ENHANCED_MONITORING_INTERVALS = [1, 5, 10, 15, 30, 60];

export const rdsStorageEncryptedWithCmk = resourceRule({
  id: 'rds-storage-encrypted-cmk',
  description: 'RDS storage is encrypted with a customer-managed KMS key of the stack (kms_key_id), not the AWS-managed aws/rds key.',
  checkov: ['CKV_AWS_16'],
  resourceTypes: DB_INSTANCE,
  check: (instance, stack) => {
    const { config } = instance;
    // For a cross-region replica the provider ignores storage_encrypted and encrypts when kms_key_id is set.
    const encrypted = isTrue(config.storage_encrypted) || (isReadReplica(instance) && config.storage_encrypted === undefined);
    return [
      encrypted ? undefined : `storage_encrypted is ${show(config.storage_encrypted)}; set it to true`,
      customerManagedKeyProblem('kms_key_id', config.kms_key_id, stack, 'arn'),
    ];
  },
});

export const rdsNotPublic = resourceRule({
  id: 'rds-not-public',
  description: 'RDS instances are not publicly accessible.',
  checkov: ['CKV_AWS_17'],
  resourceTypes: DB_INSTANCE,
  check: ({ config }) => [
    config.publicly_accessible === undefined || isFalse(config.publicly_accessible) ? undefined : `publicly_accessible is ${show(config.publicly_accessible)}; set it to false`,
  ],
});

export const rdsDeletionProtection = resourceRule({
  id: 'rds-deletion-protection',
  description: 'RDS instances have deletion protection on.',
  checkov: ['CKV_AWS_293'],
  resourceTypes: DB_INSTANCE,
  check: ({ config }) => [isTrue(config.deletion_protection) ? undefined : `deletion_protection is ${show(config.deletion_protection)}; set it to true`],
});

export const rdsIamAuthentication = resourceRule({
  id: 'rds-iam-auth',
  description: 'RDS instances accept IAM database authentication.',
  checkov: ['CKV_AWS_161'],
  resourceTypes: DB_INSTANCE,
  check: ({ config }) => [
    isTrue(config.iam_database_authentication_enabled) ? undefined : `iam_database_authentication_enabled is ${show(config.iam_database_authentication_enabled)}; set it to true`,
  ],
});

export const rdsEnhancedMonitoring = resourceRule({
  id: 'rds-enhanced-monitoring',
  description: 'RDS instances publish enhanced monitoring (monitoring_interval > 0 with a monitoring role).',
  checkov: ['CKV_AWS_118'],
  resourceTypes: DB_INSTANCE,
  check: ({ config }) => {
    const interval = asNumber(config.monitoring_interval);
    return [
      interval !== undefined && ENHANCED_MONITORING_INTERVALS.includes(interval)
        ? undefined
        : `monitoring_interval is ${show(config.monitoring_interval)}; set one of ${ENHANCED_MONITORING_INTERVALS.join(', ')} seconds`,
      isNonEmptyString(config.monitoring_role_arn) ? undefined : 'monitoring_role_arn is not set; enhanced monitoring needs the role RDS publishes with',
    ];
  },
});

export const rdsLogExports = resourceRule({
  id: 'rds-log-exports',
  description: 'RDS instances export their logs to CloudWatch Logs (enabled_cloudwatch_logs_exports is not empty).',
  checkov: ['CKV_AWS_129'],
  resourceTypes: DB_INSTANCE,
  check: ({ config }) => [stringList(config.enabled_cloudwatch_logs_exports).length > 0 ? undefined : `enabled_cloudwatch_logs_exports is ${show(config.enabled_cloudwatch_logs_exports)}; export at least the error log`],
});

export const rdsPrimaryBackups = resourceRule({
  id: 'rds-primary-backups',
  description: 'RDS primaries keep automated backups (backup_retention_period > 0); read replicas may have none until promoted.',
  checkov: ['CKV_AWS_133'],
  resourceTypes: DB_INSTANCE,
  check: (instance) => {
    if (isReadReplica(instance)) return [];
    const days = asNumber(instance.config.backup_retention_period);
    // The provider's default is 0 days, so an unset retention means no backups.
    return [days !== undefined && days > 0 ? undefined : `backup_retention_period is ${show(instance.config.backup_retention_period)} on a primary; keep at least 1 day`];
  },
});

export const rdsPrimaryMultiAz = resourceRule({
  id: 'rds-primary-multi-az',
  description: 'RDS primaries run Multi-AZ; read replicas may be single-AZ.',
  checkov: ['CKV_AWS_157'],
  resourceTypes: DB_INSTANCE,
  check: (instance) => (isReadReplica(instance) ? [] : [isTrue(instance.config.multi_az) ? undefined : `multi_az is ${show(instance.config.multi_az)} on a primary; set it to true`]),
});

export const rdsPerformanceInsightsWithCmk = resourceRule({
  id: 'rds-performance-insights-cmk',
  description: 'RDS Performance Insights is on and encrypted with a customer-managed KMS key of the stack.',
  checkov: ['CKV_AWS_353', 'CKV_AWS_354'],
  resourceTypes: DB_INSTANCE,
  check: ({ config }, stack) =>
    isTrue(config.performance_insights_enabled)
      ? [customerManagedKeyProblem('performance_insights_kms_key_id', config.performance_insights_kms_key_id, stack, 'arn')]
      : [`performance_insights_enabled is ${show(config.performance_insights_enabled)}; set it to true with performance_insights_kms_key_id`],
});

export const rdsCopyTagsToSnapshot = resourceRule({
  id: 'rds-copy-tags-to-snapshot',
  description: 'RDS instances copy their tags to snapshots.',
  checkov: ['CKV2_AWS_60'],
  resourceTypes: DB_INSTANCE,
  check: ({ config }) => [isTrue(config.copy_tags_to_snapshot) ? undefined : `copy_tags_to_snapshot is ${show(config.copy_tags_to_snapshot)}; set it to true`],
});

export const rdsAutoMinorUpgrade = resourceRule({
  id: 'rds-auto-minor-upgrade',
  description: 'RDS instances take minor engine upgrades automatically (auto_minor_version_upgrade is not false; the default is true).',
  checkov: ['CKV_AWS_226'],
  resourceTypes: DB_INSTANCE,
  check: ({ config }) => [
    config.auto_minor_version_upgrade === undefined || isTrue(config.auto_minor_version_upgrade)
      ? undefined
      : `auto_minor_version_upgrade is ${show(config.auto_minor_version_upgrade)}; remove it or set it to true`,
  ],
});

export const rdsCaCertificate = resourceRule({
  id: 'rds-ca-certificate',
  description: `RDS instances name a current CA certificate (${MODERN_RDS_CA_CERTIFICATES.join(', ')}).`,
  checkov: ['CKV_AWS_211'],
  resourceTypes: DB_INSTANCE,
  check: ({ config }) => [
    typeof config.ca_cert_identifier === 'string' && MODERN_RDS_CA_CERTIFICATES.includes(config.ca_cert_identifier)
      ? undefined
      : `ca_cert_identifier is ${show(config.ca_cert_identifier)}; set one of ${MODERN_RDS_CA_CERTIFICATES.join(', ')}`,
  ],
});

export const rdsOwnParameterGroup = resourceRule({
  id: 'rds-own-parameter-group',
  description: "RDS instances use a parameter group of the stack (a cross-region replica would otherwise get the engine default, which allows clear-text connections).",
  checkov: ['CKV2_AWS_69'],
  resourceTypes: DB_INSTANCE,
  check: ({ config }, stack) => {
    const reference = referencesResource(config.parameter_group_name, 'aws_db_parameter_group', ['name', 'id']);
    if (!reference) return [`parameter_group_name is ${show(config.parameter_group_name)}; reference an aws_db_parameter_group of this stack`];
    return [stack.resource(reference.type, reference.name) ? undefined : `parameter_group_name references ${reference.address}, which is not in this stack`];
  },
});

export const rdsPrimaryFinalSnapshot = resourceRule({
  id: 'rds-primary-final-snapshot',
  description: 'RDS primaries take a final snapshot when deleted (skip_final_snapshot is not true); read replicas have nothing of their own to keep.',
  resourceTypes: DB_INSTANCE,
  check: (instance) => [
    !isReadReplica(instance) && isTrue(instance.config.skip_final_snapshot) ? 'skip_final_snapshot is true, so deleting the primary keeps no copy of its data; set it to false with a final_snapshot_identifier' : undefined,
  ],
});

export const RDS_INSTANCE_RULES = [
  rdsStorageEncryptedWithCmk,
  rdsNotPublic,
  rdsDeletionProtection,
  rdsIamAuthentication,
  rdsEnhancedMonitoring,
  rdsLogExports,
  rdsPrimaryBackups,
  rdsPrimaryFinalSnapshot,
  rdsPrimaryMultiAz,
  rdsPerformanceInsightsWithCmk,
  rdsCopyTagsToSnapshot,
  rdsAutoMinorUpgrade,
  rdsCaCertificate,
  rdsOwnParameterGroup,
];
