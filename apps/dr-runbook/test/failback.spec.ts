import { readFileSync } from 'node:fs';
import { loadTopology } from '@xyz/topology';
import { referenceEndState } from './support/end-state';
import { Harness } from './support/harness';
import { latestRun } from './support/report';
import type { SimulatedAws } from '@xyz/dr-simulator';
import { platformIds } from './support/topology-ids';

const FAILOVER = ['failover', '--to', 'us-west-2', '--execute', '--yes', '--write-topology'];
const FAILBACK = ['failback', '--to', 'us-east-1', '--execute', '--yes', '--write-topology'];
const RESUME = ['failback', '--resume', '--execute', '--yes'];
const USE1 = 'xyz-prod-mysql-use1';
const USW2 = 'xyz-prod-mysql-usw2';
const USE2 = 'xyz-prod-mysql-use2';
const fenced = (sim: SimulatedAws) => sim.userParameters('us-west-2', 'xyz-prod-mysql80-usw2').read_only === '1';

/** A harness in the state a completed failover to us-west-2 leaves behind. */
async function afterFailover(): Promise<Harness> {
  const h = new Harness();
  const result = await h.run(FAILOVER);
  if (result.code !== 0) throw new Error(result.stdout + result.stderr);
  return h;
}

describe('failback --to us-east-1 (after a failover to us-west-2)', () => {
  let h: Harness;
  afterEach(() => h.cleanup());

  it('creates a replica in the recovered region, fences writes, promotes it and rebuilds every other replica: nothing lost', async () => {
    h = await afterFailover();
    const ids = platformIds(h.topology);
    const result = await h.run(FAILBACK);
    expect(result.code).toBe(0);

    const primary = h.sim.instance('us-east-1', USE1);
    expect(primary).toMatchObject({ sourceArn: undefined, multiAZ: true, backupRetention: 2, status: 'available' });
    expect(h.sim.instance('us-west-2', USW2)).toMatchObject({ sourceArn: ids.arn('us-east-1'), status: 'available' });
    expect(h.sim.instance('us-east-2', USE2)).toMatchObject({ sourceArn: ids.arn('us-east-1'), status: 'available' });
    h.topology.regions.forEach((region) => expect(h.sim.parameter(region.region, region.names.writerEndpointParameter)).toBe(primary?.endpointAddress));
    h.topology.regions.forEach((region) => expect(h.sim.userParameters(region.region, region.names.dbParameterGroup).read_only).toBeUndefined());
    expect(loadTopology('production', h.topologyDir).primaryRegion).toBe('us-east-1');

    const fenceAt = h.sim.events.find((event) => event.kind === 'fenced' && event.id === USW2)?.at ?? Infinity;
    const promote = h.sim.calls.filter((call) => call.operation === 'PromoteReadReplica').pop();
    expect(promote?.region).toBe('us-east-1');
    expect(promote?.at).toBeGreaterThan(fenceAt);

    const { report } = latestRun(h.journalDir);
    expect(report?.status).toBe('succeeded');
    expect(report?.rpoSeconds).toBe(0);
    expect(report?.rtoDefinition).toBe('writes refused: from the fence request until the writer endpoint named the new primary');
    expect(result.stdout).toContain('[3/10] Fence writes on xyz-prod-mysql-usw2 (us-west-2): read_only=1 in xyz-prod-mysql80-usw2 ...');
    expect(result.stdout).toContain('Estimated RPO: 0 s');
    expect(result.stdout).toMatch(/Kept aside: .*xyz-prod-mysql-use1-stale-\d{12} \(us-east-1\)/);
  });

  it('refuses input errors before any AWS call', async () => {
    h = new Harness();
    const cases: [string[], string][] = [
      [['failback', '--to', 'us-east-1'], '--to us-east-1: us-east-1 is already the primary region in the topology'],
      [['failback', '--to', 'eu-west-1'], '--to eu-west-1: not a region of the production platform'],
      [['failback', '--to', 'moon-1'], '--to moon-1: not a known AWS region'],
      [['failback'], 'failback: --to <region> is required'],
      [['failback', '--to', 'us-west-2', '--catch-up-lag', 'soon'], `option '--catch-up-lag <seconds>' argument 'soon' is invalid`],
    ];
    for (const [args, message] of cases) {
      const result = await h.run(args);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr).toContain(message);
    }
    expect(h.sim.calls).toEqual([]);
  });

  it('refuses to move the real primary aside when the topology was not updated after a failover', async () => {
    h = new Harness();
    expect((await h.run(['failover', '--to', 'us-west-2', '--execute', '--yes'])).code).toBe(0);
    const mutations = h.sim.mutatingCalls().length;
    const refused = await h.run(['failback', '--to', 'us-west-2', '--execute', '--yes']);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain(`the writer endpoint /xyz/prod/mysql/writer-endpoint in us-east-1 is ${h.sim.instance('us-west-2', USW2)?.endpointAddress}, not xyz-prod-mysql-use1's`);
    expect(h.sim.mutatingCalls()).toHaveLength(mutations);
  });

  it('refuses when the primary named by the topology is a replica in AWS', async () => {
    h = await afterFailover();
    h.sim.setInstance('us-west-2', USW2, { sourceArn: 'arn:aws:rds:us-east-1:111122223333:db:xyz-prod-mysql-use1' });
    const refused = await h.run(FAILBACK);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain('xyz-prod-mysql-usw2 (us-west-2) is a replica of arn:aws:rds:us-east-1:111122223333:db:xyz-prod-mysql-use1, not a primary');
  });

  it('moves the former primary aside, but refuses to replace another region that holds a standalone instance', async () => {
    h = await afterFailover();
    h.sim.setInstance('us-east-2', USE2, { sourceArn: undefined });
    const mutations = h.sim.mutatingCalls().length;
    const refused = await h.run(FAILBACK);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain('✔ xyz-prod-mysql-usw2 (us-west-2) is the former primary: it is rebuilt from xyz-prod-mysql-use1; the current one is kept as xyz-prod-mysql-usw2-stale-');
    expect(refused.stdout).toContain('✖ xyz-prod-mysql-use2 (us-east-2) is standalone, not a replica: refusing to replace a database that may take writes. Run `status`.');
    expect(h.sim.mutatingCalls()).toHaveLength(mutations);
  });

  it('runs as a planned switchover between two healthy regions', async () => {
    h = new Harness({ lagSeconds: { 'us-west-2': 1 } });
    const result = await h.run(['failback', '--to', 'us-west-2', '--execute', '--yes']);
    expect(result.code).toBe(0);
    expect(h.sim.instance('us-west-2', USW2)).toMatchObject({ sourceArn: undefined, multiAZ: true });
    expect(result.stdout).toContain('xyz-prod-mysql-usw2 (us-west-2) is already a replica of xyz-prod-mysql-use1: it is reused');
    expect(h.sim.calls.filter((call) => call.operation === 'CreateDBInstanceReadReplica').map((call) => call.region).sort()).toEqual(['us-east-1', 'us-east-2']);
  });
});

const crashPoints: [string, (sim: SimulatedAws) => void][] = [
  ['create-replica: right after the old primary is renamed', (sim) => sim.crashWhen((op, region, input) => op === 'ModifyDBInstance' && region === 'us-east-1' && typeof input.NewDBInstanceIdentifier === 'string')],
  ['create-replica: right after CreateDBInstanceReadReplica', (sim) => sim.crashWhen((op, region) => op === 'CreateDBInstanceReadReplica' && region === 'us-east-1')],
  ['catch-up: while waiting for the lag', (sim) => sim.crashWhen((op) => op === 'GetMetricData' && sim.instance('us-east-1', USE1)?.status === 'available' && !fenced(sim))],
  ['fence: right after ModifyDBParameterGroup', (sim) => sim.crashWhen((op, region) => op === 'ModifyDBParameterGroup' && region === 'us-west-2')],
  ['drain: waiting for lag 0 after the fence', (sim) => sim.crashWhen((op) => op === 'GetMetricData' && fenced(sim))],
  ['promote: right after PromoteReadReplica', (sim) => sim.crashWhen((op, region) => op === 'PromoteReadReplica' && region === 'us-east-1')],
  ['multi-az: right after the request', (sim) => sim.crashWhen((op, region, input) => op === 'ModifyDBInstance' && region === 'us-east-1' && input.MultiAZ === true)],
  ['endpoint: right after the first PutParameter', (sim) => sim.crashWhen((op, _region, input) => op === 'PutParameter' && String(input.Value).startsWith(USE1))],
  ['wait-multi-az: mid-conversion', (sim) => sim.crashWhen((op, region) => op === 'DescribeDBInstances' && region === 'us-east-1' && sim.instance('us-east-1', USE1)?.phases.multiAz === 'modifying')],
  ['rebuild: right after the former primary is renamed', (sim) => sim.crashWhen((op, region, input) => op === 'ModifyDBInstance' && region === 'us-west-2' && typeof input.NewDBInstanceIdentifier === 'string')],
  ['rebuild: while the replicas are being created', (sim) => sim.crashWhen((op, region) => op === 'DescribeDBInstances' && region === 'us-east-2' && sim.instance('us-east-2', USE2)?.status === 'creating')],
  ['rebuild: right after the write fence is cleared', (sim) => sim.crashWhen((op) => op === 'ResetDBParameterGroup')],
];

describe('failback interrupted at any step, then --resume', () => {
  let reference: Awaited<ReturnType<typeof referenceEndState>>;
  let h: Harness;
  beforeAll(async () => {
    reference = await referenceEndState([FAILOVER, FAILBACK]);
  });
  afterEach(() => h.cleanup());

  it.each(crashPoints)('killed at %s: resumes to the same end state', async (_where, arm) => {
    h = await afterFailover();
    const promotionsBefore = h.sim.count('PromoteReadReplica');
    const createsBefore = h.sim.count('CreateDBInstanceReadReplica');
    await h.runUntilKilled(FAILBACK, arm);
    await h.clock.advance(60_000);
    const resumed = await h.run(RESUME);
    expect(resumed.code).toBe(0);
    expect(h.sim.snapshot()).toEqual(reference);
    expect(h.sim.count('PromoteReadReplica') - promotionsBefore).toBe(1);
    expect(h.sim.count('CreateDBInstanceReadReplica') - createsBefore).toBe(3);
    const { journal, report } = latestRun(h.journalDir);
    expect(journal.status).toBe('succeeded');
    expect(report?.stateRebinds.map((rebind) => rebind.region)).toEqual(['us-east-1', 'us-west-2', 'us-east-2']);
    expect(readFileSync(h.topologyFile, 'utf8')).toContain('"primaryRegion": "us-east-1"');
  });
});
