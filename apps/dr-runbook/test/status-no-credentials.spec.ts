import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StatusReport } from '../src/commands/status';
import { runCliProcess } from './e2e/run-cli-process';

/**
 * `npm run dr-runbook -- status` with the real SDK and no credentials anywhere in its chain: a
 * laptop that is not logged in. Nothing is known about the platform, so nothing may be called
 * unhealthy.
 */
describe('status without AWS credentials', () => {
  const empty = mkdtempSync(join(tmpdir(), 'dr-runbook-no-aws-'));
  const noCredentials = {
    AWS_ACCESS_KEY_ID: '',
    AWS_SECRET_ACCESS_KEY: '',
    AWS_SESSION_TOKEN: '',
    AWS_PROFILE: '',
    AWS_SHARED_CREDENTIALS_FILE: join(empty, 'credentials'),
    AWS_CONFIG_FILE: join(empty, 'config'),
    AWS_WEB_IDENTITY_TOKEN_FILE: '',
    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '',
    AWS_CONTAINER_CREDENTIALS_FULL_URI: '',
    AWS_EC2_METADATA_DISABLED: 'true',
    // Should anything try to reach AWS anyway, it is refused on this machine, not sent out.
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  };

  it('reports every region as "cannot check: no AWS credentials" and exits 7, never UNHEALTHY', async () => {
    const result = await runCliProcess(['status'], { env: noCredentials });
    expect(result.code).toBe(7);
    ['us-east-1', 'us-west-2', 'us-east-2'].forEach((region) => {
      expect(result.stdout).toMatch(new RegExp(`^  \\? ${region}: cannot check: no AWS credentials \\(rds:DescribeDBInstances: .+\\)$`, 'm'));
      expect(result.stdout).toMatch(new RegExp(`^${region}\\s+\\S+\\s+cannot check\\s`, 'm'));
    });
    expect(result.stdout).toContain('Platform: CANNOT CHECK (no region could be read: us-east-1, us-west-2, us-east-2); nothing is known about its health');
    expect(result.stdout).not.toMatch(/UNHEALTHY|✖/);
    expect(result.stderr).toBe('');
  });

  it('says the same to machines with --json', async () => {
    const result = await runCliProcess(['status', '--json'], { env: noCredentials });
    expect(result.code).toBe(7);
    const report = JSON.parse(result.stdout) as StatusReport;
    expect(report).toMatchObject({ health: 'cannot-check', healthy: false, cannotCheck: ['us-east-1', 'us-west-2', 'us-east-2'] });
    expect(report.findings.map((finding) => finding.severity)).toEqual(['cannot-check', 'cannot-check', 'cannot-check']);
    expect(report.regions.every((region) => !region.reachable && region.error?.startsWith('no AWS credentials'))).toBe(true);
  });
});
