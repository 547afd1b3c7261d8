import { compareWithCaseStudy } from '../src/cost/case-study';
import { estimateStack } from '../src/cost/estimate';
import type { ResourceCost } from '../src/cost/model';
import { PRICES, RDS_EXTENDED_SUPPORT, RDS_MYSQL_INSTANCE_HOUR } from '../src/cost/prices';
import { priceResource } from '../src/cost/resources';
import { DEFAULT_USAGE, parseUsage } from '../src/cost/usage';
import { mini } from './fixtures';

function costOf(costs: readonly ResourceCost[], address: string): ResourceCost {
  const found = costs.find((cost) => cost.address === address);
  if (!found) throw new Error(`no cost for ${address}`);
  return found;
}

describe('cost model', () => {
  const { stack, plan } = mini('create');
  const estimate = estimateStack(stack, plan, { usage: DEFAULT_USAGE });

  it('prices a Multi-AZ db.t3.medium as two instances plus doubled storage, each billed twice at the rate shown', () => {
    const primary = costOf(estimate.after, 'aws_db_instance.primary');
    expect(primary.lines.map((line) => [line.label, line.multiplier, line.prices[0].usd, line.usd])).toEqual([
      ['db.t3.medium Multi-AZ instance, primary and standby', 2, 0.068, 99.28],
      ['20 GB gp3 storage (Multi-AZ: primary and standby)', 2, 0.115, 4.6],
      ['MySQL 8.0 Extended Support (standard support ended 2026-07-31), 2 vCPUs, primary and standby', 4, 0.1, 292],
    ]);
    expect(primary.category).toBe('database');
  });

  it('charges RDS Extended Support per vCPU-hour for MySQL 8.0 only, unless it is disabled', () => {
    const primary = (values: Record<string, unknown>) => ({ type: 'aws_db_instance', values: { instance_class: 'db.t3.medium', engine: 'mysql', allocated_storage: 20, ...values }, unknown: {}, region: 'us-east-1', usage: DEFAULT_USAGE });
    const supportLine = (values: Record<string, unknown>) => {
      const outcome = priceResource(primary(values));
      return outcome.kind === 'priced' ? outcome.lines.find((line) => line.category === 'extended-support') : undefined;
    };
    expect(supportLine({ engine_version: '8.0.40' })).toMatchObject({ usd: 146, multiplier: 2 });
    expect(supportLine({ engine_version: '8.4.3' })).toBeUndefined();
    expect(supportLine({ engine_version: '8.0', engine_lifecycle_support: 'open-source-rds-extended-support-disabled' })).toBeUndefined();
  });

  it('prices a cross-region replica as a Single-AZ instance plus binary-log transfer at a stated assumption', () => {
    const replica = costOf(estimate.after, 'aws_db_instance.replica');
    expect(replica.category).toBe('replica');
    expect(replica.region).toBe('us-west-2');
    expect(replica.lines[0]).toMatchObject({ usd: 49.64 });
    expect(replica.lines[0].multiplier).toBeUndefined();
    expect(replica.lines[1]).toMatchObject({ label: 'cross-region replication transfer', usd: 1, assumption: expect.stringContaining('50 GB/month') });
    expect(estimate.unpriced).toEqual([
      { address: 'aws_db_instance.replica', type: 'aws_db_instance', why: expect.stringContaining('inherits it from its source') },
      { address: 'aws_db_instance.replica', type: 'aws_db_instance', why: 'RDS Extended Support: the engine version is not in the plan (a replica has its source’s)' },
    ]);
  });

  it("takes a replica's storage and engine version from the topology when its plan leaves them to the source", () => {
    const withTopology = estimateStack(stack, plan, { usage: DEFAULT_USAGE, replicaStorageGb: 20, replicaEngineVersion: '8.0' });
    const replica = costOf(withTopology.after, 'aws_db_instance.replica');
    expect(replica.lines.map((line) => [line.label, line.usd])).toEqual([
      ['db.t3.medium instance', 49.64],
      ['20 GB gp3 storage, the source’s size', 2.3],
      ['cross-region replication transfer', 1],
      ['MySQL 8.0 Extended Support (standard support ended 2026-07-31), 2 vCPUs', 146],
    ]);
    expect(withTopology.unpriced).toEqual([]);
  });

  it('prices Redis nodes, Kinesis shards and on-demand DynamoDB, usage items with their assumptions', () => {
    expect(costOf(estimate.after, 'aws_elasticache_replication_group.redis').usd).toBe(24.82);
    const stream = costOf(estimate.after, 'aws_kinesis_stream.events');
    expect(stream.lines.map((line) => line.usd)).toEqual([43.8, 0.35]);
    const table = costOf(estimate.after, 'aws_dynamodb_table.events');
    expect(table.lines.map((line) => line.label)).toEqual(['on-demand writes', 'on-demand reads', 'storage', 'point-in-time recovery']);
    expect(table.lines.every((line) => line.assumption)).toBe(true);
    expect(table.usd).toBe(21.38);
  });

  it('costs nothing before a plan that only creates, and the sum of its parts after', () => {
    expect(estimate.beforeUsd).toBe(0);
    expect(estimate.afterUsd).toBe(Math.round(estimate.after.reduce((sum, cost) => sum + cost.usd * 100, 0)) / 100);
  });

  it('keeps the cost of a replacement the same before and after', () => {
    // As the CLI does, the replica's inherited size and version come from the topology.
    const replaced = estimateStack(stack, mini('replace-all').plan, { usage: DEFAULT_USAGE, replicaStorageGb: 20, replicaEngineVersion: '8.0' });
    expect(replaced.beforeUsd).toBeGreaterThan(0);
    expect(replaced.afterUsd).toBe(replaced.beforeUsd);
  });

  it('drops deleted resources from the after cost', () => {
    const deleted = estimateStack(stack, mini('delete-all').plan, { usage: DEFAULT_USAGE });
    expect(deleted.afterUsd).toBe(0);
    expect(deleted.beforeUsd).toBeGreaterThan(200);
  });

  it('reads usage overrides over the defaults and refuses unknown keys', () => {
    const usage = parseUsage({ dynamodbWritesPerMonth: 0, dynamodbReadsPerMonth: 0 }, 'usage.json');
    const table = costOf(estimateStack(stack, plan, { usage }).after, 'aws_dynamodb_table.events');
    expect(table.lines.slice(0, 2).map((line) => line.usd)).toEqual([0, 0]);
    expect(() => parseUsage({ eventsPerMonth: 1 }, 'usage.json')).toThrow('usage.json: (root): Unrecognized key');
  });

  it('says what it cannot price instead of guessing', () => {
    const base = { values: { instance_class: 'db.r5.24xlarge', engine: 'mysql' }, unknown: {}, region: 'us-east-1', usage: DEFAULT_USAGE };
    expect(priceResource({ type: 'aws_db_instance', ...base })).toEqual({ kind: 'unpriced', why: 'instance class db.r5.24xlarge is not in the price table' });
    expect(priceResource({ type: 'aws_kms_key', ...base, region: 'eu-west-1' })).toEqual({ kind: 'unpriced', why: 'region eu-west-1 is not in the price table' });
    expect(priceResource({ type: 'aws_redshift_cluster', ...base })).toEqual({ kind: 'unpriced', why: 'aws_redshift_cluster is not in the price table' });
    expect(priceResource({ type: 'aws_security_group', ...base })).toEqual({ kind: 'free' });
  });

  it('keeps a source and an as-of date on every price', () => {
    const extendedSupport = Object.values(RDS_EXTENDED_SUPPORT).map((entry) => entry.vcpuHour);
    for (const price of [...Object.values(PRICES), ...Object.values(RDS_MYSQL_INSTANCE_HOUR), ...extendedSupport]) {
      expect(price.source).toMatch(/^https:\/\/aws\.amazon\.com\//);
      expect(price.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe("comparison with the case study's ~$285/month", () => {
  // The case study's shape: the mini platform has one replica; a second, in Ohio, makes two.
  // As the CLI does, the replicas' inherited size and engine version come from the topology.
  const costs = estimateStack('mini-platform', mini('create').plan, { usage: DEFAULT_USAGE, replicaStorageGb: 20, replicaEngineVersion: '8.0' }).after;
  const replica = costOf(costs, 'aws_db_instance.replica');
  const platform = [...costs, { ...replica, address: 'aws_db_instance.replica_ohio', region: 'us-east-2' }];
  const comparison = compareWithCaseStudy(platform);
  const row = (category: string) => comparison.rows.find((entry) => entry.category === category)!;

  it('totals $285 for the case study, category by category', () => {
    expect(comparison.caseStudyUsd).toBe(285);
    expect(comparison.rows.map((entry) => entry.caseStudyUsd)).toEqual([85, 140, 0, 25, 15, 20, 0]);
  });

  it('prices the same scope at list prices and explains each difference', () => {
    expect(row('database').comparableUsd).toBe(103.88);
    expect(row('database').why).toContain('below the on-demand list price of the hours alone ($99.28)');
    expect(row('replica').comparableUsd).toBe(105.88);
    expect(row('replica').why).toMatch(/^Each replica is a Single-AZ instance/);
    expect(row('stream').comparableUsd).toBe(44.15);
    expect(row('stream').why).toContain('below the on-demand list price of the hours alone ($43.80)');
    expect(comparison.comparableUsd - row('extended-support').comparableUsd).toBeCloseTo(300.11, 2);
  });

  it('shows RDS Extended Support, which the case study predates, as the largest difference', () => {
    // 2 vCPUs × $0.10 × 730 h = $146 per instance; the Multi-AZ primary pays for its standby too.
    expect(row('extended-support').comparableUsd).toBe(584);
    expect(row('extended-support').caseStudyUsd).toBe(0);
    expect(row('extended-support').why).toContain('MySQL 8.0 left RDS standard support on 2026-07-31');
    expect(row('database').comparableUsd + row('replica').comparableUsd).toBe(209.76);
    expect(comparison.comparableUsd).toBe(884.11);
  });

  it('counts one Redis cluster for the case-study scope and every cluster for the platform', () => {
    const caches = [...platform, { ...costOf(costs, 'aws_elasticache_replication_group.redis'), address: 'west', region: 'us-west-2' }];
    const cache = compareWithCaseStudy(caches).rows.find((entry) => entry.category === 'cache')!;
    expect(cache.comparableUsd).toBe(24.82);
    expect(cache.platformUsd).toBe(49.64);
  });

  it('shows what the case study leaves out as extra platform cost', () => {
    expect(row('other').comparableUsd).toBe(0);
    expect(row('other').platformUsd).toBe(2.02);
  });
});
