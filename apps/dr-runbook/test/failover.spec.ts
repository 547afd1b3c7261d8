import { readFileSync } from 'node:fs';
import { RDSClient, waitUntilDBInstanceAvailable } from '@aws-sdk/client-rds';
import { databaseInstanceSettings, loadTopology } from '@xyz/topology';
import { Harness } from './support/harness';
import { latestRun, runCount } from './support/report';
import { awsErrors, endpointOf } from '@xyz/dr-simulator';
import { platformIds } from './support/topology-ids';

const FAILOVER = ['failover', '--to', 'us-west-2', '--execute', '--yes'];

describe('failover --to us-west-2', () => {
  let h: Harness;
  let ids: ReturnType<typeof platformIds>;
  const start = (options?: ConstructorParameters<typeof Harness>[0]) => {
    h = new Harness(options);
    ids = platformIds(h.topology);
  };
  afterEach(() => h.cleanup());

  it('promotes with the backup policy, makes it Multi-AZ, switches the endpoint and rebuilds the surviving replica', async () => {
    start();
    const result = await h.run(FAILOVER);
    expect(result.code).toBe(0);

    const promoted = h.sim.instance('us-west-2', ids.usw2);
    expect(promoted).toMatchObject({ sourceArn: undefined, multiAZ: true, backupRetention: 2, status: 'available' });
    const promote = h.sim.calls.find((call) => call.operation === 'PromoteReadReplica');
    expect(promote?.input).toMatchObject({ DBInstanceIdentifier: ids.usw2, BackupRetentionPeriod: 2 });

    const names = ids.names('us-east-2');
    expect(h.sim.instance('us-east-2', ids.use2)).toMatchObject({ sourceArn: ids.arn('us-west-2'), status: 'available' });
    const create = h.sim.calls.find((call) => call.operation === 'CreateDBInstanceReadReplica');
    expect(create?.region).toBe('us-east-2');
    expect(create?.input).toMatchObject({
      DBInstanceIdentifier: ids.use2,
      SourceDBInstanceIdentifier: ids.arn('us-west-2'),
      SourceRegion: 'us-west-2',
      KmsKeyId: names.kmsAlias,
      DBParameterGroupName: names.dbParameterGroup,
      DBSubnetGroupName: names.dbSubnetGroup,
      VpcSecurityGroupIds: ['sg-0use2db00000001'],
      DBInstanceClass: h.topology.database.instanceClass,
    });
    const stale = `${ids.use2}-stale-202503010300`;
    expect(h.sim.instance('us-east-2', stale)).toMatchObject({ sourceArn: ids.arn('us-east-1') });

    h.topology.regions.forEach((region) => expect(h.sim.parameter(region.region, region.names.writerEndpointParameter)).toBe(endpointOf(ids.usw2, 'us-west-2')));
    expect(h.sim.userParameters('us-east-1', ids.names('us-east-1').dbParameterGroup).read_only).toBe('1');
  });

  it('prints one line per step, the topology change, and writes a Markdown and JSON report with RTO and RPO', async () => {
    start();
    const before = readFileSync(h.topologyFile, 'utf8');
    const result = await h.run(FAILOVER);
    expect(result.stdout).toMatch(/\[2\/7\] Promote xyz-prod-mysql-usw2 \(us-west-2\) to a standalone primary \.\.\.\n/);
    expect(result.stdout).toMatch(/\[2\/7\] ✔ xyz-prod-mysql-usw2 is a standalone primary .*\(7m \d\ds\)/);
    expect(result.stdout).toContain('-   "primaryRegion": "us-east-1",');
    expect(result.stdout).toContain('+   "primaryRegion": "us-west-2",');
    expect(readFileSync(h.topologyFile, 'utf8')).toBe(before);

    const { journal, report, markdown } = latestRun(h.journalDir);
    expect(journal.status).toBe('succeeded');
    expect(journal.steps.map((step) => step.status)).toEqual(Array(7).fill('done'));
    expect(report?.rpoSeconds).toBe(2);
    const promotedAt = journal.facts.promotedAt as number;
    expect(report?.rtoMs).toBeGreaterThanOrEqual(promotedAt - Date.parse(journal.startedAt));
    expect(report?.rtoMs).toBeLessThan(10 * 60_000);
    expect(markdown).toContain('## Timeline');
    expect(markdown).toMatch(/Measured RTO: \*\*7m \d\ds\*\*/);
    expect(markdown).toContain('Set "primaryRegion": "us-west-2"');
    // The old primary answered (and was fenced): no region to declare down.
    expect(report?.nextSteps.filter((step) => step.includes('XYZ_REGIONS_DOWN'))).toEqual([]);
  });

  it('--write-topology changes primaryRegion and nothing else in the file', async () => {
    start();
    const before = readFileSync(h.topologyFile, 'utf8');
    expect((await h.run([...FAILOVER, '--write-topology'])).code).toBe(0);
    const after = readFileSync(h.topologyFile, 'utf8');
    expect(after).toBe(before.replace('"primaryRegion": "us-east-1"', '"primaryRegion": "us-west-2"'));
    expect(loadTopology('production', h.topologyDir).primaryRegion).toBe('us-west-2');
  });

  it('does not trust "available" right after the promote: the SDK waiter would return at once, the runbook waits for the promotion', async () => {
    start();
    const client = new RDSClient({ region: 'us-west-2' });
    await client.send(new (await import('@aws-sdk/client-rds')).PromoteReadReplicaCommand({ DBInstanceIdentifier: ids.usw2, BackupRetentionPeriod: 2 }));
    const waiter = await waitUntilDBInstanceAvailable({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { DBInstanceIdentifier: ids.usw2 });
    expect(waiter.state).toBe('SUCCESS');
    expect(h.sim.instance('us-west-2', ids.usw2)?.sourceArn).toBe(ids.arn('us-east-1'));
    client.destroy();

    h.cleanup();
    start();
    expect((await h.run(FAILOVER)).code).toBe(0);
    const writable = h.sim.events.find((event) => event.kind === 'promoted-writable')?.at ?? Infinity;
    const multiAz = h.sim.calls.find((call) => call.operation === 'ModifyDBInstance' && call.input.MultiAZ === true);
    const firstPut = h.sim.calls.find((call) => call.operation === 'PutParameter');
    expect(multiAz?.at).toBeGreaterThanOrEqual(writable);
    expect(firstPut?.at).toBeGreaterThanOrEqual(writable);
  });

  it('refuses a replica that is backing-up, and waits when a backup starts after the checks', async () => {
    start();
    h.sim.backUp('us-west-2', ids.usw2, 10 * 60_000);
    const refused = await h.run(FAILOVER);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain('xyz-prod-mysql-usw2 is backing-up: RDS cannot promote a replica while it backs up');
    expect(h.sim.mutatingCalls()).toEqual([]);
    h.cleanup();

    start();
    h.sim.at(h.clock.now() + 5_000, (sim) => sim.backUp('us-west-2', ids.usw2, 3 * 60_000));
    const result = await h.run(FAILOVER);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('backing-up (RDS cannot promote a replica while it backs up)');
    expect(h.sim.calls.filter((call) => call.operation === 'PromoteReadReplica').map((call) => call.outcome)).toEqual(['ok']);
  });

  it('waits and retries when RDS answers InvalidDBInstanceState to the Multi-AZ change', async () => {
    start();
    h.sim.injectFault({ operation: 'ModifyDBInstance', count: 1, error: () => awsErrors.invalidState('DB instance is not available for modification.') });
    const result = await h.run(FAILOVER);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('RDS refused the change while xyz-prod-mysql-usw2 is busy (InvalidDBInstanceState)');
    expect(h.sim.instance('us-west-2', ids.usw2)?.multiAZ).toBe(true);
  });

  it('rides out throttling storms in the checks, in the middle of a wait and on the endpoint switch', async () => {
    start();
    h.sim.injectFault({ operation: 'DescribeDBInstances', region: 'us-west-2', count: 5, error: awsErrors.throttling });
    h.sim.at(h.clock.now() + 3 * 60_000, (sim) => sim.injectFault({ operation: 'DescribeDBInstances', region: 'us-west-2', count: 7, error: awsErrors.throttling }));
    h.sim.injectFault({ operation: 'PutParameter', count: 2, error: awsErrors.throttling });
    const result = await h.run(FAILOVER);
    expect(result.code).toBe(0);
    expect(h.sim.calls.filter((call) => call.outcome === 'Throttling')).toHaveLength(14);
    expect(h.sim.count('PromoteReadReplica')).toBe(1);
  });

  it('stops with the state and the next step when throttling outlasts the retries, then resumes', async () => {
    start();
    h.sim.injectFault({ operation: 'PromoteReadReplica', count: 8, error: awsErrors.throttling });
    const failed = await h.run(FAILOVER);
    expect(failed.code).toBe(4);
    expect(failed.stdout).toContain('rds:PromoteReadReplica in us-west-2 failed after 8 attempts: Throttling: Rate exceeded');
    expect(failed.stdout).toMatch(/State: done: Fence writes on xyz-prod-mysql-use1.*Do not promote another region/);
    expect(failed.stdout).toContain('Next: fix the cause, then continue with: npm run dr-runbook -- failover --resume --execute');
    expect(latestRun(h.journalDir).journal.steps.find((step) => step.id === 'promote')?.status).toBe('failed');

    const again = await h.run(FAILOVER);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('an unfinished failover run exists');

    const resumed = await h.run(['failover', '--resume', '--execute', '--yes']);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('[1/7] ✔ Fence writes on xyz-prod-mysql-use1 (us-east-1): read_only=1 in xyz-prod-mysql80-use1: done in an earlier attempt');
    expect(h.sim.count('PromoteReadReplica')).toBe(1);
    expect(runCount(h.journalDir)).toBe(1);
  });

  it('times out a step that never finishes, with the last state seen', async () => {
    start({ delays: { promoteModifyingMs: 10 * 3_600_000 } });
    const result = await h.run(FAILOVER);
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(/\[2\/7\] ✖ timed out \(limit 45m 00s\): timed out waiting for promotion of xyz-prod-mysql-usw2 after 4\dm \d\ds; last seen: status modifying, still a replica/);
    expect(latestRun(h.journalDir).journal.status).toBe('failed');
  });

  it('needs --force when the primary region is down, then fails over and reports the region it could not reach', async () => {
    start({ regionsDown: ['us-east-1'] });
    const refused = await h.run(FAILOVER);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain('the primary xyz-prod-mysql-use1 (us-east-1) could not be read (rds:DescribeDBInstances in us-east-1 failed after 3 attempts: TimeoutError');
    expect(refused.stdout).toContain('If us-east-1 is down, re-run with --force.');
    expect(refused.stdout).toContain('no ReplicaLag datapoint for xyz-prod-mysql-usw2');

    const forced = await h.run([...FAILOVER, '--force']);
    expect(forced.code).toBe(6);
    expect(forced.stdout).toContain('replica lag check skipped (--force)');
    expect(forced.stdout).toContain('us-east-1: could not update /xyz/prod/mysql/writer-endpoint');
    expect(forced.stdout).toContain('Estimated RPO: unknown');
    expect(h.sim.calls.some((call) => call.operation === 'ModifyDBParameterGroup')).toBe(false);
    expect(h.sim.instance('us-east-2', ids.use2)?.sourceArn).toBe(ids.arn('us-west-2'));
    expect(latestRun(h.journalDir).journal.status).toBe('warnings');
    // The stacks are planned next: the lost region must be declared down for Nx, first.
    expect(latestRun(h.journalDir).report?.nextSteps[0]).toMatch(/^Declare us-east-1 down before you plan \(export XYZ_REGIONS_DOWN=us-east-1, and for CI: gh variable set XYZ_REGIONS_DOWN --body us-east-1\)/);

    h.sim.regionsDown.delete('us-east-1');
    const resumed = await h.run(['failover', '--resume', '--execute', '--yes']);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('[3/6] Point the writer endpoint parameter at xyz-prod-mysql-usw2 in every region ...');
    expect(h.sim.parameter('us-east-1', ids.names('us-east-1').writerEndpointParameter)).toBe(endpointOf(ids.usw2, 'us-west-2'));
    expect(h.sim.count('PromoteReadReplica')).toBe(1);
  });

  it('does not tell the operator to declare a region down that answered (the old primary was only missing)', async () => {
    start();
    h.sim.remove('us-east-1', ids.use1);
    const result = await h.run([...FAILOVER, '--force']);
    expect(result.stdout).toContain(`the primary ${ids.use1} does not exist in us-east-1`);
    expect(latestRun(h.journalDir).report?.nextSteps.filter((step) => step.includes('XYZ_REGIONS_DOWN'))).toEqual([]);
  });

  it('does not let a failing old primary hold up the failover: the fence is skipped with a warning', async () => {
    start();
    h.sim.setInstance('us-east-1', ids.use1, { baseStatus: 'storage-full' });
    const result = await h.run(FAILOVER);
    expect(result.code).toBe(6);
    expect(result.stdout).toContain('writes on xyz-prod-mysql-use1 are not fenced: it is storage-full');
    expect(h.sim.calls.some((call) => call.operation === 'ModifyDBParameterGroup')).toBe(false);
    expect(h.sim.instance('us-west-2', ids.usw2)).toMatchObject({ sourceArn: undefined, multiAZ: true });
  });

  it('refuses when the replica lag is above --max-lag', async () => {
    start({ lagSeconds: { 'us-west-2': 120 } });
    const refused = await h.run(FAILOVER);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain('ReplicaLag of xyz-prod-mysql-usw2 is 120 s, above --max-lag 60 s');
    expect(refused.stderr).toContain('Pre-checks failed; nothing was changed.');
    expect((await h.run(['failover', '--to', 'us-west-2', '--max-lag', '180'])).code).toBe(0);
    expect(h.sim.mutatingCalls()).toEqual([]);
  });

  it('refuses a target that AWS shows standalone, replicating from elsewhere, or missing', async () => {
    start();
    h.sim.setInstance('us-west-2', ids.usw2, { sourceArn: undefined });
    expect((await h.run(FAILOVER)).stdout).toContain('xyz-prod-mysql-usw2 is not a read replica (it is already standalone)');
    h.sim.setInstance('us-west-2', ids.usw2, { sourceArn: ids.arn('us-east-2') });
    expect((await h.run(FAILOVER)).stdout).toContain(`replicates from ${ids.arn('us-east-2')}, not from the current primary`);
    h.sim.remove('us-west-2', ids.usw2);
    const missing = await h.run(FAILOVER);
    expect(missing.code).toBe(3);
    expect(missing.stdout).toContain('xyz-prod-mysql-usw2 does not exist in us-west-2');
    expect(h.sim.mutatingCalls()).toEqual([]);
  });

  it("rebuilds a replica as the topology describes it, not with the drift of the instance it replaces", async () => {
    start();
    h.sim.setInstance('us-east-2', ids.use2, { deletionProtection: false, iamAuth: false, monitoringInterval: 0, logExports: [], performanceInsights: false, tags: { Owner: 'someone' } });
    expect((await h.run(FAILOVER)).code).toBe(0);
    const create = h.sim.calls.find((call) => call.operation === 'CreateDBInstanceReadReplica');
    const settings = databaseInstanceSettings(h.topology, 'us-east-2');
    expect(create?.input).toMatchObject({
      DeletionProtection: true,
      EnableIAMDatabaseAuthentication: true,
      MonitoringInterval: settings.enhancedMonitoring.intervalSeconds,
      MonitoringRoleArn: settings.enhancedMonitoring.roleArn,
      EnableCloudwatchLogsExports: ['error', 'slowquery'],
      EnablePerformanceInsights: true,
      PerformanceInsightsKMSKeyId: settings.performanceInsights.kmsKeyAlias,
      CACertificateIdentifier: settings.caCertificateIdentifier,
      StorageType: 'gp3',
      MaxAllocatedStorage: settings.storage.maxAllocatedGb,
      MultiAZ: false,
      // Only what AWS alone knows is taken from the instance being replaced.
      VpcSecurityGroupIds: ['sg-0use2db00000001'],
    });
    expect(create?.input.Tags).toEqual(Object.entries({ ...h.topology.tags, Region: 'us-east-2', Stack: 'replica-ohio' }).map(([Key, Value]) => ({ Key, Value })));
  });

  it('refuses to replace a surviving region that holds a standalone instance', async () => {
    start();
    h.sim.setInstance('us-east-2', ids.use2, { sourceArn: undefined });
    const refused = await h.run(FAILOVER);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain('✖ xyz-prod-mysql-use2 (us-east-2) is standalone, not a replica: refusing to replace a database that may take writes. Run `status`.');
    expect(h.sim.mutatingCalls()).toEqual([]);
  });

  it('checks again at run time a region that did not answer while planning: a standalone instance there is not moved aside', async () => {
    start({ regionsDown: ['us-east-2'] });
    h.sim.setInstance('us-east-2', ids.use2, { sourceArn: undefined });
    h.sim.at(h.clock.now() + 60_000, (sim) => sim.regionsDown.delete('us-east-2'));
    const result = await h.run(FAILOVER);
    expect(result.stdout).toContain('us-east-2 could not be read');
    expect(result.code).toBe(4);
    expect(result.stdout).toContain('us-east-2: xyz-prod-mysql-use2 (us-east-2) is standalone, not a replica: refusing to replace a database that may take writes.');
    expect(h.sim.mutatingCalls().filter((call) => call.region === 'us-east-2' && call.service === 'rds')).toEqual([]);
    expect(h.sim.instance('us-east-2', ids.use2)).toMatchObject({ sourceArn: undefined, status: 'available' });
  });

  it('recreates a surviving replica that disappeared during the run without renaming anything', async () => {
    start();
    h.sim.at(h.clock.now() + 60_000, (sim) => sim.remove('us-east-2', ids.use2));
    const result = await h.run(FAILOVER);
    expect(result.code).toBe(0);
    expect(h.sim.calls.some((call) => call.operation === 'ModifyDBInstance' && call.input.NewDBInstanceIdentifier)).toBe(false);
    expect(h.sim.instance('us-east-2', ids.use2)).toMatchObject({ sourceArn: ids.arn('us-west-2'), status: 'available' });
  });

  it('asks for the target identifier unless --yes, and changes nothing when it is not typed', async () => {
    start();
    const args = ['failover', '--to', 'us-west-2', '--execute'];
    const wrong = await h.run(args, { answers: ['us-west-2'] });
    expect(wrong.code).toBe(5);
    expect(wrong.stderr).toContain('"us-west-2" is not xyz-prod-mysql-usw2: cancelled, nothing was changed.');
    const ended = await h.run(args, { answers: [] });
    expect(ended.code).toBe(5);
    expect(h.sim.mutatingCalls()).toEqual([]);
    expect(runCount(h.journalDir)).toBe(0);
    expect(h.prompts[0]).toContain('Type the identifier of the target database (xyz-prod-mysql-usw2)');
    expect((await h.run(args, { answers: ['xyz-prod-mysql-usw2'] })).code).toBe(0);
  });

  it('writes structured logs on request and prints the report as JSON with --json', async () => {
    start();
    const logFile = `${h.root}/run.log`;
    const result = await h.run([...FAILOVER, '--json', '--log-file', logFile]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { status: string; rtoMs: number; timeline: unknown[] };
    expect(report).toMatchObject({ status: 'succeeded' });
    expect(report.timeline).toHaveLength(7);
    expect(result.stderr).toContain('[2/7] Promote');
    const events = readFileSync(logFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { event: string; operation?: string });
    expect(events.some((event) => event.event === 'aws.call' && event.operation === 'PromoteReadReplica')).toBe(true);
    expect(events.filter((event) => event.event === 'step.done')).toHaveLength(7);
  });
});
