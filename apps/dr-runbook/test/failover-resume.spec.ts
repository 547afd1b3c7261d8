import type { SimulatedAws } from '@xyz/dr-simulator';
import { referenceEndState } from './support/end-state';
import { Harness } from './support/harness';
import { latestRun, runCount } from './support/report';

const FAILOVER = ['failover', '--to', 'us-west-2', '--execute', '--yes'];
const RESUME = ['failover', '--resume', '--execute', '--yes'];
const USW2 = 'xyz-prod-mysql-usw2';
const USE2 = 'xyz-prod-mysql-use2';

const status = (sim: SimulatedAws, region: string, id: string) => sim.instance(region, id)?.status;

/** Where the process dies: every step, at its request and in the middle of its wait. */
const crashPoints: [string, (sim: SimulatedAws) => void][] = [
  ['fence: right after ModifyDBParameterGroup was accepted', (sim) => sim.crashOn('ModifyDBParameterGroup')],
  ['fence: while waiting for the parameter to apply', (sim) => sim.crashWhen((op, region) => op === 'DescribeDBInstances' && region === 'us-east-1' && sim.instance('us-east-1', 'xyz-prod-mysql-use1')?.phases.parameterApply === 'applying')],
  ['promote: right after PromoteReadReplica was accepted', (sim) => sim.crashOn('PromoteReadReplica')],
  ['promote: mid-promotion', (sim) => sim.crashWhen((op, region) => op === 'DescribeDBInstances' && region === 'us-west-2' && status(sim, 'us-west-2', USW2) === 'modifying')],
  ['multi-az: right after ModifyDBInstance was accepted', (sim) => sim.crashWhen((op, _region, input) => op === 'ModifyDBInstance' && input.MultiAZ === true)],
  ['endpoint: right after the first PutParameter', (sim) => sim.crashOn('PutParameter')],
  ['wait-multi-az: mid-conversion', (sim) => sim.crashWhen((op, region) => op === 'DescribeDBInstances' && region === 'us-west-2' && sim.instance('us-west-2', USW2)?.phases.multiAz === 'modifying')],
  ['rebuild: right after the rename was accepted', (sim) => sim.crashWhen((op, _region, input) => op === 'ModifyDBInstance' && typeof input.NewDBInstanceIdentifier === 'string')],
  ['rebuild: mid-rename', (sim) => sim.crashWhen((op, region) => op === 'DescribeDBInstances' && region === 'us-east-2' && status(sim, 'us-east-2', USE2) === 'renaming')],
  ['rebuild: right after CreateDBInstanceReadReplica was accepted', (sim) => sim.crashOn('CreateDBInstanceReadReplica')],
  ['rebuild: while the replica is being created', (sim) => sim.crashWhen((op, region) => op === 'DescribeDBInstances' && region === 'us-east-2' && status(sim, 'us-east-2', USE2) === 'creating')],
  ['rebuild: at the last call before the topology step', (sim) => sim.crashOn('DescribeDBParameters', 2)],
];

describe('failover interrupted at any step, then --resume', () => {
  let reference: Awaited<ReturnType<typeof referenceEndState>>;
  let h: Harness;
  beforeAll(async () => {
    reference = await referenceEndState([FAILOVER]);
  });
  afterEach(() => h.cleanup());

  it.each(crashPoints)('killed at %s: resumes to the same end state, one promotion, one replica', async (_where, arm) => {
    h = new Harness();
    const killedOutput = await h.runUntilKilled(FAILOVER, arm);
    expect(killedOutput).not.toContain('finished');
    expect(latestRun(h.journalDir).journal.status).toBe('running');
    await h.clock.advance(2 * 60_000);

    const resumed = await h.run(RESUME);
    expect(resumed.stdout).toContain('Resuming failover-20250301t030000z-us-west-2 (running;');
    expect(resumed.code).toBe(0);
    expect(h.sim.snapshot()).toEqual(reference);
    expect(h.sim.count('PromoteReadReplica')).toBe(1);
    expect(h.sim.count('CreateDBInstanceReadReplica')).toBe(1);
    const { journal, report } = latestRun(h.journalDir);
    expect(journal.status).toBe('succeeded');
    expect(journal.attempts).toHaveLength(2);
    expect(report?.rtoMs).toBeGreaterThan(0);
    expect(report?.stateRebinds.map((rebind) => rebind.region)).toEqual(['us-east-2']);
    expect(runCount(h.journalDir)).toBe(1);
  });

  it('sends the promotion again only when the first request never reached AWS', async () => {
    h = new Harness();
    await h.runUntilKilled(FAILOVER, (sim) => sim.crashOn('PromoteReadReplica', 1, 'request-lost'));
    const resumed = await h.run(RESUME);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/the earlier PromoteReadReplica request shows no effect after 3m 00s; sending it again/);
    expect(h.sim.calls.filter((call) => call.operation === 'PromoteReadReplica').map((call) => call.outcome)).toEqual(['lost', 'ok']);
    expect(h.sim.snapshot()).toEqual(reference);
  });

  it('stops cleanly on Ctrl-C, keeps the journal, and resumes', async () => {
    h = new Harness();
    const controller = new AbortController();
    h.sim.at(h.clock.now() + 3 * 60_000, () => controller.abort());
    const interrupted = await h.run(FAILOVER, { signal: controller.signal });
    expect(interrupted.code).toBe(130);
    expect(interrupted.stdout).toContain('[2/7] ✖ interrupted after');
    expect(interrupted.stdout).toContain('Next: continue with: npm run dr-runbook -- failover --resume --execute');
    expect(latestRun(h.journalDir).journal.status).toBe('interrupted');
    expect((await h.run(RESUME)).code).toBe(0);
    expect(h.sim.count('PromoteReadReplica')).toBe(1);
    expect(h.sim.snapshot()).toEqual(reference);
  });

  it('a dry run of --resume lists what is left and changes nothing', async () => {
    h = new Harness();
    await h.runUntilKilled(FAILOVER, (sim) => sim.crashWhen((op, _region, input) => op === 'ModifyDBInstance' && input.MultiAZ === true));
    const before = h.sim.mutatingCalls().length;
    const dry = await h.run(['failover', '--resume']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('1. Fence writes on xyz-prod-mysql-use1 (us-east-1): read_only=1 in xyz-prod-mysql80-use1 (timeout 15m 00s) [done in an earlier attempt: skipped]');
    expect(dry.stdout).toContain('3. Start converting xyz-prod-mysql-usw2 (us-west-2) to Multi-AZ (timeout 15m 00s) [running in an earlier attempt: runs again, checking AWS first]');
    expect(dry.stdout).toContain('To run them: npm run dr-runbook -- failover --resume --execute');
    expect(h.sim.mutatingCalls()).toHaveLength(before);
  });

  it('refuses --resume without an unfinished run, or with a different target', async () => {
    h = new Harness();
    const nothing = await h.run(RESUME);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('there is no unfinished failover run for production');
    await h.runUntilKilled(FAILOVER, (sim) => sim.crashOn('PromoteReadReplica'));
    const other = await h.run(['failover', '--resume', '--to', 'us-east-2', '--execute', '--yes']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('the unfinished failover run was started with to = "us-west-2"; --resume cannot change it to "us-east-2"');
  });
});
