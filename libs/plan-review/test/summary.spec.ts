import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { topologyFacts } from '../src/cli/inputs';
import { parseAllowFile } from '../src/guard/allow';
import type { StackPlan } from '../src/guard/guard';
import { parsePlan } from '../src/plan/parse';
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from '../src/summary/markdown';
import { reviewPlans } from '../src/summary/review';
import { FIXTURES, loadFixture, mini } from './fixtures';
import { driftOf, type PlanDocument, updateOf } from './fixtures/generate/derive';

function derived(stackPlan: StackPlan, derive: (plan: PlanDocument) => PlanDocument): StackPlan {
  return { stack: stackPlan.stack, plan: parsePlan(derive(stackPlan.plan as unknown as PlanDocument), 'derived') };
}

const isPrimary = (change: { address: string }) => change.address === 'aws_db_instance.primary';

// As the CLI does: stack regions, the state bucket and what replicas inherit from their source come from the topology.
const topology = topologyFacts('production');

describe('Markdown summary', () => {
  it('summarises the mini platform as created, with its cost and the case-study comparison', () => {
    expect(renderMarkdown(reviewPlans([mini('create')], topology))).toMatchSnapshot();
  });

  it('lists every blocked replacement with its cause, and an allowed one as allowed', () => {
    const allow = parseAllowFile({ allow: [{ address: 'mini-platform:aws_db_instance.replica', reason: 'rebuild the replica from the promoted primary (OPS-42)', action: 'replace' }] }, 'allow.json');
    expect(renderMarkdown(reviewPlans([mini('replace-all')], { ...topology, allow }))).toMatchSnapshot();
  });

  it('blocks the rename of the primary and calls out the promotion of its replica, each with a plain explanation', () => {
    const markdown = renderMarkdown(reviewPlans([mini('rename-and-promote')], topology));
    expect(markdown).toContain('⛔ **Not allowed: 1 rename.**');
    expect(markdown).toContain('⚠️ **1 change needs attention** (below): the guard lets it through, but it cannot be undone.');
    expect(markdown).toContain('| ⛔ **blocked** | `mini-platform:aws_db_instance.primary` | rename | RDS database xyz-prod-mysql-use1 is renamed in place to xyz-prod-mysql-use1-v2: no data is lost, but its endpoint');
    expect(markdown).toContain(
      '### Needs attention\n\nAllowed, but these changes cannot be undone once applied.\n\n- **Promotion** of `mini-platform:aws_db_instance.replica`: Read replica xyz-prod-mysql-usw2 stops replicating from arn:aws:rds:us-east-1:111122223333:db:xyz-prod-mysql-use1 and becomes a standalone, writable database. Promotion is one-way',
    );
    expect(markdown).toMatchSnapshot();
  });

  it('shows the billed rate of a Multi-AZ instance, so each amount can be checked by hand', () => {
    const markdown = renderMarkdown(reviewPlans([mini('create')]));
    expect(markdown).toContain('| mini-platform | `aws_db_instance.primary` | us-east-1 | db.t3.medium Multi-AZ instance, primary and standby | 2 × [$0.068/hour](https://aws.amazon.com/rds/mysql/pricing/) | $99.28 |');
    expect(markdown).toContain('| mini-platform | `aws_db_instance.primary` | us-east-1 | 20 GB gp3 storage (Multi-AZ: primary and standby) | 2 × [$0.115/GB-month](https://aws.amazon.com/rds/mysql/pricing/) | $4.60 |');
    expect(markdown).toContain('| mini-platform | `aws_db_instance.replica` | us-west-2 | db.t3.medium instance | [$0.068/hour](https://aws.amazon.com/rds/mysql/pricing/) | $49.64 |');
    expect(markdown).toContain('About these rates:\n\n- [$0.1/vCPU-hour](https://aws.amazon.com/rds/mysql/pricing/): RDS Extended Support, year 1–2 list price');
  });

  it('calls out a security-relevant update and hides sensitive values', () => {
    const plan = derived(mini('create'), (doc) => {
      const opened = updateOf(doc, isPrimary, 'ca_cert_identifier', 'rds-ca-rsa4096-g1');
      const primary = opened.resource_changes.find(isPrimary)!;
      primary.change.after = { ...(primary.change.after as object), password_wo_version: 2 };
      primary.change['after_sensitive'] = { password_wo_version: true };
      return opened;
    });
    const markdown = renderMarkdown(reviewPlans([plan]));
    expect(markdown).toContain('`mini-platform:aws_db_instance.primary` update: `ca_cert_identifier`, `password_wo_version` (sensitive, value hidden)');
    expect(markdown).toContain('✅ Nothing that holds or protects data is replaced, deleted, forgotten or renamed; no protection is weakened and nothing is opened.');
  });

  it('shows drift separately from the changes the code makes', () => {
    const plan = derived(mini('create'), (doc) => driftOf(doc, isPrimary, 'backup_retention_period', 7));
    const markdown = renderMarkdown(reviewPlans([plan]));
    expect(markdown).toContain('### Drift: changed outside Terraform');
    expect(markdown).toContain('- `mini-platform:aws_db_instance.primary` changed: `backup_retention_period`');
    expect(markdown).toContain('**Update in place**\n\n- `aws_db_instance.primary`: `backup_retention_period`');
  });

  it('folds and shortens a very long plan so the comment fits GitHub’s limit, keeping the guard’s findings', () => {
    const { plan } = mini('delete-all');
    const template = plan.resource_changes.find((change) => change.type === 'aws_kms_key')!;
    const many = Array.from({ length: 3000 }, (_, i) => ({ ...template, address: `aws_kms_key.key_${i}`, name: `key_${i}` }));
    const markdown = renderMarkdown(reviewPlans([{ stack: 'huge', plan: { ...plan, resource_changes: many } }]));
    expect(markdown.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(markdown).toContain('⛔ **Not allowed: 3000 deletions.**');
    expect(markdown).toContain('`huge:aws_kms_key.key_0`');
    expect(markdown).toMatch(/cut to fit a pull-request comment|Shortened to fit a pull-request comment/);
  });

  it('keeps the full detail of a normal plan', () => {
    const markdown = renderMarkdown(reviewPlans([mini('create')]));
    expect(markdown).not.toContain('Shortened');
    expect(markdown).toContain('**Create**\n\n- `aws_db_instance.primary`');
  });
});

const STACKS_DIR = join(FIXTURES, 'stacks');
const DERIVED_DIR = join(FIXTURES, 'derived');
const stackNames = readdirSync(STACKS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const derivedCases = readdirSync(DERIVED_DIR).sort();

describe("this repository's stacks (real offline plans and cases derived from them)", () => {
  it('has the real plans of the stacks', () => {
    expect(stackNames).toEqual(expect.arrayContaining(['primary-east', 'replica-west']));
  });

  it('summarises the whole platform', () => {
    expect(renderMarkdown(reviewPlans(stackNames.map((stack) => loadFixture('stacks', stack)), topology))).toMatchSnapshot();
  });

  it.each(derivedCases)('summarises the %s case', (name) => {
    const stacks = readdirSync(join(DERIVED_DIR, name)).map((stack) => loadFixture('derived', name, stack));
    expect(renderMarkdown(reviewPlans(stacks, topology))).toMatchSnapshot();
  });
});
