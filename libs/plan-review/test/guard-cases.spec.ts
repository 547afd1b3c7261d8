import { topologyFacts } from '../src/cli/inputs';
import { EXIT_BLOCKED, EXIT_OK, runCli } from '../src/cli/program';
import { OPENING_RULES } from '../src/guard/opening-rules';
import { STATEFUL_TYPES } from '../src/guard/stateful';
import { ruleId } from '../src/guard/weakening';
import { WEAKENING_RULES } from '../src/guard/weakening-rules';
import { renderMarkdown } from '../src/summary/markdown';
import { reviewPlans } from '../src/summary/review';
import { fixturePath, loadFixture } from './fixtures';
import { BENIGN_CASES, DESTRUCTIVE_CASES, DOWNTIME_CASES, FIRST_DEPLOY_CASE, GUARD_CASES, type GuardCase, OPENING_CASES, WEAKENING_CASES } from './fixtures/guard-cases';
import { signature, visiblePart } from './visible';

// As the CLI does: stack regions and the state bucket come from the topology.
const topology = topologyFacts('production');

function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = runCli([...args, '--quiet'], { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

const reviewOf = (guardCase: GuardCase) => reviewPlans([loadFixture('guard', guardCase.name, guardCase.stack)], topology);

describe.each([
  ['destroys, forgets or renames', DESTRUCTIVE_CASES],
  ['weakens', WEAKENING_CASES],
  ['opens', OPENING_CASES],
])('a real plan that %s', (_what, cases) => {
  it.each(cases.map((guardCase) => [guardCase.name, guardCase.title, guardCase] as const))('%s (%s): exactly the claimed findings block it', (_name, _title, guardCase) => {
    expect(reviewOf(guardCase).guard.blocked.map(signature).sort()).toEqual([...guardCase.blocked].sort());
  });

  it.each(cases.map((guardCase) => [guardCase.name, guardCase] as const))('%s: exit 1, each blocked resource named with its reason on stderr and in the visible part of the comment', (_name, guardCase) => {
    const { code, err } = cli(fixturePath('guard', guardCase.name, guardCase.stack));
    const review = reviewOf(guardCase);
    const visible = visiblePart(renderMarkdown(review));
    expect(code).toBe(EXIT_BLOCKED);
    for (const finding of review.guard.blocked) {
      expect(err).toContain(`plan-review: BLOCKED ${finding.action} of ${finding.key}: ${finding.reason}`);
      expect(visible).toContain(`| ⛔ **blocked** | \`${finding.key}\` | ${finding.action} | ${finding.reason.replace(/\|/g, '\\|')} |`);
    }
  });
});

describe('changes that must pass with nothing flagged', () => {
  it.each(BENIGN_CASES.map((guardCase) => [guardCase.name, guardCase.title, guardCase] as const))('%s (%s): exit 0, no finding, no downtime, nothing security-relevant', (_name, _title, guardCase) => {
    const review = reviewOf(guardCase);
    expect(review.guard.findings).toEqual([]);
    expect(review.stacks.flatMap((stack) => [...stack.downtime, ...stack.security, ...stack.attention])).toEqual([]);
    expect(review.counts.update + review.counts.delete).toBe(1);
    const { code, out } = cli(fixturePath('guard', guardCase.name, guardCase.stack));
    expect(code).toBe(EXIT_OK);
    expect(out).not.toMatch(/### (Guard|Causes downtime|Security-relevant|Needs attention)/);
  });
});

describe('downtime warnings (they do not block)', () => {
  it.each(DOWNTIME_CASES.map((guardCase) => [guardCase.name, guardCase.title, guardCase] as const))('%s (%s): named under "Causes downtime", exit 0', (_name, _title, guardCase) => {
    const review = reviewOf(guardCase);
    expect(review.guard.findings).toEqual([]);
    const warnings = review.stacks.flatMap((stack) => stack.downtime);
    expect(warnings.map((warning) => warning.address.split('.')[0])).toEqual(guardCase.downtime);
    const markdown = renderMarkdown(review);
    const section = markdown.indexOf('### Causes downtime');
    expect(section).toBeGreaterThan(0);
    expect(section).toBeLessThan(markdown.indexOf('### Cost estimate'));
    for (const warning of warnings) expect(visiblePart(markdown)).toContain(`\`${guardCase.stack}:${warning.address}\`: **${warning.change}**`);
    expect(cli(fixturePath('guard', guardCase.name, guardCase.stack)).code).toBe(EXIT_OK);
  });

  it('says what an instance class change of the single-AZ replica does, how long and when', () => {
    const [warning] = reviewOf(DOWNTIME_CASES.find((guardCase) => guardCase.name === 'replica-instance-class')!).stacks[0].downtime;
    expect(warning).toMatchObject({ change: 'instance class db.t3.medium → db.t3.large', duration: 'typically several minutes, longer with much to recover' });
    expect(warning.effect).toContain('single-AZ instance stops');
    expect(warning.when).toBe('in the next maintenance window (sun:05:00-sun:06:00), unless applied immediately');
  });

  it('tells a Multi-AZ failover applied now from a deferred single-AZ outage', () => {
    const [warning] = reviewOf(DOWNTIME_CASES.find((guardCase) => guardCase.name === 'primary-instance-class-now')!).stacks[0].downtime;
    expect(warning).toMatchObject({ duration: 'typically 60–120 s', when: 'during this apply (apply_immediately is true)' });
  });

  it('names the database that must reboot for a static parameter', () => {
    const [warning] = reviewOf(DOWNTIME_CASES.find((guardCase) => guardCase.name === 'static-parameter')!).stacks[0].downtime;
    expect(warning.change).toBe('static parameters performance_schema = 1 of xyz-prod-mysql80-use1');
    expect(warning.effect).toContain('they take effect only when xyz-prod-mysql-use1 reboots');
  });

  it('adds no downtime section for an alarm change', () => {
    expect(renderMarkdown(reviewOf(BENIGN_CASES.find((guardCase) => guardCase.name === 'alarm-threshold')!))).not.toContain('Causes downtime');
  });
});

describe('a forget (removed block): first-class in the summary, the guard and the cost', () => {
  const forgotten = DESTRUCTIVE_CASES.find((guardCase) => guardCase.name === 'forget-database')!;
  const review = reviewOf(forgotten);

  it('is counted in its own column', () => {
    expect(review.counts.forget).toBe(1);
    expect(renderMarkdown(review)).toMatch(/\| Stack \| Create \| Update \| Replace \| Delete \| Forget \|[^\n]*\n[^\n]*\n\| primary-east \| 0 \| 0 \| 0 \| 0 \| 1 \|/);
  });

  it('still costs money: the database keeps running and billing', () => {
    const [stack] = review.stacks;
    expect(stack.cost.beforeUsd).toBeGreaterThan(100);
    expect(stack.cost.afterUsd).toBe(stack.cost.beforeUsd);
    expect(renderMarkdown(review)).toContain('Forgotten by these plans but still running, so still in the "after" cost: `primary-east:aws_db_instance.database_instance_D7FC2283`');
  });
});

describe("the first deploy of all four stacks, with an open rule and an admin attachment added to the primary's", () => {
  const others = ['state-backend', 'replica-west', 'replica-ohio'];
  const stacks = [...others.map((stack) => loadFixture('stacks', stack)), loadFixture('guard', FIRST_DEPLOY_CASE.name, FIRST_DEPLOY_CASE.stack)];
  const review = reviewPlans(stacks, topology);
  const comment = renderMarkdown(review);

  it('blocks exactly those two, among every create of the platform', () => {
    expect(review.counts.create).toBeGreaterThan(200);
    expect(review.guard.blocked.map(signature).sort()).toEqual([...FIRST_DEPLOY_CASE.blocked].sort());
  });

  it('names both in the visible part of the pull-request comment, and exits 1', () => {
    const visible = visiblePart(comment);
    for (const finding of review.guard.blocked) expect(visible).toContain(`\`${finding.key}\``);
    expect(visible).toContain('cidr_ipv4 0.0.0.0/0 (tcp 3306)');
    expect(visible).toContain('policy_arn arn:aws:iam::aws:policy/AdministratorAccess: AdministratorAccess (every action on every resource)');
    const files = [...others.map((stack) => fixturePath('stacks', stack)), fixturePath('guard', FIRST_DEPLOY_CASE.name, FIRST_DEPLOY_CASE.stack)];
    expect(cli(...files).code).toBe(EXIT_BLOCKED);
  });

  it('passes the same first deploy without the two additions: the platform’s own creates open nothing', () => {
    const own = reviewPlans(['state-backend', 'primary-east', 'replica-west', 'replica-ohio'].map((stack) => loadFixture('stacks', stack)), topology);
    expect(own.guard.findings).toEqual([]);
  });
});

describe('every rule has a real blocking case', () => {
  const blocked = new Set(GUARD_CASES.flatMap((guardCase) => guardCase.blocked));

  it('each row of the weakening table', () => {
    expect(WEAKENING_RULES.map(ruleId).filter((id) => ![...blocked].some((finding) => finding.endsWith(` ${id}`)))).toEqual([]);
  });

  it('each opening rule', () => {
    expect(OPENING_RULES.map((rule) => rule.id).filter((id) => ![...blocked].some((finding) => finding.startsWith('open ') && finding.endsWith(` ${id}`)))).toEqual([]);
  });

  it('each stateful type the mini platform does not cover', () => {
    const mini = ['aws_db_instance', 'aws_db_parameter_group', 'aws_elasticache_replication_group', 'aws_kinesis_stream', 'aws_dynamodb_table', 'aws_s3_bucket', 'aws_kms_key'];
    const destroyed = new Set([...blocked].filter((finding) => /^(delete|replace|forget) /.test(finding)).map((finding) => finding.split(' ')[1]));
    expect(Object.keys(STATEFUL_TYPES).filter((type) => !mini.includes(type) && !destroyed.has(type))).toEqual([]);
  });
});
