import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTopology, topologyFile } from '@xyz/topology';
import { runCliProcess } from './e2e/run-cli-process';
import { Harness } from './support/harness';
import { QUICK_DELAYS, platformScenario, type SimState } from '@xyz/dr-simulator';

/** The CLI as a user runs it: `npm run dr-runbook -- ...` in a child process, AWS simulated in that process. */
describe('dr-runbook as a child process', () => {
  const topology = loadTopology('production');
  const FAST = ['--poll-interval', '1'];

  function workspace(): { topologyDir: string; journalDir: string; flags: string[] } {
    const root = mkdtempSync(join(tmpdir(), 'dr-runbook-cli-'));
    const topologyDir = join(root, 'environments');
    mkdirSync(topologyDir);
    copyFileSync(topologyFile('production'), join(topologyDir, 'production.json'));
    return { topologyDir, journalDir: join(root, 'journal'), flags: ['--topology-dir', topologyDir] };
  }

  const scenario = (state: SimState = platformScenario(topology)) => ({ state, delays: QUICK_DELAYS });

  it('--help teaches the commands and the exit codes', async () => {
    const result = await runCliProcess(['--help']);
    expect(result.code).toBe(0);
    ['status', 'drill', 'failover', 'failback', 'restore', 'Which command when:', 'DRY RUN', 'Exit codes:', '130  interrupted'].forEach((text) => expect(result.stdout).toContain(text));
  });

  it('status: prints the table, exit 0 when healthy and 3 when a replica lags', async () => {
    const { flags } = workspace();
    const healthy = await runCliProcess(['status', ...flags], { scenario: scenario() });
    expect(healthy.code).toBe(0);
    expect(healthy.stdout).toMatch(/^us-east-2\s+replica\s+replica\s+xyz-prod-mysql-use2\s+available/m);
    expect(healthy.stdout).toContain('Platform: HEALTHY');
    const lagging = await runCliProcess(['status', ...flags], { scenario: scenario(platformScenario(topology, { lagSeconds: { 'us-east-2': 500 } })) });
    expect(lagging.code).toBe(3);
    expect(lagging.stdout).toContain('✖ us-east-2: ReplicaLag of xyz-prod-mysql-use2 is 500 s (alarm threshold 60 s)');
  });

  it('drill az-failover: asks for the identifier on stdin, fails over and reports the time', async () => {
    const { flags, journalDir } = workspace();
    const result = await runCliProcess(['drill', 'az-failover', '--execute', ...FAST, ...flags, '--journal-dir', journalDir], { scenario: scenario(), input: 'xyz-prod-mysql-use1\n' });
    expect(result.stderr).toContain('Type the identifier of the target database (xyz-prod-mysql-use1)');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\[1\/1\] ✔ xyz-prod-mysql-use1 failed over from us-east-1a to us-east-1b in (\d+ms|\d+s)/);
    expect(result.stdout).toContain('Measured RTO:');
    expect(result.calls.filter((call) => call.operation === 'RebootDBInstance')).toHaveLength(1);
  });

  it('failover: dry run by default, then --execute --yes --write-topology does it all', async () => {
    const { flags, journalDir, topologyDir } = workspace();
    const dry = await runCliProcess(['failover', '--to', 'us-west-2', ...flags, '--journal-dir', journalDir], { scenario: scenario() });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('DRY RUN: nothing will be changed.');
    expect(dry.calls.filter((call) => !['DescribeDBInstances', 'GetMetricData', 'DescribeDBParameters', 'GetParameter'].includes(call.operation))).toEqual([]);

    const run = await runCliProcess(['failover', '--to', 'us-west-2', '--execute', '--yes', '--write-topology', ...FAST, ...flags, '--journal-dir', journalDir], { scenario: scenario() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✔ Regional failover from us-east-1 to us-west-2: finished after');
    expect(run.calls.filter((call) => call.operation === 'PromoteReadReplica' && call.outcome === 'ok')).toHaveLength(1);
    const promoted = run.snapshot?.instances.find((instance) => instance.id === 'xyz-prod-mysql-usw2');
    expect(promoted).toMatchObject({ multiAZ: true, backupRetention: 2 });
    expect(promoted?.source).toBeUndefined();
    expect(readFileSync(join(topologyDir, 'production.json'), 'utf8')).toContain('"primaryRegion": "us-west-2"');
  });

  it('failback: brings the primary home after a failover, with RPO 0', async () => {
    const after = new Harness();
    try {
      expect((await after.run(['failover', '--to', 'us-west-2', '--execute', '--yes', '--write-topology'])).code).toBe(0);
      const { flags, journalDir, topologyDir } = workspace();
      copyFileSync(after.topologyFile, join(topologyDir, 'production.json'));
      const state = after.sim.exportState();
      const result = await runCliProcess(['failback', '--to', 'us-east-1', '--execute', '--yes', ...FAST, ...flags, '--journal-dir', journalDir], { scenario: scenario(state) });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Estimated RPO: 0 s');
      const primary = result.snapshot?.instances.find((instance) => instance.id === 'xyz-prod-mysql-use1');
      expect(primary?.multiAZ).toBe(true);
      expect(primary?.source).toBeUndefined();
      expect(result.snapshot?.ssm['us-east-2|/xyz/prod/mysql/writer-endpoint']).toMatch(/^xyz-prod-mysql-use1\./);
    } finally {
      after.cleanup();
    }
  });

  it('restore: refuses a malformed time with exit 2 and no AWS call, then restores and prints the endpoint', async () => {
    const { flags, journalDir } = workspace();
    const bad = await runCliProcess(['restore', '--time', '2025-02-30T25:00:00Z', ...flags, '--journal-dir', journalDir], { scenario: scenario() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not an ISO-8601 time with a zone');
    expect(bad.calls).toEqual([]);

    const time = new Date(Date.now() - 30 * 60_000).toISOString();
    const result = await runCliProcess(['restore', '--time', time, '--target-id', 'inspect-orders', '--execute', '--yes', ...FAST, ...flags, '--journal-dir', journalDir], { scenario: scenario() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Endpoint: inspect-orders\.\S+\.us-east-1\.rds\.amazonaws\.com:3306/);
  });
});
