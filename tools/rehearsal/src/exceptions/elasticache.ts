import { removeResourceTypes } from '../stack-edits';
import type { MotoException } from './types';

export const cacheParameterGroup: MotoException = {
  id: 'elasticache-parameter-group',
  affects: 'aws_elasticache_parameter_group',
  motoDoes: 'CreateCacheParameterGroup is not implemented: HTTP 500 with a non-XML body',
  rehearsalDoes: 'leaves the group out; the replication group runs with the engine default group',
  adjustStack: (json) => removeResourceTypes(json, ['aws_elasticache_parameter_group']).map((address) => `left out ${address}`),
};

export const cacheUserGroup: MotoException = {
  id: 'elasticache-user-group',
  affects: 'aws_elasticache_user_group, aws_elasticache_user_group_association',
  motoDoes: 'CreateUserGroup is not implemented: HTTP 500 with a non-XML body (CreateUser works)',
  rehearsalDoes: 'leaves the user group out; the replication group is created without user_group_ids',
  adjustStack: (json) => removeResourceTypes(json, ['aws_elasticache_user_group', 'aws_elasticache_user_group_association']).map((address) => `left out ${address}`),
};

export const cacheClusterCount: MotoException = {
  id: 'elasticache-cluster-count',
  affects: 'aws_elasticache_replication_group (num_cache_clusters, cluster mode disabled)',
  motoDoes: 'ignores NumCacheClusters of CreateReplicationGroup unless ReplicasPerNodeGroup is given: a group asked for 2 cache clusters gets 1 member',
  rehearsalDoes: 'the region gate adds ReplicasPerNodeGroup = NumCacheClusters - 1 to CreateReplicationGroup requests that give only NumCacheClusters (the same group, said the way moto reads it)',
  patchExchange: (request) => {
    if (request.service !== 'elasticache') return undefined;
    const params = new URLSearchParams(request.body);
    const clusters = Number(params.get('NumCacheClusters'));
    if (params.get('Action') !== 'CreateReplicationGroup' || !(clusters > 1) || params.has('ReplicasPerNodeGroup')) return undefined;
    params.set('ReplicasPerNodeGroup', String(clusters - 1));
    return { requestBody: params.toString(), detail: `${request.region}/${params.get('ReplicationGroupId') ?? '?'}` };
  },
};

/** The settings each replication group was created with, by region/group id, as the request gave them. */
const cacheGroups = new Map<string, URLSearchParams>();

/** The member clusters of a group created with cluster mode disabled: <group>-001, -002, ... */
function memberIds(group: URLSearchParams): string[] {
  const count = Number(group.get('NumCacheClusters') ?? 1);
  return Array.from({ length: count }, (_, index) => `${group.get('ReplicationGroupId') ?? ''}-${String(index + 1).padStart(3, '0')}`);
}

/** The same list parameter under another name: SecurityGroupIds.member.1, ... */
function copyList(from: URLSearchParams, to: URLSearchParams, name: string): void {
  for (const [key, value] of from) if (key.startsWith(`${name}.`)) to.set(key, value);
}

/** CreateCacheCluster of one member, with what the provider reads back from a group's first member. */
function memberRequest(group: URLSearchParams, id: string, index: number): string {
  const member = new URLSearchParams({ Action: 'CreateCacheCluster', Version: '2015-02-02', CacheClusterId: id, NumCacheNodes: '1' });
  member.set('ReplicationGroupId', group.get('ReplicationGroupId') ?? '');
  for (const name of ['CacheNodeType', 'Engine', 'EngineVersion', 'CacheSubnetGroupName', 'Port', 'PreferredMaintenanceWindow', 'SnapshotWindow', 'SnapshotRetentionLimit', 'AutoMinorVersionUpgrade', 'TransitEncryptionEnabled', 'NetworkType', 'IpDiscovery']) {
    const value = group.get(name);
    if (value !== null) member.set(name, value);
  }
  copyList(group, member, 'SecurityGroupIds');
  const zone = group.get(`PreferredCacheClusterAZs.member.${index + 1}`) ?? group.get(`PreferredCacheClusterAZs.AvailabilityZone.${index + 1}`);
  if (zone) member.set('PreferredAvailabilityZone', zone);
  return member.toString();
}

/** Adds, to each member cluster of a known group, the group settings moto does not answer for a cache cluster. */
function addGroupSettings(region: string, xml: string): string {
  return xml.replace(/<CacheCluster>[\s\S]*?<\/CacheCluster>/g, (cluster) => {
    const groupId = /<ReplicationGroupId>([^<]*)<\/ReplicationGroupId>/.exec(cluster)?.[1];
    const group = groupId ? cacheGroups.get(`${region}/${groupId}`) : undefined;
    if (!group) return cluster;
    const securityGroups = [...group.entries()].filter(([key]) => key.startsWith('SecurityGroupIds.')).map(([, id]) => `<member><SecurityGroupId>${id}</SecurityGroupId><Status>active</Status></member>`);
    const extra = [
      `<AtRestEncryptionEnabled>${group.get('AtRestEncryptionEnabled') === 'true'}</AtRestEncryptionEnabled>`,
      ...(group.get('TransitEncryptionMode') ? [`<TransitEncryptionMode>${group.get('TransitEncryptionMode')}</TransitEncryptionMode>`] : []),
      ...(securityGroups.length > 0 ? [`<SecurityGroups>${securityGroups.join('')}</SecurityGroups>`] : []),
    ].filter((element) => !cluster.includes(element.slice(0, element.indexOf('>') + 1)));
    return cluster.replace('</CacheCluster>', `${extra.join('')}</CacheCluster>`);
  });
}

export const cacheMemberClusters: MotoException = {
  id: 'elasticache-member-clusters',
  affects: 'aws_elasticache_replication_group (cluster mode disabled)',
  motoDoes:
    "CreateReplicationGroup lists member clusters <group>-00N but creates no cache clusters, so DescribeCacheClusters does not know them (the provider reads a group's subnet group, security groups, encryption and maintenance settings from its first member, and fails with CacheClusterNotFound)",
  rehearsalDoes:
    "when a CreateReplicationGroup passes the region gate, the gate first creates each member with CreateCacheCluster from the group's own request (node type, engine, subnet group, security groups, transit encryption, windows, zone), and adds to DescribeCacheClusters answers for those members what moto leaves out of them: the group's at-rest encryption and transit encryption mode (CreateCacheCluster cannot take them) and the security groups (moto keeps them but does not answer them)",
  patchExchange: async (request, moto) => {
    if (request.service !== 'elasticache') return undefined;
    const params = new URLSearchParams(request.body);
    const action = params.get('Action');
    if (action === 'CreateReplicationGroup' && !params.get('NumNodeGroups')) {
      const key = `${request.region}/${params.get('ReplicationGroupId') ?? ''}`;
      cacheGroups.set(key, params);
      const ids = memberIds(params);
      for (const [index, id] of ids.entries()) {
        const answer = await moto.send(request.region, 'elasticache', memberRequest(params, id, index));
        if (answer.status >= 300 && !answer.body.includes('CacheClusterAlreadyExists')) throw new Error(`CreateCacheCluster ${id} in ${request.region}: HTTP ${answer.status}: ${answer.body.slice(0, 300)}`);
      }
      return { detail: `${key}: ${ids.length} member clusters` };
    }
    if (action === 'DescribeCacheClusters' && [...cacheGroups.keys()].some((key) => key.startsWith(`${request.region}/`))) {
      return { rewriteResponse: (xml) => addGroupSettings(request.region, xml), detail: `${request.region}: member settings` };
    }
    return undefined;
  },
};
