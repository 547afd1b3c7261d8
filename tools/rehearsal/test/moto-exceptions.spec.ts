import { MOTO_EXCEPTIONS, type ExchangePatch, type GateRequest, type MotoChannel, type MotoException } from '../src/exceptions';
import type { TerraformJson } from '@xyz/terraform-toolkit';

const exception = (id: string): MotoException => {
  const found = MOTO_EXCEPTIONS.find((entry) => entry.id === id);
  if (!found) throw new Error(`no exception ${id}`);
  return found;
};

/** A moto that answers every request with `status` and records what it was sent. */
const fakeMoto = (status = 200): MotoChannel & { sent: Array<{ region: string; service: string; body: URLSearchParams }> } => {
  const sent: Array<{ region: string; service: string; body: URLSearchParams }> = [];
  return {
    sent,
    send: async (region, service, body) => {
      sent.push({ region, service, body: new URLSearchParams(body) });
      return { status, body: status === 200 ? '<ok/>' : '<Error><Code>InvalidParameterValue</Code></Error>' };
    },
  };
};

/** The exception's exchange patch, awaited. */
const exchange =
  (id: string, moto: MotoChannel = fakeMoto()) =>
  async (request: GateRequest): Promise<ExchangePatch | undefined> =>
    exception(id).patchExchange!(request, moto);

const stack = (resource: TerraformJson['resource']): TerraformJson => ({ terraform: {}, provider: { aws: [{ region: 'us-east-1' }] }, resource });

describe('the list of moto exceptions', () => {
  it('says for each what moto does and what the rehearsal does instead, and applies it through at least one hook', async () => {
    const ids = MOTO_EXCEPTIONS.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of MOTO_EXCEPTIONS) {
      expect(entry.affects.length).toBeGreaterThan(5);
      expect(entry.motoDoes.length).toBeGreaterThan(20);
      expect(entry.rehearsalDoes.length).toBeGreaterThan(20);
      expect([entry.adjustStack, entry.beforeApply, entry.beforeRunbook, entry.duringRunbook, entry.afterStateWrite, entry.patchExchange].some(Boolean)).toBe(true);
    }
  });
});

describe('s3-bucket-policy-conditions', () => {
  const policy = (statements: unknown[]) => ({ bucket: 'b', policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) });
  const tlsDeny = { Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
  const allow = { Sid: 'Logs', Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: '*' };
  const equalsDeny = { Sid: 'Eq', Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: '*', Condition: { StringEquals: { 'aws:username': 'x' } } };

  it('leaves out only the Deny statements whose conditions moto cannot evaluate, and a policy left empty', async () => {
    const json = stack({ aws_s3_bucket_policy: { mixed: policy([tlsDeny, allow, equalsDeny]), denies: policy([tlsDeny]), clean: policy([allow]) } });
    const changed = exception('s3-bucket-policy-conditions').adjustStack!(json);
    expect(changed).toEqual(['aws_s3_bucket_policy.mixed: 1 conditional Deny statement(s) left out', 'aws_s3_bucket_policy.denies: 1 conditional Deny statement(s) left out']);
    expect(JSON.parse(String(json.resource!.aws_s3_bucket_policy.mixed.policy)).Statement).toEqual([allow, equalsDeny]);
    expect(json.resource!.aws_s3_bucket_policy.denies).toBeUndefined();
    expect(JSON.parse(String(json.resource!.aws_s3_bucket_policy.clean.policy)).Statement).toEqual([allow]);
  });
});

describe('elasticache-user-group', () => {
  it('removes the user groups and every reference to them, so the replication group still plans', async () => {
    const json = stack({
      aws_elasticache_user_group: { users: { user_group_id: 'g' } },
      aws_elasticache_user_group_association: { app: { user_group_id: '${aws_elasticache_user_group.users.user_group_id}' } },
      aws_elasticache_replication_group: { redis: { replication_group_id: 'r', user_group_ids: ['${aws_elasticache_user_group.users.user_group_id}'], depends_on: ['aws_elasticache_user_group.users'] } },
    });
    expect(exception('elasticache-user-group').adjustStack!(json)).toEqual([
      'left out aws_elasticache_user_group.users',
      'left out aws_elasticache_user_group_association.app',
    ]);
    expect(json.resource!.aws_elasticache_replication_group.redis).toEqual({ replication_group_id: 'r' });
  });
});

describe('s3-lifecycle-transition-size', () => {
  const request = (method: string, path: string, headers: GateRequest['headers'] = {}): GateRequest => ({ region: 'us-west-2', service: 's3', method, path, query: 'lifecycle=', headers, body: '', account: '111122223333' });
  const patch = exchange('s3-lifecycle-transition-size');

  it("answers a bucket's lifecycle reads with the transition size its last write asked for", async () => {
    expect(await patch(request('GET', '/fresh-bucket'))).toBeUndefined();
    expect(await patch(request('PUT', '/state-bucket', { 'x-amz-transition-default-minimum-object-size': 'all_storage_classes_128K' }))).toBeUndefined();
    expect(await patch(request('GET', '/state-bucket'))).toEqual({ headers: { 'x-amz-transition-default-minimum-object-size': 'all_storage_classes_128K' }, detail: 'us-west-2/state-bucket' });
    expect(await patch({ ...request('GET', '/state-bucket'), query: 'versioning' })).toBeUndefined();
    expect(await patch({ ...request('GET', '/state-bucket'), region: 'us-east-2' })).toBeUndefined();
  });
});

describe('rds-promotion-keeps-source', () => {
  const patch = exchange('rds-promotion-keeps-source');
  const rds = (region: string, body: string): GateRequest => ({ account: '111122223333', region, service: 'rds', method: 'POST', path: '/', query: '', headers: {}, body });
  const instance = (id: string, source?: string) =>
    `<DBInstance><DBInstanceIdentifier>${id}</DBInstanceIdentifier><DBInstanceStatus>available</DBInstanceStatus>${source ? `<ReadReplicaSourceDBInstanceIdentifier>${source}</ReadReplicaSourceDBInstanceIdentifier>` : ''}<ReadReplicaDBInstanceIdentifiers/></DBInstance>`;
  const answer = (...instances: string[]) => `<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances>${instances.join('')}</DBInstances></DescribeDBInstancesResult></DescribeDBInstancesResponse>`;
  const source = 'arn:aws:rds:us-east-1:111122223333:db:xyz-prod-mysql-use1';

  it('leaves answers alone until a promotion passes, then drops the source of the promoted instance only', async () => {
    expect(await patch(rds('us-west-2', 'Action=DescribeDBInstances'))).toBeUndefined();
    const promote = await patch(rds('us-west-2', 'Action=PromoteReadReplica&DBInstanceIdentifier=xyz-prod-mysql-usw2&BackupRetentionPeriod=2'));
    expect(promote?.detail).toBe('us-west-2/xyz-prod-mysql-usw2');
    const describe = (await patch(rds('us-west-2', 'Action=DescribeDBInstances')))!;
    expect(describe.rewriteResponse!(answer(instance('xyz-prod-mysql-usw2', source), instance('other-replica', source)))).toBe(answer(instance('xyz-prod-mysql-usw2'), instance('other-replica', source)));
    expect(await patch(rds('us-east-2', 'Action=DescribeDBInstances'))).toBeUndefined();
  });

  it('follows a rename and stops when a new replica takes the identifier', async () => {
    await patch(rds('us-east-2', 'Action=PromoteReadReplica&DBInstanceIdentifier=xyz-prod-mysql-use2'));
    await patch(rds('us-east-2', 'Action=ModifyDBInstance&DBInstanceIdentifier=xyz-prod-mysql-use2&NewDBInstanceIdentifier=xyz-prod-mysql-use2-stale-1&ApplyImmediately=true'));
    expect((await patch(rds('us-east-2', 'Action=DescribeDBInstances')))?.detail).toBe('us-east-2/xyz-prod-mysql-use2-stale-1');
    await patch(rds('us-west-2', `Action=CreateDBInstanceReadReplica&DBInstanceIdentifier=xyz-prod-mysql-usw2&SourceDBInstanceIdentifier=${encodeURIComponent(source)}`));
    expect(await patch(rds('us-west-2', 'Action=DescribeDBInstances'))).toBeUndefined();
  });
});

describe('elasticache-cluster-count', () => {
  const patch = exchange('elasticache-cluster-count');
  const create = (body: string): GateRequest => ({ account: '111122223333', region: 'us-east-2', service: 'elasticache', method: 'POST', path: '/', query: '', headers: {}, body });

  it('says the cluster count the way moto reads it, and leaves other requests alone', async () => {
    const patched = await patch(create('Action=CreateReplicationGroup&ReplicationGroupId=xyz-prod-redis-use2&NumCacheClusters=2&MultiAZEnabled=true'));
    expect(new URLSearchParams(patched!.requestBody).get('ReplicasPerNodeGroup')).toBe('1');
    expect(new URLSearchParams(patched!.requestBody).get('NumCacheClusters')).toBe('2');
    expect(patched!.detail).toBe('us-east-2/xyz-prod-redis-use2');
    expect(await patch(create('Action=CreateReplicationGroup&ReplicationGroupId=g&NumCacheClusters=1'))).toBeUndefined();
    expect(await patch(create('Action=CreateReplicationGroup&ReplicationGroupId=g&NumCacheClusters=3&ReplicasPerNodeGroup=2'))).toBeUndefined();
    expect(await patch(create('Action=DescribeReplicationGroups'))).toBeUndefined();
  });
});

describe('elasticache-member-clusters', () => {
  const group =
    'Action=CreateReplicationGroup&ReplicationGroupId=xyz-prod-redis-usw2&NumCacheClusters=2&CacheNodeType=cache.t3.micro&Engine=redis&EngineVersion=7.1' +
    '&CacheSubnetGroupName=xyz-prod-redis-usw2&SecurityGroupIds.SecurityGroupId.1=sg-123&AtRestEncryptionEnabled=true&TransitEncryptionEnabled=true&TransitEncryptionMode=required' +
    '&AutoMinorVersionUpgrade=true&PreferredCacheClusterAZs.AvailabilityZone.1=us-west-2a&PreferredCacheClusterAZs.AvailabilityZone.2=us-west-2b';
  const request = (body: string): GateRequest => ({ account: '111122223333', region: 'us-west-2', service: 'elasticache', method: 'POST', path: '/', query: '', headers: {}, body });

  it("creates each member from the group's own request before moto sees the group", async () => {
    const moto = fakeMoto();
    const patched = await exchange('elasticache-member-clusters', moto)(request(group));
    expect(patched).toEqual({ detail: 'us-west-2/xyz-prod-redis-usw2: 2 member clusters' });
    expect(moto.sent.map(({ region, service, body }) => [region, service, body.get('Action'), body.get('CacheClusterId'), body.get('PreferredAvailabilityZone')])).toEqual([
      ['us-west-2', 'elasticache', 'CreateCacheCluster', 'xyz-prod-redis-usw2-001', 'us-west-2a'],
      ['us-west-2', 'elasticache', 'CreateCacheCluster', 'xyz-prod-redis-usw2-002', 'us-west-2b'],
    ]);
    expect(Object.fromEntries(moto.sent[0].body)).toMatchObject({
      ReplicationGroupId: 'xyz-prod-redis-usw2',
      CacheNodeType: 'cache.t3.micro',
      EngineVersion: '7.1',
      CacheSubnetGroupName: 'xyz-prod-redis-usw2',
      'SecurityGroupIds.SecurityGroupId.1': 'sg-123',
      TransitEncryptionEnabled: 'true',
      AutoMinorVersionUpgrade: 'true',
    });
  });

  it('adds the settings CreateCacheCluster cannot take to the answers about those members only', async () => {
    await exchange('elasticache-member-clusters')(request(group));
    const describe = await exchange('elasticache-member-clusters')(request('Action=DescribeCacheClusters&CacheClusterId=xyz-prod-redis-usw2-001'));
    const member = '<CacheCluster><CacheClusterId>xyz-prod-redis-usw2-001</CacheClusterId><ReplicationGroupId>xyz-prod-redis-usw2</ReplicationGroupId></CacheCluster>';
    const other = '<CacheCluster><CacheClusterId>lonely</CacheClusterId></CacheCluster>';
    expect(describe!.rewriteResponse!(`<CacheClusters>${member}${other}</CacheClusters>`)).toBe(
      `<CacheClusters>${member.replace(
        '</CacheCluster>',
        '<AtRestEncryptionEnabled>true</AtRestEncryptionEnabled><TransitEncryptionMode>required</TransitEncryptionMode><SecurityGroups><member><SecurityGroupId>sg-123</SecurityGroupId><Status>active</Status></member></SecurityGroups></CacheCluster>',
      )}${other}</CacheClusters>`,
    );
  });

  it('fails loudly when moto refuses a member', async () => {
    await expect(exchange('elasticache-member-clusters', fakeMoto(400))(request(group))).rejects.toThrow(/CreateCacheCluster xyz-prod-redis-usw2-001 in us-west-2: HTTP 400/);
  });
});

describe('rds-kms-key-alias', () => {
  const patch = exchange('rds-kms-key-alias');
  const kms = (body: unknown): GateRequest => ({ account: '111122223333', region: 'us-east-2', service: 'kms', method: 'POST', path: '/', query: '', headers: { 'x-amz-target': 'TrentService.CreateAlias' }, body: JSON.stringify(body) });
  const rds = (region: string): GateRequest => ({ account: '111122223333', region, service: 'rds', method: 'POST', path: '/', query: '', headers: {}, body: 'Action=DescribeDBInstances' });
  const keyArn = 'arn:aws:kms:us-east-2:111122223333:key/86303df6-bb48-458e-b03e-2d4581c7dce9';

  it('answers the key behind an alias the gate saw created, in that region only', async () => {
    expect(await patch(kms({ AliasName: 'alias/xyz-prod-data-use2', TargetKeyId: '86303df6-bb48-458e-b03e-2d4581c7dce9' }))).toBeUndefined();
    expect(await patch(rds('eu-west-1'))).toBeUndefined();
    const describe = await patch(rds('us-east-2'));
    const answer = (key: string, insightsKey: string) => `<DBInstance><KmsKeyId>${key}</KmsKeyId><PerformanceInsightsKMSKeyId>${insightsKey}</PerformanceInsightsKMSKeyId></DBInstance>`;
    expect(describe!.rewriteResponse!(answer('alias/xyz-prod-data-use2', 'arn:aws:kms:us-east-2:111122223333:alias/xyz-prod-data-use2'))).toBe(answer(keyArn, keyArn));
    expect(describe!.rewriteResponse!(answer(keyArn, 'alias/unknown'))).toBe(answer(keyArn, 'alias/unknown'));
  });
});

describe('rds-replica-resource-id', () => {
  const patch = exchange('rds-replica-resource-id');
  const rds = (body: string): GateRequest => ({ account: '111122223333', region: 'ap-south-1', service: 'rds', method: 'POST', path: '/', query: '', headers: {}, body });
  const instance = (id: string, resourceId: string) => `<DBInstance><DBInstanceIdentifier>${id}</DBInstanceIdentifier><DbiResourceId>${resourceId}</DbiResourceId></DBInstance>`;

  it('gives each instance its own resource id, kept across a rename, and finds it again by that id', async () => {
    expect(await patch(rds('Action=DescribeDBInstances'))).toBeUndefined();
    await patch(rds('Action=CreateDBInstanceReadReplica&DBInstanceIdentifier=db-a'));
    await patch(rds('Action=ModifyDBInstance&DBInstanceIdentifier=db-a&NewDBInstanceIdentifier=db-a-stale&ApplyImmediately=true'));
    await patch(rds('Action=CreateDBInstanceReadReplica&DBInstanceIdentifier=db-a'));
    const answer = (await patch(rds('Action=DescribeDBInstances')))!.rewriteResponse!(instance('db-a-stale', 'db-SHARED') + instance('db-a', 'db-SHARED'));
    const [stale, fresh] = [...answer.matchAll(/<DbiResourceId>([^<]*)<\/DbiResourceId>/g)].map((match) => match[1]);
    expect(stale).toMatch(/^db-[0-9A-F]{26}$/);
    expect(fresh).toMatch(/^db-[0-9A-F]{26}$/);
    expect(stale).not.toBe(fresh);

    const lookup = await patch(rds(`Action=DescribeDBInstances&Filters.Filter.1.Name=dbi-resource-id&Filters.Filter.1.Values.Value.1=${fresh}`));
    expect(Object.fromEntries(new URLSearchParams(lookup!.requestBody))).toEqual({ Action: 'DescribeDBInstances', 'Filters.Filter.1.Name': 'db-instance-id', 'Filters.Filter.1.Values.Value.1': 'db-a' });
    expect((await patch(rds('Action=DescribeDBInstances&Filters.Filter.1.Name=dbi-resource-id&Filters.Filter.1.Values.Value.1=db-UNKNOWN')))!.requestBody).toBeUndefined();
  });
});

describe('rds-parameter-group-reset', () => {
  const patch = exchange('rds-parameter-group-reset');
  const rds = (body: string): GateRequest => ({ account: '111122223333', region: 'sa-east-1', service: 'rds', method: 'POST', path: '/', query: '', headers: {}, body });
  const parameters = (...names: string[]) => `<Parameters>${names.map((name) => `<Parameter><ParameterName>${name}</ParameterName><ParameterValue>1</ParameterValue></Parameter>`).join('')}</Parameters>`;

  it('sends a reset of read_only as a modify to its engine default, answers it as a reset, and hides the parameter until it is set again', async () => {
    const reset = await patch(rds('Action=ResetDBParameterGroup&DBParameterGroupName=Group-A&Parameters.Parameter.1.ParameterName=read_only&Parameters.Parameter.1.ApplyMethod=immediate'));
    expect(Object.fromEntries(new URLSearchParams(reset!.requestBody))).toEqual({
      Action: 'ModifyDBParameterGroup',
      Version: '2014-10-31',
      DBParameterGroupName: 'Group-A',
      'Parameters.Parameter.1.ParameterName': 'read_only',
      'Parameters.Parameter.1.ParameterValue': '{TrueIfReplica}',
      'Parameters.Parameter.1.ApplyMethod': 'immediate',
    });
    expect(reset!.rewriteResponse!('<ModifyDBParameterGroupResponse><ModifyDBParameterGroupResult><DBParameterGroupName>group-a</DBParameterGroupName></ModifyDBParameterGroupResult></ModifyDBParameterGroupResponse>')).toBe(
      '<ResetDBParameterGroupResponse><ResetDBParameterGroupResult><DBParameterGroupName>group-a</DBParameterGroupName></ResetDBParameterGroupResult></ResetDBParameterGroupResponse>',
    );
    const describe = await patch(rds('Action=DescribeDBParameters&DBParameterGroupName=group-a&Source=user'));
    expect(describe!.rewriteResponse!(parameters('require_secure_transport', 'read_only'))).toBe(parameters('require_secure_transport'));

    await patch(rds('Action=ModifyDBParameterGroup&DBParameterGroupName=group-a&Parameters.Parameter.1.ParameterName=read_only&Parameters.Parameter.1.ParameterValue=1'));
    expect(await patch(rds('Action=DescribeDBParameters&DBParameterGroupName=group-a'))).toBeUndefined();
  });

  it('refuses what it cannot emulate, naming it', async () => {
    await expect(patch(rds('Action=ResetDBParameterGroup&DBParameterGroupName=g&Parameters.Parameter.1.ParameterName=max_connections'))).rejects.toThrow(/no engine default known for max_connections/);
    await expect(patch(rds('Action=ResetDBParameterGroup&DBParameterGroupName=g&ResetAllParameters=true'))).rejects.toThrow(/only resets of named parameters/);
  });
});
