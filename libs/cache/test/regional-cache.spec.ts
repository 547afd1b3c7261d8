import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { ElasticacheParameterGroup } from '@cdktf/provider-aws/lib/elasticache-parameter-group';
import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group';
import { ElasticacheSubnetGroup } from '@cdktf/provider-aws/lib/elasticache-subnet-group';
import { ElasticacheUser } from '@cdktf/provider-aws/lib/elasticache-user';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Testing } from 'cdktf';
import { RegionalCache } from '../src';
import { cacheProps, logicalIdOf, settingsWith, single, synthCache, topology, westRegion } from './fixture';

describe('RegionalCache', () => {
  const { synth, resources, cache } = synthCache();
  const group = single(resources, 'aws_elasticache_replication_group');

  describe('availability', () => {
    it('is Multi-AZ with automatic failover and the topology node count and type', () => {
      expect(synth).toHaveResourceWithProperties(ElasticacheReplicationGroup, {
        replication_group_id: westRegion.names.cacheReplicationGroup,
        multi_az_enabled: true,
        automatic_failover_enabled: true,
        num_cache_clusters: topology.cache.numCacheClusters,
        node_type: 'cache.t3.micro',
        engine: 'redis',
        engine_version: topology.cache.engineVersion,
      });
      expect(topology.cache.numCacheClusters).toBeGreaterThanOrEqual(2);
    });

    it('places each node in a different availability zone of the region', () => {
      const zones = group['preferred_cache_cluster_azs'] as string[];
      expect(zones).toHaveLength(topology.cache.numCacheClusters);
      expect(new Set(zones).size).toBe(zones.length);
      zones.forEach((zone) => expect(westRegion.availabilityZones).toContain(zone));
    });

    it('names the member clusters the way ElastiCache does, for per-node alarms', () => {
      expect(cache.memberClusterIds).toEqual(['xyz-prod-redis-usw2-001', 'xyz-prod-redis-usw2-002']);
    });

    it('takes daily snapshots kept as long as the topology says, and a final one on deletion', () => {
      expect(synth).toHaveResourceWithProperties(ElasticacheReplicationGroup, {
        snapshot_retention_limit: topology.cache.snapshotRetentionDays,
        snapshot_window: topology.cache.snapshotWindow,
        final_snapshot_identifier: 'xyz-prod-redis-usw2-final',
      });
    });
  });

  describe('encryption', () => {
    it('encrypts at rest with the region key, not an AWS-owned key', () => {
      expect(group['at_rest_encryption_enabled']).toBe('true');
      expect(group['kms_key_id']).toBe('${aws_kms_key.key.arn}');
    });

    it('requires TLS for every connection', () => {
      expect(group['transit_encryption_enabled']).toBe(true);
      expect(group['transit_encryption_mode']).toBe('required');
    });
  });

  describe('authentication', () => {
    const users = Object.values(resources['aws_elasticache_user']);
    const userGroupId = logicalIdOf(resources, 'aws_elasticache_user_group', () => true);

    it('attaches an RBAC user group instead of an auth token', () => {
      expect(group['user_group_ids']).toEqual([`\${aws_elasticache_user_group.${userGroupId}.user_group_id}`]);
      expect(group).not.toHaveProperty('auth_token');
    });

    it('switches the mandatory default user off', () => {
      expect(synth).toHaveResourceWithProperties(ElasticacheUser, {
        user_name: 'default',
        access_string: 'off -@all',
        authentication_mode: { type: 'no-password-required' },
      });
    });

    it('authenticates the application user through IAM, whose name must equal its id', () => {
      expect(synth).toHaveResourceWithProperties(ElasticacheUser, {
        user_id: 'xyz-prod-redis-usw2-app',
        user_name: 'xyz-prod-redis-usw2-app',
        authentication_mode: { type: 'iam' },
      });
      expect(cache.applicationUserName).toBe('xyz-prod-redis-usw2-app');
    });

    it('puts no password or token anywhere in the configuration, so none can reach the state', () => {
      users.forEach((user) => {
        expect(user).not.toHaveProperty('passwords');
        expect(user['authentication_mode']).not.toHaveProperty('passwords');
      });
      expect(synth).not.toMatch(/"(auth_token|passwords?|secret_string)"/);
    });

    it('grants elasticache:Connect on this cache and this user only', () => {
      const withRole = Testing.synthScope((scope) => {
        const regional = new RegionalCache(scope, 'cache', cacheProps(scope));
        regional.grantConnect('app', new IamRole(scope, 'role', { name: 'app', assumeRolePolicy: '{}' }));
      });
      expect(withRole).toHaveResourceWithProperties(IamRolePolicy, { role: '${aws_iam_role.role.name}' });
      const synthesized = JSON.parse(withRole).resource;
      const policy = JSON.parse(single(synthesized, 'aws_iam_role_policy')['policy'] as string);
      const groupId = logicalIdOf(synthesized, 'aws_elasticache_replication_group', () => true);
      const userId = logicalIdOf(synthesized, 'aws_elasticache_user', (r) => r['user_name'] !== 'default');
      expect(policy.Statement).toEqual([
        {
          Sid: 'ConnectAsTheApplicationUser',
          Effect: 'Allow',
          Action: 'elasticache:Connect',
          Resource: [
            `\${aws_elasticache_replication_group.${groupId}.arn}`,
            `\${aws_elasticache_user.${userId}.arn}`,
          ],
        },
      ]);
    });
  });

  describe('network', () => {
    const securityGroupId = logicalIdOf(resources, 'aws_security_group', () => true);

    it('uses only the private subnets it is given', () => {
      expect(synth).toHaveResourceWithProperties(ElasticacheSubnetGroup, {
        name: westRegion.names.cacheSubnetGroup,
        subnet_ids: ['subnet-0aaa', 'subnet-0bbb', 'subnet-0ccc'],
      });
    });

    it('runs in its own security group', () => {
      expect(group['security_group_ids']).toEqual([`\${aws_security_group.${securityGroupId}.id}`]);
    });

    it('admits only the client security group, on 6379 only', () => {
      const rules = Object.values(resources['aws_vpc_security_group_ingress_rule']);
      expect(rules).toEqual([
        expect.objectContaining({
          security_group_id: `\${aws_security_group.${securityGroupId}.id}`,
          referenced_security_group_id: 'sg-0app',
          ip_protocol: 'tcp',
          from_port: 6379,
          to_port: 6379,
        }),
      ]);
      rules.forEach((rule) => {
        expect(rule).not.toHaveProperty('cidr_ipv4');
        expect(rule).not.toHaveProperty('cidr_ipv6');
        expect(rule).not.toHaveProperty('prefix_list_id');
      });
    });

    it('opens nothing to an address range and declares no egress', () => {
      expect(synth).not.toContain('0.0.0.0/0');
      expect(synth).not.toContain('::/0');
      expect(resources['aws_vpc_security_group_egress_rule']).toBeUndefined();
      const securityGroup = single(resources, 'aws_security_group');
      expect(securityGroup).not.toHaveProperty('ingress');
      expect(securityGroup).not.toHaveProperty('egress');
    });

    it('admits each client security group with a rule of its own', () => {
      const { resources: twoClients } = synthCache(() => ({ clientSecurityGroupIds: ['sg-0app', 'sg-0jobs'] }));
      const referenced = Object.values(twoClients['aws_vpc_security_group_ingress_rule']).map((r) => r['referenced_security_group_id']);
      expect(referenced).toEqual(['sg-0app', 'sg-0jobs']);
    });
  });

  describe('logs and settings', () => {
    it('delivers the slow log and the engine log to CloudWatch Logs', () => {
      const slowLog = logicalIdOf(resources, 'aws_cloudwatch_log_group', (r) => String(r['name']).endsWith('/slow-log'));
      const engineLog = logicalIdOf(resources, 'aws_cloudwatch_log_group', (r) => String(r['name']).endsWith('/engine-log'));
      expect(group['log_delivery_configuration']).toEqual([
        { log_type: 'slow-log', destination_type: 'cloudwatch-logs', destination: `\${aws_cloudwatch_log_group.${slowLog}.name}`, log_format: 'json' },
        { log_type: 'engine-log', destination_type: 'cloudwatch-logs', destination: `\${aws_cloudwatch_log_group.${engineLog}.name}`, log_format: 'json' },
      ]);
    });

    it('encrypts the log groups with the region key and expires them', () => {
      Object.values(resources['aws_cloudwatch_log_group']).forEach((logGroup) => {
        expect(logGroup['kms_key_id']).toBe('${aws_kms_key.key.arn}');
        expect(logGroup['retention_in_days']).toBe(365);
      });
      const { synth: shortRetention } = synthCache(() => ({ logRetentionDays: 30 }));
      expect(shortRetention).toHaveResourceWithProperties(CloudwatchLogGroup, { retention_in_days: 30 });
    });

    it('uses its own parameter group of the engine family', () => {
      const parameterGroup = logicalIdOf(resources, 'aws_elasticache_parameter_group', () => true);
      expect(synth).toHaveResourceWithProperties(ElasticacheParameterGroup, { name: westRegion.names.cacheParameterGroup, family: 'redis7' });
      expect(group['parameter_group_name']).toBe(`\${aws_elasticache_parameter_group.${parameterGroup}.name}`);
    });

    it('applies changes in the maintenance window unless told otherwise', () => {
      expect(group['apply_immediately']).toBe(false);
      expect(group['auto_minor_version_upgrade']).toBe('true');
    });
  });

  describe('refuses configurations that would weaken it', () => {
    it.each([
      ['a single subnet', () => ({ subnetIds: ['subnet-0aaa'] }), 'subnetIds needs at least 2 private subnets'],
      ['no client security group', () => ({ clientSecurityGroupIds: [] }), 'clientSecurityGroupIds is empty'],
      ['a single node', () => ({ settings: settingsWith({ numCacheClusters: 1 }) }), 'numCacheClusters must be at least 2'],
      ['Redis 6, which has no IAM authentication', () => ({ settings: settingsWith({ engineVersion: '6.2' }) }), 'IAM authentication needs Redis 7.0'],
    ])('%s', (_, overrides, message) => {
      expect(() => synthCache(overrides)).toThrow(message);
    });
  });
});
