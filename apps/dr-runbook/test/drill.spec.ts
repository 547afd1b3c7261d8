import { Harness } from './support/harness';
import { latestRun } from './support/report';

const DRILL = ['drill', 'az-failover', '--execute', '--yes'];
const USE1 = 'xyz-prod-mysql-use1';

describe('drill az-failover', () => {
  let h: Harness;
  afterEach(() => h.cleanup());

  it('forces a Multi-AZ failover of the primary and measures the time until it is available again', async () => {
    h = new Harness();
    const result = await h.run(DRILL);
    expect(result.code).toBe(0);
    expect(h.sim.calls.find((call) => call.operation === 'RebootDBInstance')?.input).toEqual({ DBInstanceIdentifier: USE1, ForceFailover: true });
    expect(h.sim.instance('us-east-1', USE1)).toMatchObject({ availabilityZone: 'us-east-1b', secondaryAvailabilityZone: 'us-east-1a', status: 'available' });
    expect(result.stdout).toMatch(/\[1\/1\] ✔ xyz-prod-mysql-use1 failed over from us-east-1a to us-east-1b in 1m 3\ds/);
    const { report } = latestRun(h.journalDir);
    // The simulated failover takes 90 s; the runbook sees it at its next poll (every 10 s).
    expect(report?.rtoMs).toBeGreaterThanOrEqual(90_000);
    expect(report?.rtoMs).toBeLessThanOrEqual(101_000);
    expect(report?.results['Availability zone']).toBe('us-east-1a -> us-east-1b');
  });

  it('refuses a single-AZ primary, one that is rebooting, and a primary that AWS shows as a replica', async () => {
    h = new Harness();
    h.sim.setInstance('us-east-1', USE1, { multiAZ: false });
    const single = await h.run(DRILL);
    expect(single.code).toBe(3);
    expect(single.stdout).toContain('xyz-prod-mysql-use1 is single-AZ: RDS refuses a forced failover (RebootDBInstance ForceFailover) without a standby');
    h.sim.setInstance('us-east-1', USE1, { multiAZ: true, baseStatus: 'rebooting' });
    expect((await h.run(DRILL)).stdout).toContain('xyz-prod-mysql-use1 is already rebooting; wait until it is available');
    h.sim.setInstance('us-east-1', USE1, { baseStatus: 'available', sourceArn: 'arn:aws:rds:us-west-2:111122223333:db:xyz-prod-mysql-usw2' });
    expect((await h.run(DRILL)).stdout).toContain('is a replica of arn:aws:rds:us-west-2:111122223333:db:xyz-prod-mysql-usw2, not the primary');
    expect(h.sim.mutatingCalls()).toEqual([]);
  });

  it('killed right after the reboot was accepted, resumes without failing over twice', async () => {
    h = new Harness();
    await h.runUntilKilled(DRILL, (sim) => sim.crashOn('RebootDBInstance'));
    await h.clock.advance(20_000);
    const resumed = await h.run(['drill', 'az-failover', '--resume', '--execute', '--yes']);
    expect(resumed.code).toBe(0);
    expect(h.sim.count('RebootDBInstance')).toBe(1);
    expect(resumed.stdout).toContain('failed over from us-east-1a to us-east-1b');
  });

  it('killed while the instance reboots, resumes and still reports the measured time', async () => {
    h = new Harness();
    await h.runUntilKilled(DRILL, (sim) => sim.crashWhen((op) => op === 'DescribeDBInstances' && sim.instance('us-east-1', USE1)?.status === 'rebooting'));
    const resumed = await h.run(['drill', 'az-failover', '--resume', '--execute', '--yes']);
    expect(resumed.code).toBe(0);
    expect(h.sim.count('RebootDBInstance')).toBe(1);
    expect(latestRun(h.journalDir).report?.rtoMs).toBeGreaterThanOrEqual(90_000);
  });

  it('times out when the instance never comes back', async () => {
    h = new Harness({ delays: { failoverMs: 5 * 3_600_000 } });
    const result = await h.run(DRILL);
    expect(result.code).toBe(4);
    expect(result.stdout).toContain('timed out (limit 20m 00s): timed out waiting for failover of xyz-prod-mysql-use1');
    expect(result.stdout).toContain('last seen: status rebooting in us-east-1a');
  });
});
