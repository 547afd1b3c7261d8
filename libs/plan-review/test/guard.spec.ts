import { topologyFacts } from '../src/cli/inputs';
import { parseAllowFile } from '../src/guard/allow';
import { runGuard } from '../src/guard/guard';
import { parsePlan } from '../src/plan/parse';
import { loadFixture, mini, withChanges } from './fixtures';
import { ofType, type PlanDocument, removalOf } from './fixtures/generate/derive';

/**
 * The stateful types of the mini platform, with the attribute its replace-all case changes (the real
 * plan says it forces a new resource). The other stateful types are covered by guard-cases.spec.ts.
 */
const CHANGED_IN_REPLACE_ALL: Record<string, string> = {
  aws_db_instance: 'kms_key_id',
  aws_db_parameter_group: 'name',
  aws_elasticache_replication_group: 'replication_group_id',
  aws_kinesis_stream: 'name',
  aws_dynamodb_table: 'name',
  aws_s3_bucket: 'bucket',
  aws_kms_key: 'customer_master_key_spec',
};
const STATEFUL = Object.keys(CHANGED_IN_REPLACE_ALL).sort();

describe('destructive-change guard', () => {
  it('passes a plan that only creates', () => {
    const result = runGuard([mini('create')]);
    expect(result.findings).toEqual([]);
  });

  it.each(STATEFUL)('blocks the replacement of %s, naming the address, the reason and the forcing attribute', (type) => {
    const findings = runGuard([mini('replace-all')]).blocked.filter((finding) => finding.type === type);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding.action).toBe('replace');
      expect(finding.key).toBe(`mini-platform:${finding.address}`);
      expect(finding.cause).toMatch(/^forced by a change to /);
      expect(finding.cause.replace('forced by a change to ', '').split(', ')).toContain(CHANGED_IN_REPLACE_ALL[type]);
      expect(finding.reason.length).toBeGreaterThan(20);
    }
  });

  it.each(STATEFUL)('blocks the deletion of %s', (type) => {
    const findings = runGuard([mini('delete-all')]).blocked.filter((finding) => finding.type === type);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.action === 'delete' && finding.cause === 'its configuration was removed')).toBe(true);
  });

  it('tells a read replica from the primary and names the state bucket as such', () => {
    const reasons = Object.fromEntries(runGuard([mini('delete-all')], { stateBuckets: ['xyz-prod-tfstate-use1-111122223333'] }).findings.map((finding) => [finding.address, finding.reason]));
    expect(reasons['aws_db_instance.replica']).toMatch(/^RDS read replica xyz-prod-mysql-usw2: /);
    expect(reasons['aws_db_instance.primary']).toMatch(/^RDS database xyz-prod-mysql-use1: its data is lost/);
    expect(reasons['aws_s3_bucket.state']).toMatch(/^S3 bucket xyz-prod-tfstate-use1-111122223333 holds the Terraform state of its region's stack/);
  });

  it("names this repository's state bucket when the state-backend stack would delete it", () => {
    const { stack, plan } = loadFixture('stacks', 'state-backend');
    const removed = parsePlan(removalOf(plan as unknown as PlanDocument, ofType('aws_s3_bucket')), 'derived');
    const findings = runGuard([{ stack, plan: removed }], { stateBuckets: topologyFacts('production').stateBuckets }).blocked.filter((item) => item.type === 'aws_s3_bucket');
    expect(findings.map((finding) => finding.key).every((key) => key.startsWith('state-backend:aws_s3_bucket.'))).toBe(true);
    const reasons = findings.map((finding) => finding.reason).sort();
    expect(reasons).toEqual([
      ...['use1', 'use2', 'usw2'].map((region) => `S3 bucket xyz-prod-tfstate-logs-${region}-111122223333: its objects are lost`),
      ...['use1', 'use2', 'usw2'].map((region) => `S3 bucket xyz-prod-tfstate-${region}-111122223333 holds the Terraform state of its region's stack and the replicated copies of every other stack's`),
    ]);
  });

  it('lets a parameter group no live database uses go', () => {
    const { stack, plan } = mini('delete-all');
    const withoutDatabases = withChanges(plan, plan.resource_changes.filter((change) => change.type !== 'aws_db_instance'));
    const types = runGuard([{ stack, plan: withoutDatabases }]).findings.map((finding) => finding.type);
    expect(types).not.toContain('aws_db_parameter_group');
    expect(types).toContain('aws_kms_key');
  });

  it('blocks the rename of a live database: its endpoint and ARN change although nothing is replaced', () => {
    const { blocked } = runGuard([mini('rename-and-promote')]);
    expect(blocked).toHaveLength(1);
    const [rename] = blocked;
    expect(rename).toMatchObject({ key: 'mini-platform:aws_db_instance.primary', action: 'rename', cause: 'identifier xyz-prod-mysql-use1 → xyz-prod-mysql-use1-v2' });
    expect(rename.reason).toMatch(/^RDS database xyz-prod-mysql-use1 is renamed in place to xyz-prod-mysql-use1-v2: no data is lost, but its endpoint .* and its ARN change/);
  });

  it("lets a replica's promotion through (it is what the code says after a failover)", () => {
    const promoted = runGuard([mini('rename-and-promote')]).findings.filter((finding) => finding.address === 'aws_db_instance.replica');
    expect(promoted).toEqual([]);
  });

  it('allows a rename only with an entry for that address whose action is rename', () => {
    const entry = (action: string) => parseAllowFile({ allow: [{ address: 'mini-platform:aws_db_instance.primary', reason: 'new naming scheme (OPS-77)', action }] }, 'allow.json');
    expect(runGuard([mini('rename-and-promote')], { allow: entry('rename') }).blocked).toEqual([]);
    expect(runGuard([mini('rename-and-promote')], { allow: entry('replace') }).blocked.map((finding) => finding.action)).toEqual(['rename']);
  });

  it('ignores deletions of resources that hold no state', () => {
    const { stack, plan } = mini('delete-all');
    const topic = { ...plan.resource_changes[0], address: 'aws_sns_topic.alerts', type: 'aws_sns_topic', name: 'alerts' };
    expect(runGuard([{ stack, plan: withChanges(plan, [topic]) }]).findings).toEqual([]);
  });

  describe('allow list', () => {
    const allow = parseAllowFile(
      {
        allow: [
          { address: 'mini-platform:aws_db_instance.replica', reason: 'rebuild the replica from the promoted primary (OPS-42)', action: 'replace' },
          { address: 'mini-platform:aws_kinesis_stream.events', reason: 'recreate the stream with a new name', action: 'delete' },
          { address: 'other-stack:aws_dynamodb_table.events', reason: 'same address, another stack', action: 'replace' },
        ],
      },
      'allow.json',
    );

    it('allows exactly the listed <stack>:<address>, and nothing else', () => {
      const result = runGuard([mini('replace-all')], { allow });
      const allowed = result.findings.filter((finding) => finding.allowedBy).map((finding) => finding.key);
      expect(allowed).toEqual(['mini-platform:aws_db_instance.replica']);
      expect(result.blocked.map((finding) => finding.key)).toContain('mini-platform:aws_dynamodb_table.events');
      expect(result.blocked.map((finding) => finding.key)).toContain('mini-platform:aws_db_instance.primary');
    });

    it('honours the action of an entry: a deletion entry does not allow a replacement', () => {
      expect(runGuard([mini('replace-all')], { allow }).blocked.map((finding) => finding.key)).toContain('mini-platform:aws_kinesis_stream.events');
      expect(runGuard([mini('delete-all')], { allow }).blocked.map((finding) => finding.key)).not.toContain('mini-platform:aws_kinesis_stream.events');
    });

    it('reports entries that match nothing, so stale or mistyped allows are seen', () => {
      const unused = runGuard([mini('replace-all')], { allow }).unusedAllows.map((entry) => entry.address);
      expect(unused).toEqual(['mini-platform:aws_kinesis_stream.events', 'other-stack:aws_dynamodb_table.events']);
    });
  });
});
