import { customerManagedKeyProblem } from '../engine/customer-managed-key';
import { parseReference } from '../engine/references';
import { resourceRule } from '../engine/rule';
import { asNumber, block, isTrue, show, stringList } from '../engine/values';

const REPLICATION_GROUP = ['aws_elasticache_replication_group'];

export const elasticacheAtRestWithCmk = resourceRule({
  id: 'elasticache-at-rest-cmk',
  description: 'ElastiCache replication groups encrypt data at rest with a customer-managed KMS key of the stack.',
  checkov: ['CKV_AWS_29', 'CKV_AWS_191'],
  resourceTypes: REPLICATION_GROUP,
  check: ({ config }, stack) => [
    isTrue(config.at_rest_encryption_enabled) ? undefined : `at_rest_encryption_enabled is ${show(config.at_rest_encryption_enabled)}; set it to true`,
    customerManagedKeyProblem('kms_key_id', config.kms_key_id, stack, 'arn'),
  ],
});

export const elasticacheTransitEncryption = resourceRule({
  id: 'elasticache-transit-encryption',
  description: 'ElastiCache replication groups require TLS (transit_encryption_enabled, and transit_encryption_mode not "preferred").',
  checkov: ['CKV_AWS_30'],
  resourceTypes: REPLICATION_GROUP,
  check: ({ config }) => [
    isTrue(config.transit_encryption_enabled) ? undefined : `transit_encryption_enabled is ${show(config.transit_encryption_enabled)}; set it to true`,
    config.transit_encryption_mode === 'preferred' ? 'transit_encryption_mode is "preferred", which still accepts clear-text clients; set it to "required"' : undefined,
  ],
});

export const elasticacheMultiAzFailover = resourceRule({
  id: 'elasticache-multi-az-failover',
  description: 'ElastiCache replication groups are Multi-AZ with automatic failover and at least one replica.',
  checkov: ['CKV2_AWS_50'],
  resourceTypes: REPLICATION_GROUP,
  check: ({ config }) => {
    const clusters = asNumber(config.num_cache_clusters);
    const replicasPerShard = asNumber(config.replicas_per_node_group);
    const hasReplica = (clusters !== undefined && clusters >= 2) || (replicasPerShard !== undefined && replicasPerShard >= 1);
    return [
      isTrue(config.automatic_failover_enabled) ? undefined : `automatic_failover_enabled is ${show(config.automatic_failover_enabled)}; set it to true`,
      isTrue(config.multi_az_enabled) ? undefined : `multi_az_enabled is ${show(config.multi_az_enabled)}; set it to true`,
      hasReplica
        ? undefined
        : `num_cache_clusters is ${show(config.num_cache_clusters)} and replicas_per_node_group is ${show(config.replicas_per_node_group)}; failover needs at least one replica`,
    ];
  },
});

export const elasticacheRoleBasedAuthentication = resourceRule({
  id: 'elasticache-rbac',
  description: 'ElastiCache replication groups authenticate clients through user groups of the stack (role-based access control).',
  checkov: ['CKV_AWS_31'],
  resourceTypes: REPLICATION_GROUP,
  check: ({ config }, stack) => {
    const groups = stringList(config.user_group_ids);
    if (groups.length === 0) return [`user_group_ids is ${show(config.user_group_ids)}; without a user group any client that reaches the port is in`];
    return groups.map((value) => {
      const reference = parseReference(value);
      if (reference?.mode !== 'resource' || reference.type !== 'aws_elasticache_user_group' || !['user_group_id', 'id'].includes(reference.attribute)) {
        return `user_group_ids contains ${show(value)}; reference an aws_elasticache_user_group of this stack`;
      }
      return stack.resource(reference.type, reference.name) ? undefined : `user_group_ids references ${reference.address}, which is not in this stack`;
    });
  },
});

export const elasticacheNoOpenUser = resourceRule({
  id: 'elasticache-no-open-user',
  description: 'An ElastiCache user that needs no password or IAM token is switched off (access string starts with "off").',
  resourceTypes: ['aws_elasticache_user'],
  check: ({ config }) => {
    const passwordless = block(config.authentication_mode)?.type === 'no-password-required' || isTrue(config.no_password_required);
    const accessString = typeof config.access_string === 'string' ? config.access_string.trim() : '';
    return [passwordless && !/^off(\s|$)/.test(accessString) ? `the user needs no password and its access_string is ${show(config.access_string)}; start it with "off" or require IAM authentication` : undefined];
  },
});

export const elasticacheBackups = resourceRule({
  id: 'elasticache-backups',
  description: 'ElastiCache replication groups keep automatic snapshots (snapshot_retention_limit > 0).',
  checkov: ['CKV_AWS_134'],
  resourceTypes: REPLICATION_GROUP,
  check: ({ config }) => {
    const days = asNumber(config.snapshot_retention_limit);
    return [days !== undefined && days > 0 ? undefined : `snapshot_retention_limit is ${show(config.snapshot_retention_limit)}; keep at least 1 day`];
  },
});

export const ELASTICACHE_RULES = [
  elasticacheAtRestWithCmk,
  elasticacheTransitEncryption,
  elasticacheMultiAzFailover,
  elasticacheRoleBasedAuthentication,
  elasticacheNoOpenUser,
  elasticacheBackups,
];
