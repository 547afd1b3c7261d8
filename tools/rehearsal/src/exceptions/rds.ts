import { createHash } from 'node:crypto';
import { CreateDBSubnetGroupCommand, DescribeDBSubnetGroupsCommand } from '@aws-sdk/client-rds';
import type { ExceptionContext, MotoException } from './types';

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

export const rdsPromotionKeepsSource: MotoException = {
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

export const crossRegionReplicaSubnetGroup: MotoException = {
  id: 'rds-cross-region-replica-subnet-group',
  affects: 'aws_db_instance with replicate_source_db (cross-region), and the runbook\'s CreateDBInstanceReadReplica',
  motoDoes:
    "creates a cross-region replica as a copy of the source and applies DBSubnetGroupName before switching the copy to the replica's region, so it looks the group up in the source region and fails with DBSubnetGroupNotFoundFault",
  rehearsalDoes: "gives each region a stand-in DB subnet group under every other region's group name (from its own subnets) before each apply and each runbook run; the replica itself is created in its own region",
  beforeApply: (_json, context) => mirrorSubnetGroups(context),
  beforeRunbook: (context) => mirrorSubnetGroups(context),
};


/** The key ARN behind each KMS alias, by region/alias name, from the CreateAlias calls that pass the gate. */
const aliasTargets = new Map<string, string>();

function learnAlias(region: string, accountId: string, body: string): void {
  const request = JSON.parse(body) as { AliasName?: string; TargetKeyId?: string };
  if (!request.AliasName || !request.TargetKeyId) return;
  const keyArn = request.TargetKeyId.startsWith('arn:') ? request.TargetKeyId : `arn:aws:kms:${region}:${accountId}:key/${request.TargetKeyId}`;
  aliasTargets.set(`${region}/${request.AliasName}`, keyArn);
}

/** `alias/x` or `arn:aws:kms:<region>:<account>:alias/x` -> the key's ARN, when the gate saw the alias made. */
function resolvedKey(region: string, keyId: string): string | undefined {
  const alias = /^(?:arn:aws:kms:[a-z0-9-]+:\d{12}:)?(alias\/.+)$/.exec(keyId)?.[1];
  return alias ? aliasTargets.get(`${region}/${alias}`) : undefined;
}

function resolveKeysInAnswer(region: string, xml: string): string {
  return xml.replace(/<(KmsKeyId|PerformanceInsightsKMSKeyId)>([^<]*)<\/\1>/g, (element, tag: string, keyId: string) => {
    const keyArn = resolvedKey(region, keyId);
    return keyArn ? `<${tag}>${keyArn}</${tag}>` : element;
  });
}

export const rdsKeyAliases: MotoException = {
  id: 'rds-kms-key-alias',
  affects: "aws_db_instance (kms_key_id, performance_insights_kms_key_id) of instances the runbook creates with the region's key alias",
  motoDoes:
    'keeps KmsKeyId and PerformanceInsightsKMSKeyId as the request gave them, so an instance created with alias/<name> answers the alias, where RDS answers the ARN of the key behind it; Terraform then sees a different kms_key_id and plans a replacement',
  rehearsalDoes:
    'the region gate notes which key each KMS alias was created for (CreateAlias) and answers the key ARN instead of the alias in RDS answers, as RDS does',
  patchExchange: (request) => {
    if (request.service === 'kms' && String(request.headers['x-amz-target'] ?? '').endsWith('.CreateAlias')) {
      learnAlias(request.region, request.account, request.body);
      return undefined;
    }
    if (request.service !== 'rds' || ![...aliasTargets.keys()].some((key) => key.startsWith(`${request.region}/`))) return undefined;
    return { rewriteResponse: (xml) => resolveKeysInAnswer(request.region, xml), detail: `${request.region}: key aliases` };
  },
};

/** The resource id the gate answers for each instance, by region/identifier. */
const resourceIds = new Map<string, string>();
const CREATES_INSTANCE: Record<string, string> = {
  CreateDBInstance: 'DBInstanceIdentifier',
  CreateDBInstanceReadReplica: 'DBInstanceIdentifier',
  RestoreDBInstanceToPointInTime: 'TargetDBInstanceIdentifier',
};

function newResourceId(region: string, id: string): string {
  const digest = createHash('sha256').update(`${region}/${id}/${resourceIds.size}`).digest('hex').toUpperCase();
  return `db-${digest.slice(0, 26)}`;
}

/** Follows creations, renames and deletions; returns a changed request body when it filters by a resource id the gate gave. */
function trackResourceIds(region: string, params: URLSearchParams): string | undefined {
  const action = params.get('Action') ?? '';
  const created = CREATES_INSTANCE[action] ? params.get(CREATES_INSTANCE[action]) : null;
  if (created) resourceIds.set(`${region}/${created}`, newResourceId(region, created));
  const id = params.get('DBInstanceIdentifier');
  const renamedTo = params.get('NewDBInstanceIdentifier');
  const current = id ? resourceIds.get(`${region}/${id}`) : undefined;
  if (action === 'ModifyDBInstance' && renamedTo && current) {
    resourceIds.delete(`${region}/${id}`);
    resourceIds.set(`${region}/${renamedTo}`, current);
  }
  if (action === 'DeleteDBInstance' && id) resourceIds.delete(`${region}/${id}`);
  return action === 'DescribeDBInstances' ? filterByIdentifier(region, params) : undefined;
}

/** `Filters.Filter.N.Name=dbi-resource-id` with a resource id the gate gave -> the same filter by identifier, which moto keeps apart. */
function filterByIdentifier(region: string, params: URLSearchParams): string | undefined {
  let changed = false;
  for (const [key, name] of [...params.entries()]) {
    const filter = /^(Filters\.(?:Filter|member)\.\d+)\.Name$/.exec(key)?.[1];
    if (!filter || name !== 'dbi-resource-id') continue;
    for (const [valueKey, value] of [...params.entries()]) {
      if (!valueKey.startsWith(`${filter}.Values.`)) continue;
      const identifier = [...resourceIds.entries()].find(([place, resourceId]) => resourceId === value && place.startsWith(`${region}/`))?.[0].slice(region.length + 1);
      if (!identifier) continue;
      params.set(valueKey, identifier);
      params.set(key, 'db-instance-id');
      changed = true;
    }
  }
  return changed ? params.toString() : undefined;
}

function answerResourceIds(region: string, xml: string): string {
  return xml.replace(/<DBInstance>[\s\S]*?<\/DBInstance>/g, (instance) => {
    const id = /<DBInstanceIdentifier>([^<]*)<\/DBInstanceIdentifier>/.exec(instance)?.[1];
    const resourceId = id ? resourceIds.get(`${region}/${id}`) : undefined;
    return resourceId ? instance.replace(/<DbiResourceId>[^<]*<\/DbiResourceId>/, `<DbiResourceId>${resourceId}</DbiResourceId>`) : instance;
  });
}

export const rdsReplicaResourceIds: MotoException = {
  id: 'rds-replica-resource-id',
  affects: 'aws_db_instance (the provider finds an instance by its resource id), read replicas created by the provider or the runbook',
  motoDoes:
    "creates a read replica as a copy of its source, DbiResourceId included, so a region that holds a rebuilt replica and its stale predecessor has two instances with one resource id, and the provider's lookup by dbi-resource-id finds two (\"couldn't find resource\")",
  rehearsalDoes:
    'the region gate gives every instance created through it a resource id of its own (kept across renames) in RDS answers, and turns a dbi-resource-id filter on one of those ids into the same filter by identifier',
  patchExchange: (request) => {
    if (request.service !== 'rds') return undefined;
    const requestBody = trackResourceIds(request.region, new URLSearchParams(request.body));
    if (![...resourceIds.keys()].some((key) => key.startsWith(`${request.region}/`))) return undefined;
    return { ...(requestBody ? { requestBody } : {}), rewriteResponse: (xml) => answerResourceIds(request.region, xml), detail: `${request.region}: resource ids` };
  },
};

/** Engine defaults of the MySQL 8.0 parameters the platform resets (the runbook's write fence). */
const MYSQL80_DEFAULTS: Readonly<Record<string, string>> = { read_only: '{TrueIfReplica}' };

/** Parameters reset to their default, by region/group: not user-set any more until modified again. */
const resetParameters = new Map<string, Set<string>>();

/** The names in a Parameters.member.N.ParameterName (or Parameters.Parameter.N...) list. */
function parameterNames(params: URLSearchParams): string[] {
  return [...params.entries()].filter(([key]) => /^Parameters\.(?:member|Parameter)\.\d+\.ParameterName$/.test(key)).map(([, name]) => name);
}

/** ResetDBParameterGroup as the ModifyDBParameterGroup moto has: each parameter back to its engine default. */
function resetAsModify(params: URLSearchParams, group: string): string {
  const names = parameterNames(params);
  if (params.get('ResetAllParameters') === 'true' || names.length === 0) throw new Error(`ResetDBParameterGroup of ${group}: only resets of named parameters can be emulated`);
  const modify = new URLSearchParams({ Action: 'ModifyDBParameterGroup', Version: params.get('Version') ?? '2014-10-31', DBParameterGroupName: group });
  // The list's element name as the client wrote it (the RDS model names it Parameter).
  const element = [...params.keys()].some((key) => key.startsWith('Parameters.member.')) ? 'member' : 'Parameter';
  names.forEach((name, index) => {
    const value = MYSQL80_DEFAULTS[name];
    if (value === undefined) throw new Error(`ResetDBParameterGroup of ${group}: no engine default known for ${name}`);
    modify.set(`Parameters.${element}.${index + 1}.ParameterName`, name);
    modify.set(`Parameters.${element}.${index + 1}.ParameterValue`, value);
    modify.set(`Parameters.${element}.${index + 1}.ApplyMethod`, 'immediate');
  });
  return modify.toString();
}

function withoutResetParameters(names: ReadonlySet<string>, xml: string): string {
  return xml.replace(/<Parameter>[\s\S]*?<\/Parameter>/g, (parameter) => {
    const name = /<ParameterName>([^<]*)<\/ParameterName>/.exec(parameter)?.[1];
    return name && names.has(name) ? '' : parameter;
  });
}

export const rdsParameterReset: MotoException = {
  id: 'rds-parameter-group-reset',
  affects: "ResetDBParameterGroup (the runbook lifts its write fence, read_only, before a rebuilt replica uses the group; the provider resets parameters removed from an aws_db_parameter_group)",
  motoDoes: 'does not implement ResetDBParameterGroup (HTTP 500 with an HTML page), and its DescribeDBParameters answers every parameter ever set, with no notion of a default',
  rehearsalDoes:
    "the region gate sends moto a ModifyDBParameterGroup that sets each named parameter to its MySQL 8.0 engine default (read_only: {TrueIfReplica}; any other name fails the run), answers it as a ResetDBParameterGroup, and leaves reset parameters out of the group's DescribeDBParameters answers until they are set again",
  patchExchange: (request) => {
    if (request.service !== 'rds') return undefined;
    const params = new URLSearchParams(request.body);
    const group = params.get('DBParameterGroupName');
    if (!group) return undefined;
    const key = `${request.region}/${group.toLowerCase()}`;
    const action = params.get('Action');
    if (action === 'ResetDBParameterGroup') {
      const requestBody = resetAsModify(params, group);
      resetParameters.set(key, new Set([...(resetParameters.get(key) ?? []), ...parameterNames(params)]));
      return { requestBody, rewriteResponse: (xml) => xml.replace(/ModifyDBParameterGroup(Response|Result)/g, 'ResetDBParameterGroup$1'), detail: `${key}: ${parameterNames(params).join(', ')}` };
    }
    if (action === 'ModifyDBParameterGroup') parameterNames(params).forEach((name) => resetParameters.get(key)?.delete(name));
    const reset = resetParameters.get(key);
    if (action === 'DescribeDBParameters' && reset && reset.size > 0) return { rewriteResponse: (xml) => withoutResetParameters(reset, xml), detail: `${key}: ${[...reset].join(', ')} at default` };
    return undefined;
  },
};
