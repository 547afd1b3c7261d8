import { parseAllowOption } from '../guard/allow';
import { parsePlan } from '../plan/parse';
import { type Review, reviewPlans } from './review';
import { renderText } from './text';

function change(address: string, actions: string[], before: unknown, after: unknown, replacePaths?: string[][]) {
  const [type, name] = address.split('.');
  return { address, mode: 'managed', type, name, change: { actions, before, after, after_unknown: {}, ...(replacePaths ? { replace_paths: replacePaths } : {}) } };
}

function plan(changes: unknown[], drift: unknown[] = []) {
  return parsePlan({ format_version: '1.2', terraform_version: '1.11.4', planned_values: {}, resource_changes: changes, resource_drift: drift }, 'test plan');
}

const REPLACED_DATABASE = change('aws_db_instance.primary', ['delete', 'create'], { identifier: 'xyz-db', kms_key_id: 'key-1' }, { identifier: 'xyz-db', kms_key_id: 'key-2' }, [['kms_key_id']]);
const NEW_TOPIC = change('aws_sns_topic.alerts', ['create'], null, { name: 'alerts' });
const ALARM_UPDATE = change('aws_cloudwatch_metric_alarm.cpu', ['update'], { threshold: 80 }, { threshold: 90 });
const BUCKET_DRIFT = change('aws_s3_bucket.logs', ['update'], { tags: { team: 'a' } }, { tags: { team: 'b' } });

function review(allow: string[] = []): Review {
  return reviewPlans([{ stack: 'primary-east', plan: plan([NEW_TOPIC, REPLACED_DATABASE, ALARM_UPDATE], [BUCKET_DRIFT]) }], { allow: allow.map(parseAllowOption) });
}

const lines = (text: string) => text.split('\n');

describe('the plain-text review', () => {
  it('has no Markdown, HTML or comment marker: it is for a person at a terminal', () => {
    const text = renderText(review());
    expect(text).not.toMatch(/<!--|<details>|<summary>|\*\*|`|^\|/m);
    expect(lines(text)[0]).toBe('Terraform plan review: 1 stack');
  });

  it('starts with the verdict: a blocked replacement, and the downtime it causes', () => {
    const result = review();
    const [, , verdict, downtime] = lines(renderText(result));
    expect(result.guard.blocked).toHaveLength(1);
    expect(verdict).toBe('BLOCKED: 1 replacement not allowed. The review fails until each is allowed in .plan-review/allow.json or removed.');
    expect(downtime).toMatch(/^DOWNTIME: 1 change causes downtime/);
  });

  it('names each guard finding with its key, why it matters and its cause', () => {
    const result = review();
    const [finding] = result.guard.blocked;
    const text = renderText(result);
    expect(text).toContain(['  BLOCKED replace of primary-east:aws_db_instance.primary', `    why: ${finding.reason}`, `    cause: ${finding.cause}`].join('\n'));
  });

  it('says when an allowed entry lets the replacement through, and which entries match nothing', () => {
    const text = renderText(review(['replace:primary-east:aws_db_instance.primary=rebuild (OPS-42)', 'delete:primary-east:aws_kms_key.old=retired with the old region']));
    expect(lines(text)[2]).toBe('OK: 1 replacement, each explicitly allowed.');
    expect(text).toContain('  allowed replace of primary-east:aws_db_instance.primary');
    expect(text).toContain('; allowed: "rebuild (OPS-42)"');
    expect(text).toContain('    primary-east:aws_kms_key.old delete ("retired with the old region")');
  });

  it('counts per stack in aligned columns, with a total for several stacks', () => {
    const result = reviewPlans([
      { stack: 'primary-east', plan: plan([NEW_TOPIC, ALARM_UPDATE]) },
      { stack: 'state-backend', plan: plan([NEW_TOPIC]) },
    ]);
    const table = lines(renderText(result)).filter((line) => /^(Stack|primary-east|state-backend|Total) /.test(line));
    expect(table.map((line) => line.split(/\s{2,}/).slice(0, 3))).toEqual([
      ['Stack', 'Create', 'Update'],
      ['primary-east', '1', '1'],
      ['state-backend', '1', '0'],
      ['Total', '2', '1'],
    ]);
    // Right-aligned numbers: every row ends where the header does.
    expect(new Set(table.map((line) => line.length))).toEqual(new Set([table[0].length]));
  });

  it('lists changes to existing resources with what causes them, but only counts creates', () => {
    const text = renderText(review());
    const rows = lines(text).filter((line) => /^ {4}(replace|update|delete|forget|create) /.test(line));
    expect(rows.map((row) => row.trim().split(/\s{2,}/))).toEqual([
      ['replace', 'aws_db_instance.primary', 'forced by kms_key_id'],
      ['update', 'aws_cloudwatch_metric_alarm.cpu', 'threshold'],
    ]);
    expect(rows[0].indexOf('aws_')).toBe(rows[1].indexOf('aws_'));
    expect(text).toContain('  primary-east: 1 to replace, 1 to update, 1 to create');
    expect(text).not.toContain('aws_sns_topic.alerts');
  });

  it('shows drift and security-relevant changes', () => {
    const text = renderText(review());
    expect(text).toContain('Drift: changed outside Terraform\n  primary-east:aws_s3_bucket.logs changed: tags');
    expect(text).toContain('Security-relevant changes\n  primary-east:aws_db_instance.primary replace: kms_key_id');
  });

  it('leaves out the sections with nothing in them, and says where every detail is', () => {
    const text = renderText(reviewPlans([{ stack: 'state-backend', plan: plan([NEW_TOPIC]) }]));
    expect(lines(text)[2]).toMatch(/^OK: nothing that holds or protects data is replaced/);
    for (const heading of ['Guard:', 'Causes downtime', 'Needs attention', 'Security-relevant', 'Drift:', 'Changes to existing resources']) expect(text).not.toContain(heading);
    expect(text.trimEnd().split('\n').pop()).toContain('--format markdown, or --json');
  });
});
