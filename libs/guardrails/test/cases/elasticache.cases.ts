import { patch } from '../compliant-stack';
import type { AreaCases } from './rule-case';

const GROUP = 'aws_elasticache_replication_group.cache';
const DEFAULT_USER = 'aws_elasticache_user.default_user';

export const ELASTICACHE_CASES: AreaCases = {
  area: 'ElastiCache',
  failing: [
    { rule: 'elasticache-at-rest-cmk', title: 'at-rest encryption off', change: (s) => patch(s, GROUP, { at_rest_encryption_enabled: 'false' }), address: GROUP, message: /^at_rest_encryption_enabled is "false"; set it to true$/ },
    { rule: 'elasticache-at-rest-cmk', title: 'at-rest encryption with the default key', change: (s) => patch(s, GROUP, { kms_key_id: undefined }), address: GROUP, message: /^kms_key_id is not set/ },
    { rule: 'elasticache-at-rest-cmk', title: 'an alias where only an ARN is accepted', change: (s) => patch(s, GROUP, { kms_key_id: '${aws_kms_alias.data.arn}' }), address: GROUP, message: /^kms_key_id references aws_kms_alias\.data\.arn, which is not a KMS key the argument accepts/ },
    { rule: 'elasticache-transit-encryption', title: 'transit encryption off', change: (s) => patch(s, GROUP, { transit_encryption_enabled: false, transit_encryption_mode: undefined }), address: GROUP, message: /^transit_encryption_enabled is false/ },
    { rule: 'elasticache-transit-encryption', title: 'transit encryption only preferred', change: (s) => patch(s, GROUP, { transit_encryption_mode: 'preferred' }), address: GROUP, message: /^transit_encryption_mode is "preferred"/ },
    { rule: 'elasticache-multi-az-failover', title: 'automatic failover off', change: (s) => patch(s, GROUP, { automatic_failover_enabled: false }), address: GROUP, message: /^automatic_failover_enabled is false/ },
    { rule: 'elasticache-multi-az-failover', title: 'single-AZ', change: (s) => patch(s, GROUP, { multi_az_enabled: undefined }), address: GROUP, message: /^multi_az_enabled is not set/ },
    { rule: 'elasticache-multi-az-failover', title: 'a single node', change: (s) => patch(s, GROUP, { num_cache_clusters: 1 }), address: GROUP, message: /^num_cache_clusters is 1 and replicas_per_node_group is not set; failover needs at least one replica$/ },
    { rule: 'elasticache-rbac', title: 'no user group', change: (s) => patch(s, GROUP, { user_group_ids: undefined }), address: GROUP, message: /^user_group_ids is not set; without a user group/ },
    { rule: 'elasticache-rbac', title: 'a user group named literally', change: (s) => patch(s, GROUP, { user_group_ids: ['shared-users'] }), address: GROUP, message: /^user_group_ids contains "shared-users"; reference an aws_elasticache_user_group of this stack$/ },
    { rule: 'elasticache-rbac', title: 'a user group of another stack', change: (s) => patch(s, GROUP, { user_group_ids: ['${aws_elasticache_user_group.other.user_group_id}'] }), address: GROUP, message: /references aws_elasticache_user_group\.other, which is not in this stack$/ },
    { rule: 'elasticache-no-open-user', title: 'the default user switched on without a password', change: (s) => patch(s, DEFAULT_USER, { access_string: 'on ~* +@all' }), address: DEFAULT_USER, message: /^the user needs no password and its access_string is "on ~\* \+@all"/ },
    { rule: 'elasticache-no-open-user', title: 'the legacy no_password_required flag on an enabled user', change: (s) => patch(s, DEFAULT_USER, { authentication_mode: undefined, no_password_required: true, access_string: 'on ~app:* +get' }), address: DEFAULT_USER, message: /^the user needs no password/ },
    { rule: 'elasticache-backups', title: 'no snapshots', change: (s) => patch(s, GROUP, { snapshot_retention_limit: 0 }), address: GROUP, message: /^snapshot_retention_limit is 0; keep at least 1 day$/ },
  ],
  passing: [
    { title: 'cluster mode with one replica per shard', change: (s) => patch(s, GROUP, { num_cache_clusters: undefined, num_node_groups: 2, replicas_per_node_group: 1 }) },
    { title: 'transit_encryption_mode left to its default', change: (s) => patch(s, GROUP, { transit_encryption_mode: undefined }) },
    { title: 'a user group referenced by id', change: (s) => patch(s, GROUP, { user_group_ids: ['${aws_elasticache_user_group.users.id}'] }) },
    { title: 'a disabled user written as just "off"', change: (s) => patch(s, DEFAULT_USER, { access_string: 'off' }) },
  ],
};
