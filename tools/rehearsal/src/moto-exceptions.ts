import { CopyObjectCommand } from '@aws-sdk/client-s3';
import { CreateCacheClusterCommand } from '@aws-sdk/client-elasticache';
import { CreateDBSubnetGroupCommand, DescribeDBSubnetGroupsCommand } from '@aws-sdk/client-rds';
import { stateLocation, type Topology } from '@xyz/topology';
import type { EmulatorClients } from './emulator-clients';
import type { RegionGate } from './region-gate';
import { regionOf, removeResourceTypes, resourcesOf, type SynthesizedJson } from './synthesized-json';

export interface ExceptionContext {
  readonly topology: Topology;
  readonly clients: EmulatorClients;
  readonly gate: RegionGate;
  /** Stacks whose state still has to be copied to a region that was down. */
  readonly replicationBacklog: Set<string>;
}

/**
 * Something moto does not model, what it does instead, and what the rehearsal does about it.
 * Every exception is applied only through the hooks below, and every run prints the list.
 */
export interface MotoException {
  readonly id: string;
  /** The resource types or the behaviour concerned. */
  readonly affects: string;
  /** What moto does (observed against moto's server). */
  readonly motoDoes: string;
  /** What the rehearsal does instead. */
  readonly rehearsalDoes: string;
  /** Adjusts a synthesized stack before it is applied; returns what it changed. */
  adjustStack?(json: SynthesizedJson): string[];
  /** Runs before a stack is applied (after adjustStack); returns what it did. */
  beforeApply?(json: SynthesizedJson, context: ExceptionContext): Promise<string[]>;
  /** Runs before the DR runbook is run (it creates cross-region replicas too); returns what it did. */
  beforeRunbook?(context: ExceptionContext): Promise<string[]>;
  /** Runs after a write of a stack's state to its S3 backend; returns what it did. */
  afterStateWrite?(stackName: string, context: ExceptionContext): Promise<string[]>;
  /**
   * Sees every request the region gate forwards to moto; may change the request body moto gets,
   * add headers to its answer or rewrite the answer. Undefined leaves the exchange as it is.
   */
  patchExchange?(request: GateRequest): ExchangePatch | undefined;
}

/** A request as the region gate forwards it. */
export interface GateRequest {
  readonly region: string;
  readonly service: string;
  readonly method: string;
  readonly path: string;
  /** The query string without its `?`. */
  readonly query: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The request body as text (form-encoded for the query protocols). */
  readonly body: string;
}

export interface ExchangePatch {
  /** The request body moto gets instead of the one sent. */
  readonly requestBody?: string;
  /** Headers added to moto's answer. */
  readonly headers?: Record<string, string>;
  /** Rewrites the body of moto's answer. */
  readonly rewriteResponse?: (body: string) => string;
  /** What was patched, for the summary (recorded once per distinct detail). */
  readonly detail: string;
}

const cacheParameterGroup: MotoException = {
  id: 'elasticache-parameter-group',
  affects: 'aws_elasticache_parameter_group',
  motoDoes: 'CreateCacheParameterGroup is not implemented: HTTP 500 with a non-XML body',
  rehearsalDoes: 'leaves the group out; the replication group runs with the engine default group',
  adjustStack: (json) => removeResourceTypes(json, ['aws_elasticache_parameter_group']).map((address) => `left out ${address}`),
};

const cacheUserGroup: MotoException = {
  id: 'elasticache-user-group',
  affects: 'aws_elasticache_user_group, aws_elasticache_user_group_association',
  motoDoes: 'CreateUserGroup is not implemented: HTTP 500 with a non-XML body (CreateUser works)',
  rehearsalDoes: 'leaves the user group out; the replication group is created without user_group_ids',
  adjustStack: (json) => removeResourceTypes(json, ['aws_elasticache_user_group', 'aws_elasticache_user_group_association']).map((address) => `left out ${address}`),
};

const cacheMemberClusters: MotoException = {
  id: 'elasticache-member-clusters',
  affects: 'aws_elasticache_replication_group',
  motoDoes: 'CreateReplicationGroup lists member clusters <group>-00N but DescribeCacheClusters does not know them, so the provider fails reading the group back (CacheClusterNotFound)',
  rehearsalDoes: 'registers each member cluster with CreateCacheCluster (same engine, version, node type and zone) before the apply',
  beforeApply: async (json, { clients }) => {
    const done: string[] = [];
    for (const [, group] of resourcesOf(json, 'aws_elasticache_replication_group')) {
      const region = regionOf(json, group);
      const zones = (group.preferred_cache_cluster_azs as string[] | undefined) ?? [];
      for (let i = 1; i <= Number(group.num_cache_clusters ?? 1); i += 1) {
        const id = `${String(group.replication_group_id)}-${String(i).padStart(3, '0')}`;
        try {
          await clients.elasticache(region).send(
            new CreateCacheClusterCommand({
              CacheClusterId: id,
              ReplicationGroupId: String(group.replication_group_id),
              Engine: String(group.engine ?? 'redis'),
              EngineVersion: String(group.engine_version),
              CacheNodeType: String(group.node_type),
              NumCacheNodes: 1,
              PreferredAvailabilityZone: zones[i - 1],
            }),
          );
          done.push(`${region}: registered ${id}`);
        } catch (error) {
          if ((error as { name?: string }).name !== 'CacheClusterAlreadyExistsFault' && (error as { name?: string }).name !== 'CacheClusterAlreadyExists') throw error;
        }
      }
    }
    return done;
  },
};

const TRANSITION_SIZE_HEADER = 'x-amz-transition-default-minimum-object-size';

/** The transition size each bucket's last PutBucketLifecycleConfiguration asked for, by region/bucket. */
const transitionSizes = new Map<string, string>();

const lifecycleTransitionSize: MotoException = {
  id: 's3-lifecycle-transition-size',
  affects: 'aws_s3_bucket_lifecycle_configuration',
  motoDoes:
    'ignores the x-amz-transition-default-minimum-object-size header of PutBucketLifecycleConfiguration and leaves it out of GetBucketLifecycleConfiguration, so the provider waits for the setting it sent (all_storage_classes_128K) until its 3-minute timeout',
  rehearsalDoes: 'the region gate remembers the header each bucket was given and adds it to that bucket\'s GetBucketLifecycleConfiguration answers, as S3 does',
  patchExchange: (request) => {
    if (request.service !== 's3' || !/(^|&)lifecycle(=|&|$)/.test(request.query)) return undefined;
    const bucket = `${request.region}/${request.path.split('/')[1] ?? ''}`;
    const sent = request.headers[TRANSITION_SIZE_HEADER];
    if (request.method === 'PUT' && typeof sent === 'string') transitionSizes.set(bucket, sent);
    const remembered = transitionSizes.get(bucket);
    if (request.method !== 'GET' || !remembered) return undefined;
    return { headers: { [TRANSITION_SIZE_HEADER]: remembered }, detail: bucket };
  },
};

/** Instances moto was asked to promote, as region/identifier, until a new instance takes the identifier. */
const promotedInstances = new Set<string>();

/** Tracks promotions, renames and re-creations of instances from the RDS calls that pass the gate. */
function trackPromotions(region: string, params: URLSearchParams): void {
  const id = params.get('DBInstanceIdentifier');
  if (!id) return;
  const action = params.get('Action');
  if (action === 'PromoteReadReplica') promotedInstances.add(`${region}/${id}`);
  if (action === 'CreateDBInstanceReadReplica' || action === 'CreateDBInstance' || action === 'DeleteDBInstance') promotedInstances.delete(`${region}/${id}`);
  const renamedTo = params.get('NewDBInstanceIdentifier');
  if (action === 'ModifyDBInstance' && renamedTo && promotedInstances.delete(`${region}/${id}`)) promotedInstances.add(`${region}/${renamedTo}`);
}

/** Removes the source from each promoted instance in an RDS answer. */
function forgetPromotedSources(region: string, xml: string): string {
  return xml.replace(/<DBInstance>[\s\S]*?<\/DBInstance>/g, (instance) => {
    const id = /<DBInstanceIdentifier>([^<]*)<\/DBInstanceIdentifier>/.exec(instance)?.[1];
    return id && promotedInstances.has(`${region}/${id}`) ? instance.replace(/<ReadReplicaSourceDBInstanceIdentifier>[^<]*<\/ReadReplicaSourceDBInstanceIdentifier>/, '') : instance;
  });
}

const rdsPromotionKeepsSource: MotoException = {
  id: 'rds-promotion-keeps-source',
  affects: 'PromoteReadReplica (the runbook\'s failover and failback; the provider reading a promoted aws_db_instance)',
  motoDoes:
    'marks the instance as no longer a replica but keeps answering ReadReplicaSourceDBInstanceIdentifier with the old source in DescribeDBInstances, so every reader (the runbook\'s wait for the promotion, the provider\'s replicate_source_db) still sees a replica',
  rehearsalDoes:
    'the region gate notes each PromoteReadReplica that passes (until a new instance takes the identifier) and leaves ReadReplicaSourceDBInstanceIdentifier out of moto\'s answers for those instances, as RDS does once a promotion is done',
  patchExchange: (request) => {
    if (request.service !== 'rds') return undefined;
    trackPromotions(request.region, new URLSearchParams(request.body));
    const promoted = [...promotedInstances].filter((entry) => entry.startsWith(`${request.region}/`));
    if (promoted.length === 0) return undefined;
    return { rewriteResponse: (xml) => forgetPromotedSources(request.region, xml), detail: promoted.join(', ') };
  },
};

const cacheClusterCount: MotoException = {
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

const stateReplication: MotoException = {
  id: 's3-replication',
  affects: 'aws_s3_bucket_replication_configuration (the state buckets)',
  motoDoes: 'stores the replication configuration and returns it, but never copies an object',
  rehearsalDoes: "after each apply, copies the stack's state object to every other region's state bucket with CopyObject, re-encrypted with that region's key, as S3 replication would; a copy to a region that is down waits until it is back",
  afterStateWrite: async (stackName, context) => replicateState(stackName, context),
};

async function replicateState(stackName: string, { topology, clients, gate, replicationBacklog }: ExceptionContext): Promise<string[]> {
  const done: string[] = [];
  const sources = new Set([stackName, ...replicationBacklog]);
  replicationBacklog.clear();
  for (const stack of sources) {
    const source = stateLocation(topology, stack);
    for (const store of topology.stateBackend.stores) {
      if (store.region === source.region) continue;
      if (gate.isDown(store.region) || gate.isDown(source.region)) {
        replicationBacklog.add(stack);
        done.push(`${stack} -> ${store.region}: waits (region down)`);
        continue;
      }
      await clients.s3(store.region).send(
        new CopyObjectCommand({
          Bucket: store.bucket,
          Key: source.key,
          CopySource: `${source.bucket}/${source.key}`,
          ServerSideEncryption: 'aws:kms',
          SSEKMSKeyId: store.kmsAliasArn,
        }),
      );
      done.push(`${stack} -> ${store.bucket}`);
    }
  }
  return done;
}

/** The condition operators moto evaluates in a bucket policy; it reads a statement with any other as if its condition held. */
const MOTO_CONDITION_OPERATORS = ['StringEquals'];

interface PolicyStatement {
  readonly Effect?: string;
  readonly Condition?: Record<string, unknown>;
}

const conditionalDenies: MotoException = {
  id: 's3-bucket-policy-conditions',
  affects: 'aws_s3_bucket_policy (TLS-only and SSE-KMS-only statements of the state and log buckets)',
  motoDoes:
    'evaluates bucket policies on object requests but only the StringEquals operator: a Deny whose condition uses Bool or StringNotEquals is read as unconditional, so every HEAD/GET/PUT of state is refused (403); it also fails PutBucketLogging with HTTP 500 when the target bucket\'s policy has a string Principal "*"',
  rehearsalDoes:
    "applies the bucket policies without those Deny statements, and enforces their upload rule itself: the region gate records every PutObject to a state bucket and the run fails unless each one asks for aws:kms with that region's state key (TLS cannot be checked: moto speaks plain HTTP)",
  adjustStack: (json) => {
    const changed: string[] = [];
    for (const [name, policy] of resourcesOf(json, 'aws_s3_bucket_policy')) {
      const document = JSON.parse(String(policy.policy)) as { Statement: PolicyStatement[] };
      const kept = document.Statement.filter(
        (statement) => statement.Effect !== 'Deny' || !statement.Condition || Object.keys(statement.Condition).every((operator) => MOTO_CONDITION_OPERATORS.includes(operator)),
      );
      if (kept.length === document.Statement.length) continue;
      if (kept.length === 0) delete json.resource?.aws_s3_bucket_policy?.[name];
      else policy.policy = JSON.stringify({ ...document, Statement: kept });
      changed.push(`aws_s3_bucket_policy.${name}: ${document.Statement.length - kept.length} conditional Deny statement(s) left out`);
    }
    return changed;
  },
};

/**
 * Gives every region a DB subnet group under each other region's group name, built from its own
 * subnets, so that moto's lookup of a cross-region replica's group in the source region succeeds.
 */
async function mirrorSubnetGroups({ topology, clients, gate }: ExceptionContext): Promise<string[]> {
  const done: string[] = [];
  const reachable = topology.regions.filter((region) => !gate.isDown(region.region));
  for (const region of reachable) {
    const rds = clients.rds(region.region);
    const groups = (await rds.send(new DescribeDBSubnetGroupsCommand({}))).DBSubnetGroups ?? [];
    const own = groups.find((group) => group.DBSubnetGroupName === region.names.dbSubnetGroup);
    if (!own) continue;
    for (const other of topology.regions) {
      if (other === region || groups.some((group) => group.DBSubnetGroupName === other.names.dbSubnetGroup)) continue;
      await rds.send(
        new CreateDBSubnetGroupCommand({
          DBSubnetGroupName: other.names.dbSubnetGroup,
          DBSubnetGroupDescription: `rehearsal stand-in for ${other.region}'s group (moto looks it up in the source region)`,
          SubnetIds: (own.Subnets ?? []).flatMap((subnet) => (subnet.SubnetIdentifier ? [subnet.SubnetIdentifier] : [])),
        }),
      );
      done.push(`${region.region}: stand-in ${other.names.dbSubnetGroup}`);
    }
  }
  return done;
}

const crossRegionReplicaSubnetGroup: MotoException = {
  id: 'rds-cross-region-replica-subnet-group',
  affects: 'aws_db_instance with replicate_source_db (cross-region), and the runbook\'s CreateDBInstanceReadReplica',
  motoDoes:
    "creates a cross-region replica as a copy of the source and applies DBSubnetGroupName before switching the copy to the replica's region, so it looks the group up in the source region and fails with DBSubnetGroupNotFoundFault",
  rehearsalDoes: "gives each region a stand-in DB subnet group under every other region's group name (from its own subnets) before each apply and each runbook run; the replica itself is created in its own region",
  beforeApply: (_json, context) => mirrorSubnetGroups(context),
  beforeRunbook: (context) => mirrorSubnetGroups(context),
};

/** The one list, in the order the hooks run. */
export const MOTO_EXCEPTIONS: readonly MotoException[] = [lifecycleTransitionSize, rdsPromotionKeepsSource, cacheParameterGroup, cacheUserGroup, cacheClusterCount, cacheMemberClusters, crossRegionReplicaSubnetGroup, conditionalDenies, stateReplication];
