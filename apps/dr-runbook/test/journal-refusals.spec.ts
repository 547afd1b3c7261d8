import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Harness } from './support/harness';
import { latestRun } from './support/report';

const FAILOVER = ['failover', '--to', 'us-west-2', '--execute', '--yes'];
const RESUME = ['failover', '--resume', '--execute', '--yes'];
const RESTORE = ['restore', '--time', '2025-03-01T02:15:00Z', '--execute', '--yes'];

type Doc = Record<string, unknown> & { request: Record<string, unknown>; plan: Record<string, unknown> & { replicas?: Record<string, unknown>[] } };

function journalFile(h: Harness): string {
  return join(latestRun(h.journalDir).dir, 'journal.json');
}

function editJournal(h: Harness, edit: (doc: Doc) => void): string {
  const file = journalFile(h);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Doc;
  edit(doc);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

/** A failover that died while fencing: every later step is still to run. */
async function stoppedFailover(): Promise<Harness> {
  const h = new Harness();
  await h.runUntilKilled(FAILOVER, (sim) => sim.crashOn('ModifyDBParameterGroup'));
  return h;
}

async function refusedWithoutAwsCall(h: Harness, args: readonly string[]) {
  const before = h.sim.calls.length;
  const result = await h.run(args);
  expect(result.code).toBe(2);
  expect(h.sim.calls.length).toBe(before);
  // One line, no stack trace, and not the "internal error" of a bug.
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toContain('internal error');
  return result.stderr.trim();
}

describe('--resume refuses a journal whose request or plan was tampered with', () => {
  let h: Harness;
  afterEach(() => h.cleanup());

  const failoverCases: [string, (doc: Doc) => void, string][] = [
    ['an unknown region', (doc) => (doc.request.to = 'us-west-9'), `request.to = "us-west-9": not a known AWS region (this platform's regions: us-east-1, us-west-2, us-east-2)`],
    ['a region outside the platform', (doc) => (doc.request.to = 'eu-west-1'), 'request.to = "eu-west-1": not a region of the production platform (its regions: us-east-1, us-west-2, us-east-2)'],
    ['the primary as target before anything was promoted', (doc) => (doc.request.to = 'us-east-1'), 'request.to = "us-east-1": us-east-1 is already the primary region in the topology (xyz-prod-mysql-use1). Run `status` to compare the topology with AWS.'],
    ['a lag limit of the wrong type', (doc) => (doc.request.maxLagSeconds = '60'), 'request.maxLagSeconds = "60": Invalid input: expected number, received string'],
    ['a lag limit that switches the check off', (doc) => (doc.request.maxLagSeconds = 1e12), 'request.maxLagSeconds = 1000000000000: out of range: between 0 and 86400 seconds (24 h)'],
    ['a missing option', (doc) => delete doc.request.force, 'request.force (missing): Invalid input: expected boolean, received undefined'],
    ['an option the command does not have', (doc) => (doc.request.skipChecks = true), 'request: Unrecognized key: "skipChecks"'],
    ['a request that is not an object', (doc) => ((doc as Record<string, unknown>).request = 'us-west-2'), 'request = "us-west-2": Invalid input: expected object, received string'],
    ['a target identifier not in the topology', (doc) => (doc.plan.toId = 'billing-db'), 'plan.toId = "billing-db": not the identifier the topology gives us-west-2 ("xyz-prod-mysql-usw2")'],
    ['another region\'s instance to rebuild', (doc) => (doc.plan.replicas![0].id = 'xyz-prod-mysql-usw2'), 'plan.replicas[0].id = "xyz-prod-mysql-usw2": not the identifier the topology gives us-east-2 ("xyz-prod-mysql-use2")'],
    ['a replica rebuilt from elsewhere', (doc) => (doc.plan.replicas![0].sourceArn = 'arn:aws:rds:us-east-1:999999999999:db:other'), 'plan.replicas[0].sourceArn = "arn:aws:rds:us-east-1:999999999999:db:other": not the ARN of the run\'s new source ("arn:aws:rds:us-west-2:111122223333:db:xyz-prod-mysql-usw2")'],
    ['a parameter group to fence that is not the primary\'s', (doc) => (doc.plan.fromParameterGroup = 'default.mysql8.0'), 'plan.fromParameterGroup = "default.mysql8.0": not the parameter group the topology gives us-east-1 ("xyz-prod-mysql80-use1")'],
    ['a security group that is not one', (doc) => (doc.plan.replicas![0].placement = { securityGroupIds: ['0.0.0.0/0'] }), 'plan.replicas[0].placement.securityGroupIds[0] = "0.0.0.0/0": not a security group id'],
  ];

  it.each(failoverCases)('failover: %s (exit 2, the file and the field named, no AWS call)', async (_name, tamper, message) => {
    h = await stoppedFailover();
    const file = editJournal(h, tamper);
    const error = await refusedWithoutAwsCall(h, RESUME);
    expect(error).toBe(`error: journal ${file}: ${message} (the journal was edited or is damaged: nothing was done; move its run directory away to start over)`);
    // The dry run of a resume reads the same journal and refuses it the same way.
    expect(await refusedWithoutAwsCall(h, ['failover', '--resume'])).toBe(error);
  });

  const factCases: [string, (facts: Record<string, unknown>) => void, string][] = [
    ['a fact of the wrong type', (facts) => (facts.fenceRequestedAt = 'soon'), 'facts.fenceRequestedAt = "soon": Invalid input: expected number, received string'],
    ['a fact no step of the run records', (facts) => (facts.skipFence = true), 'facts.skipFence = true: not a fact any step of this run records'],
    ["a region's fact of the wrong type", (facts) => (facts['stale:us-east-2'] = 42), 'facts.stale:us-east-2 = 42: Invalid input: expected string, received number'],
    ['an RPO that is not a number of seconds', (facts) => (facts.lagAtPromotionSeconds = -5), 'facts.lagAtPromotionSeconds = -5: Too small: expected number to be >=0'],
  ];

  it.each(factCases)('failover facts: %s (exit 2, the fact named, no AWS call)', async (_name, tamper, message) => {
    h = await stoppedFailover();
    const file = editJournal(h, (doc) => tamper(doc.facts as Record<string, unknown>));
    const error = await refusedWithoutAwsCall(h, RESUME);
    expect(error).toBe(`error: journal ${file}: ${message} (the journal was edited or is damaged: nothing was done; move its run directory away to start over)`);
    expect(await refusedWithoutAwsCall(h, ['failover', '--resume'])).toBe(error);
  });

  const restoreCases: [string, (doc: Doc) => void, string][] = [
    ['a restore time in the future', (doc) => (doc.request.time = '2099-01-01T00:00:00.000Z'), 'request.time = "2099-01-01T00:00:00.000Z": in the future (it is 2025-03-01T03:'],
    ['a restore time that is not a time', (doc) => (doc.request.time = 'yesterday'), 'request.time = "yesterday": not an ISO-8601 time with a zone'],
    ['a source that is not a database of the platform', (doc) => (doc.request.source = 'billing-db'), 'request.source = "billing-db": not a database of the platform in us-east-1'],
    ['a target that is a platform database', (doc) => (doc.request.targetId = 'xyz-prod-mysql-usw2'), 'request.targetId = "xyz-prod-mysql-usw2": the identifier of a platform database'],
    ['a plan for another target than the request', (doc) => (doc.plan.targetId = 'somewhere-else'), 'plan.targetId = "somewhere-else": not the targetId of the request'],
    ['no security group', (doc) => (doc.plan.securityGroupIds = []), 'plan.securityGroupIds = []: Too small'],
  ];

  it.each(restoreCases)('restore: %s', async (_name, tamper, message) => {
    h = new Harness();
    await h.runUntilKilled(RESTORE, (sim) => sim.crashOn('RestoreDBInstanceToPointInTime', 1, 'request-lost'));
    const file = editJournal(h, tamper);
    const error = await refusedWithoutAwsCall(h, ['restore', '--resume', '--execute', '--yes']);
    expect(error).toContain(`error: journal ${file}: ${message}`);
  });

  it('accepts the untouched journal and finishes the run', async () => {
    h = await stoppedFailover();
    editJournal(h, () => undefined);
    expect((await h.run(RESUME)).code).toBe(0);
  });
});

describe('a journal that cannot be read', () => {
  let h: Harness;
  afterEach(() => h.cleanup());

  const damage: [string, (file: string) => void, RegExp][] = [
    ['cut short', (file) => writeFileSync(file, readFileSync(file, 'utf8').slice(0, 200)), /is not valid JSON \(.+\): it was cut short or edited\. Repair it, or move its run directory away to start over\.$/],
    ['empty', (file) => writeFileSync(file, ''), /is not valid JSON \(Unexpected end of JSON input\)/],
    ['not an object', (file) => writeFileSync(file, '[1, 2, 3]\n'), /: journal = \[1,2,3\]: Invalid input: expected object, received array \(the journal was edited/],
    ['missing its steps', (file) => writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), steps: undefined })), /: journal\.steps \(missing\): Invalid input: expected array, received undefined/],
    [
      'unreadable',
      (file) => {
        rmSync(file);
        mkdirSync(file);
      },
      /: cannot be read \(EISDIR\)$/,
    ],
  ];

  it.each(damage)('%s: a one-line error naming the file, exit 2, for --resume and for a new run alike', async (_name, harm, problem) => {
    h = await stoppedFailover();
    const file = journalFile(h);
    harm(file);
    for (const args of [RESUME, ['failover', '--to', 'us-west-2'], ['failback', '--to', 'us-west-2']]) {
      const error = await refusedWithoutAwsCall(h, args);
      expect(error.startsWith(`error: journal ${file}: `)).toBe(true);
      expect(error).toMatch(problem);
    }
  });
});

describe('--resume runs the pre-checks of the steps that have not started', () => {
  let h: Harness;
  afterEach(() => h.cleanup());

  it('refuses to promote a replica whose lag grew while the run was stopped, and goes on once it caught up', async () => {
    h = await stoppedFailover();
    h.sim.setInstance('us-west-2', 'xyz-prod-mysql-usw2', { lagSeconds: 300 });
    const refused = await h.run(RESUME);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain('Pre-checks of the steps not started yet (read-only):');
    expect(refused.stdout).toContain('✖ ReplicaLag of xyz-prod-mysql-usw2 is 300 s, above --max-lag 60 s');
    expect(h.sim.count('PromoteReadReplica')).toBe(0);

    h.sim.setInstance('us-west-2', 'xyz-prod-mysql-usw2', { lagSeconds: 2 });
    const resumed = await h.run(RESUME);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('✔ ReplicaLag of xyz-prod-mysql-usw2 is 2 s (limit 60 s)');
    expect(h.sim.count('PromoteReadReplica')).toBe(1);
  });

  it('refuses to rebuild a surviving region that now holds a standalone instance', async () => {
    h = await stoppedFailover();
    h.sim.setInstance('us-east-2', 'xyz-prod-mysql-use2', { sourceArn: undefined });
    const refused = await h.run(RESUME);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain('✖ xyz-prod-mysql-use2 (us-east-2) is standalone, not a replica: refusing to replace a database that may take writes.');
    expect(h.sim.mutatingCalls().filter((call) => call.region !== 'us-east-1')).toEqual([]);
  });

  it('accepts a target that the run itself made the primary (--write-topology), and retries what is left', async () => {
    h = new Harness();
    h.sim.at(h.clock.now() + 60_000, (sim) => sim.regionsDown.add('us-east-2'));
    const first = await h.run([...FAILOVER, '--write-topology']);
    expect(first.code).toBe(6);
    expect(readFileSync(h.topologyFile, 'utf8')).toContain('"primaryRegion": "us-west-2"');
    h.sim.regionsDown.delete('us-east-2');
    const resumed = await h.run(RESUME);
    expect(resumed.code).toBe(0);
    expect(h.sim.instance('us-east-2', 'xyz-prod-mysql-use2')?.sourceArn).toBe('arn:aws:rds:us-west-2:111122223333:db:xyz-prod-mysql-usw2');
  });

  it('does not judge the remaining steps by a topology that already names the new primary (changed by hand after the promotion)', async () => {
    h = new Harness();
    await h.runUntilKilled(FAILOVER, (sim) => sim.crashOn('PromoteReadReplica'));
    writeFileSync(h.topologyFile, readFileSync(h.topologyFile, 'utf8').replace('"primaryRegion": "us-east-1"', '"primaryRegion": "us-west-2"'));
    const resumed = await h.run(RESUME);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('The topology already names us-west-2 as the primary, so the pre-checks, made for the topology before the run, are not run again; each remaining step checks AWS before it acts.');
    expect(h.sim.instance('us-east-2', 'xyz-prod-mysql-use2')?.sourceArn).toBe('arn:aws:rds:us-west-2:111122223333:db:xyz-prod-mysql-usw2');
    expect(h.sim.count('PromoteReadReplica')).toBe(1);
  });

  it('does not re-run the checks of a step that started: the promotion under way is not a lag problem', async () => {
    h = new Harness();
    await h.runUntilKilled(FAILOVER, (sim) => sim.crashOn('PromoteReadReplica'));
    h.sim.setInstance('us-west-2', 'xyz-prod-mysql-usw2', { lagSeconds: 300 });
    const resumed = await h.run(RESUME);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).not.toContain('ReplicaLag of xyz-prod-mysql-usw2 is 300 s');
    expect(resumed.stdout).toContain('Pre-checks of the steps not started yet (read-only):');
    expect(resumed.stdout).toContain('✔ xyz-prod-mysql-use2 (us-east-2) replicates from xyz-prod-mysql-use1 (us-east-1): it is rebuilt from xyz-prod-mysql-usw2; the current one is kept as xyz-prod-mysql-use2-stale-202503010300');
    expect(h.sim.count('PromoteReadReplica')).toBe(1);
  });
});
