import { Harness } from './support/harness';
import { latestRun } from './support/report';
import { platformIds } from './support/topology-ids';

const USE1 = 'xyz-prod-mysql-use1';
const TARGET = 'xyz-prod-mysql-use1-pitr-202503010300';

describe('restore', () => {
  let h: Harness;
  afterEach(() => h.cleanup());

  it('restores to a point in time into a new instance with the region settings and prints its endpoint', async () => {
    h = new Harness();
    const names = platformIds(h.topology).names('us-east-1');
    const result = await h.run(['restore', '--time', '2025-03-01T02:15:00Z', '--execute', '--yes']);
    expect(result.code).toBe(0);
    const call = h.sim.calls.find((entry) => entry.operation === 'RestoreDBInstanceToPointInTime');
    expect(call?.region).toBe('us-east-1');
    expect(call?.input).toMatchObject({
      SourceDBInstanceIdentifier: USE1,
      TargetDBInstanceIdentifier: TARGET,
      RestoreTime: new Date('2025-03-01T02:15:00Z'),
      DBSubnetGroupName: names.dbSubnetGroup,
      DBParameterGroupName: names.dbParameterGroup,
      VpcSecurityGroupIds: ['sg-0use1db00000001'],
      PubliclyAccessible: false,
    });
    const restored = h.sim.instance('us-east-1', TARGET);
    expect(restored).toMatchObject({ status: 'available', kmsKeyId: h.sim.instance('us-east-1', USE1)?.kmsKeyId, parameterGroup: names.dbParameterGroup });
    expect(result.stdout).toContain(`Endpoint: ${restored?.endpointAddress}:3306`);
    expect(result.stdout).toContain("the new instance is encrypted with the source's KMS key");
    expect(latestRun(h.journalDir).report?.results.Endpoint).toBe(`${restored?.endpointAddress}:3306`);
  });

  it('--latest restores to the latest restorable time, in another region and under another name if asked', async () => {
    h = new Harness();
    const result = await h.run(['restore', '--latest', '--target-id', 'inspect-orders', '--execute', '--yes']);
    expect(result.code).toBe(0);
    expect(h.sim.calls.find((entry) => entry.operation === 'RestoreDBInstanceToPointInTime')?.input).toMatchObject({ UseLatestRestorableTime: true, TargetDBInstanceIdentifier: 'inspect-orders' });
    const replica = await h.run(['restore', '--latest', '--region', 'us-west-2']);
    expect(replica.code).toBe(3);
    expect(replica.stdout).toContain('xyz-prod-mysql-usw2 has no automated backups (retention 0): nothing to restore from');
  });

  it('refuses a time outside the restore window and a target that already exists', async () => {
    h = new Harness();
    const early = await h.run(['restore', '--time', '2025-02-20T00:00:00Z']);
    expect(early.code).toBe(3);
    expect(early.stdout).toContain('2025-02-20T00:00:00.000Z is before the earliest restorable time 2025-02-27T03:00:00.200Z');
    expect((await h.run(['restore', '--latest', '--target-id', 'inspect-a', '--execute', '--yes'])).code).toBe(0);
    const mutations = h.sim.mutatingCalls().length;
    const taken = await h.run(['restore', '--latest', '--target-id', 'inspect-a']);
    expect(taken.code).toBe(3);
    expect(taken.stdout).toContain('inspect-a already exists in us-east-1; choose another --target-id');
    expect(h.sim.mutatingCalls()).toHaveLength(mutations);
  });

  it('stops, restoring nothing, when an instance of that name appears that this run did not create', async () => {
    h = new Harness();
    const source = h.sim.instance('us-east-1', USE1);
    if (!source) throw new Error('no source');
    h.sim.at(h.clock.now() + 300, (sim) => sim.addInstance({ ...source, id: 'taken-later', tags: {} }));
    const result = await h.run(['restore', '--latest', '--target-id', 'taken-later', '--execute', '--yes']);
    expect(result.code).toBe(4);
    expect(result.stdout).toContain('taken-later already exists and was not created by this run (xyz:dr-runbook-run=none); nothing was restored');
    expect(h.sim.count('RestoreDBInstanceToPointInTime')).toBe(0);
  });

  it('killed right after the restore was accepted, resumes and finds its own instance', async () => {
    h = new Harness();
    await h.runUntilKilled(['restore', '--latest', '--execute', '--yes'], (sim) => sim.crashOn('RestoreDBInstanceToPointInTime'));
    const resumed = await h.run(['restore', '--resume', '--execute', '--yes']);
    expect(resumed.code).toBe(0);
    expect(h.sim.count('RestoreDBInstanceToPointInTime')).toBe(1);
    expect(resumed.stdout).toContain(`${TARGET} is available at`);
  });
});
