import { loadTopology } from '@xyz/topology';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithTerraform, initOffline, type OfflinePlan, planOffline, terraform } from '@xyz/terraform-toolkit/testing';
import { synthRegionSlice } from './region-slice';

const TERRAFORM_TIMEOUT_MS = 180_000;

describeWithTerraform('cache and monitoring under the real terraform and AWS provider', () => {
  const topology = loadTopology('production');
  let outdir: string;
  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'region-slice-'));
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  describe.each([
    ['primary-east', 'primary'],
    ['replica-west', 'replica'],
  ])('%s (%s)', (stackName) => {
    let dir: string;
    let plan: OfflinePlan | undefined;
    const byType = (type: string) => {
      if (!plan) throw new Error('terraform plan did not succeed; see the plan test of this stack');
      return plan.resources.filter((r) => r.type === type);
    };

    beforeAll(() => {
      dir = synthRegionSlice(join(outdir, stackName), topology, stackName);
      initOffline(dir);
    }, TERRAFORM_TIMEOUT_MS);

    it(
      'passes terraform validate',
      () => {
        const result = JSON.parse(terraform(dir, ['validate', '-json', '-no-color'])) as { valid: boolean; error_count: number };
        expect(result).toMatchObject({ valid: true, error_count: 0 });
      },
      TERRAFORM_TIMEOUT_MS,
    );

    it(
      "passes the provider's own plan-time validation and only creates",
      () => {
        const planned = planOffline(dir);
        expect(planned.actions.length).toBeGreaterThan(0);
        planned.actions.forEach((actions) => expect(actions).toEqual(['create']));
        plan = planned;
      },
      TERRAFORM_TIMEOUT_MS,
    );

    it('plans a Multi-AZ, encrypted, IAM-authenticated replication group', () => {
      const [group] = byType('aws_elasticache_replication_group');
      expect(group.values).toMatchObject({
        multi_az_enabled: true,
        automatic_failover_enabled: true,
        num_cache_clusters: 2,
        at_rest_encryption_enabled: 'true',
        transit_encryption_enabled: true,
        transit_encryption_mode: 'required',
      });
      expect(group.values['auth_token']).toBeNull();
    });

    it('plans no password for any cache user', () => {
      const users = byType('aws_elasticache_user');
      expect(users.map((user) => (user.values['authentication_mode'] as Array<{ type: string }>)[0].type).sort()).toEqual(['iam', 'no-password-required']);
      users.forEach((user) => expect(user.values['passwords'] ?? null).toBeNull());
    });

    it('plans an alarm per threshold and one dashboard', () => {
      const alarms = byType('aws_cloudwatch_metric_alarm');
      const expected = stackName === 'primary-east' ? 4 + 4 * 2 + 7 : 5 + 4 * 2;
      expect(alarms).toHaveLength(expected);
      expect(byType('aws_cloudwatch_dashboard')).toHaveLength(1);
    });
  });
});
