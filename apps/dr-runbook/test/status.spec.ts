import type { StatusReport } from '../src/commands/status';
import { Harness } from './support/harness';
import { awsErrors } from '@xyz/dr-simulator';

describe('status', () => {
  let h: Harness;
  afterEach(() => h.cleanup());

  it('shows the topology beside AWS as a table and exits 0 when healthy', async () => {
    h = new Harness();
    const result = await h.run(['status']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.find((line) => line.startsWith('REGION'))).toMatch(/^REGION\s+TOPOLOGY\s+AWS\s+INSTANCE\s+STATUS\s+MULTI-AZ\s+BACKUPS\s+LATEST RESTORABLE\s+SOURCE\s+LAG\s+WRITER ENDPOINT$/);
    expect(lines.find((line) => line.startsWith('us-east-1'))).toMatch(/^us-east-1\s+primary\s+primary\s+xyz-prod-mysql-use1\s+available\s+yes\s+2 d\s+2025-03-01T02:55:00.\d{3}Z\s+-\s+-\s+ok$/);
    expect(lines.find((line) => line.startsWith('us-west-2'))).toMatch(/^us-west-2\s+replica\s+replica\s+xyz-prod-mysql-usw2\s+available\s+no\s+0 d\s+-\s+us-east-1\s+2 s\s+ok$/);
    expect(result.stdout).toContain('No findings: AWS matches the topology.');
    expect(result.stdout).toContain('Platform: HEALTHY');
    expect(h.sim.mutatingCalls()).toEqual([]);
  });

  it('--json gives the same facts for machines', async () => {
    h = new Harness();
    const result = await h.run(['status', '--json']);
    const report = JSON.parse(result.stdout) as StatusReport;
    expect(report.healthy).toBe(true);
    expect(report.regions.map((region) => [region.region, region.expectedRole, region.instance?.role, region.instance?.multiAZ])).toEqual([
      ['us-east-1', 'primary', 'primary', true],
      ['us-west-2', 'replica', 'replica', false],
      ['us-east-2', 'replica', 'replica', false],
    ]);
    expect(report.regions[1]).toMatchObject({ lagSeconds: 2, instance: { source: 'arn:aws:rds:us-east-1:111122223333:db:xyz-prod-mysql-use1', backupRetentionDays: 0 } });
  });

  it('flags the drift a failover leaves until the topology is updated, and exits 3', async () => {
    h = new Harness();
    expect((await h.run(['failover', '--to', 'us-west-2', '--execute', '--yes'])).code).toBe(0);
    const result = await h.run(['status']);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('✖ us-west-2: the topology says xyz-prod-mysql-usw2 is a replica, but AWS shows a standalone instance (promoted?)');
    expect(result.stdout).toContain('✖ us-east-2: xyz-prod-mysql-use2 replicates from xyz-prod-mysql-usw2 (us-west-2), the topology expects xyz-prod-mysql-use1 (us-east-1)');
    expect(result.stdout).toMatch(/✖ us-east-1: \/xyz\/prod\/mysql\/writer-endpoint is xyz-prod-mysql-usw2\S+, not the primary's xyz-prod-mysql-use1\S+/);
    expect(result.stdout).toContain('✖ *: 2 standalone (writable) instances: xyz-prod-mysql-use1 (us-east-1), xyz-prod-mysql-usw2 (us-west-2)');
    expect(result.stdout).toContain('⚠ us-east-2: xyz-prod-mysql-use2-stale-202503010300 (available) is left over from an earlier run');
    expect(result.stdout).toMatch(/Platform: UNHEALTHY \(\d+ error\(s\)\)/);
  });

  it('once the topology names the new primary, only the old primary is still flagged (until failback replaces it)', async () => {
    h = new Harness();
    expect((await h.run(['failover', '--to', 'us-west-2', '--execute', '--yes', '--write-topology'])).code).toBe(0);
    const result = await h.run(['status', '--json']);
    const report = JSON.parse(result.stdout) as StatusReport;
    expect(report.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.region)).toEqual(['us-east-1', '*']);
    expect(report.findings.find((finding) => finding.region === 'us-east-1')?.message).toBe('the topology says xyz-prod-mysql-use1 is a replica, but AWS shows a standalone instance (promoted?). Update the topology or run failback.');
  });

  it('is unhealthy when a replica lags, a region cannot be read, or the primary lost Multi-AZ', async () => {
    h = new Harness({ lagSeconds: { 'us-east-2': 300 }, regionsDown: ['us-west-2'] });
    h.sim.setInstance('us-east-1', 'xyz-prod-mysql-use1', { multiAZ: false, backupRetention: 7 });
    const result = await h.run(['status']);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('✖ us-east-2: ReplicaLag of xyz-prod-mysql-use2 is 300 s (alarm threshold 60 s)');
    expect(result.stdout).toContain('? us-west-2: cannot check: did not answer (rds:DescribeDBInstances, 3 attempts: TimeoutError: Socket timed out without establishing a connection to rds.us-west-2.amazonaws.com)');
    expect(result.stdout).toContain('✖ us-east-1: xyz-prod-mysql-use1 is single-AZ; the design runs the primary Multi-AZ');
    expect(result.stdout).toContain('⚠ us-east-1: xyz-prod-mysql-use1 keeps backups 7 d; the policy is 2 d');
    expect(result.stdout).toMatch(/^us-west-2\s+replica\s+cannot check/m);
    expect(result.stdout).toContain('Platform: UNHEALTHY (2 error(s)); could not check: us-west-2');
  });
});

describe('status: what could not be checked is not unhealthy', () => {
  let h: Harness;
  afterEach(() => h.cleanup());
  const report = (stdout: string) => JSON.parse(stdout) as StatusReport;

  it('the primary region does not answer and the rest is healthy: "cannot check" with the reason, exit 7', async () => {
    h = new Harness({ regionsDown: ['us-east-1'] });
    const result = await h.run(['status']);
    expect(result.code).toBe(7);
    expect(result.stdout).toMatch(/^us-east-1\s+primary\s+cannot check\s+xyz-prod-mysql-use1/m);
    expect(result.stdout).toContain('? us-east-1: cannot check: did not answer (rds:DescribeDBInstances, 3 attempts: TimeoutError');
    expect(result.stdout).not.toContain('✖');
    expect(result.stdout).toContain('Platform: CANNOT CHECK us-east-1; no problem in what could be checked');
    expect(result.stdout).not.toContain('UNHEALTHY');
    const json = report((await h.run(['status', '--json'])).stdout);
    expect(json).toMatchObject({ health: 'cannot-check', healthy: false, cannotCheck: ['us-east-1'] });
  });

  it('no region answers: exit 7, and nothing is called unhealthy', async () => {
    h = new Harness({ regionsDown: ['us-east-1', 'us-west-2', 'us-east-2'] });
    const result = await h.run(['status']);
    expect(result.code).toBe(7);
    expect(result.stdout).toContain('Platform: CANNOT CHECK (no region could be read: us-east-1, us-west-2, us-east-2); nothing is known about its health');
    expect(result.stdout).not.toContain('UNHEALTHY');
    expect(result.stdout.match(/^ {2}\? /gm)).toHaveLength(3);
  });

  it('access denied in one region is a reason to check, not a finding about the database', async () => {
    h = new Harness();
    const denied = (operation: string) => () => awsErrors.rds('AccessDenied', `User: arn:aws:iam::111122223333:user/oncall is not authorized to perform: ${operation}`, 403);
    h.sim.injectFault({ operation: 'DescribeDBInstances', region: 'us-east-2', count: 10, error: denied('rds:DescribeDBInstances') });
    h.sim.injectFault({ operation: 'GetParameter', region: 'us-west-2', count: 10, error: denied('ssm:GetParameter') });
    const result = await h.run(['status']);
    expect(result.code).toBe(7);
    expect(result.stdout).toContain('? us-east-2: cannot check: access denied (rds:DescribeDBInstances: AccessDenied: User: arn:aws:iam::111122223333:user/oncall is not authorized to perform: rds:DescribeDBInstances)');
    expect(result.stdout).toContain('? us-west-2: cannot check /xyz/prod/mysql/writer-endpoint: access denied (ssm:GetParameter: AccessDenied: User: arn:aws:iam::111122223333:user/oncall is not authorized to perform: ssm:GetParameter)');
    expect(result.stdout).toMatch(/^us-west-2\s+replica\s+replica\s+.*\s+cannot check$/m);
    expect(h.sim.calls.filter((call) => call.operation === 'DescribeDBInstances' && call.region === 'us-east-2')).toHaveLength(1);
  });

  it('CloudWatch that does not answer leaves the lag unchecked, not unknown', async () => {
    h = new Harness();
    h.sim.injectFault({ operation: 'GetMetricData', region: 'us-west-2', count: 10, error: () => awsErrors.rds('ServiceUnavailable', 'try later', 503) });
    const result = await h.run(['status']);
    expect(result.code).toBe(7);
    expect(result.stdout).toMatch(/^us-west-2\s+replica\s+replica\s+xyz-prod-mysql-usw2\s+available\s+no\s+0 d\s+-\s+us-east-1\s+cannot check\s+ok$/m);
    expect(result.stdout).toContain('? us-west-2: cannot check the ReplicaLag of xyz-prod-mysql-usw2: did not answer (cloudwatch:GetMetricData, 3 attempts: ServiceUnavailable: try later)');
  });

  it('a problem found anywhere wins over what could not be checked: exit 3', async () => {
    h = new Harness({ regionsDown: ['us-west-2'], lagSeconds: { 'us-east-2': 300 } });
    const result = await h.run(['status', '--json']);
    expect(result.code).toBe(3);
    expect(report(result.stdout)).toMatchObject({ health: 'unhealthy', healthy: false, cannotCheck: ['us-west-2'] });
  });
});
