import { evaluate, failureLines, GuardrailsConfigurationError, parseReference, ruleById, StackIndex, type Exemption } from '../src';
import { compliantStack, patch } from './compliant-stack';

describe('parseReference', () => {
  it('reads a resource reference, including cdktf names with hyphens', () => {
    expect(parseReference('${aws_security_group.network_security-groups_app_F61C740E.id}')).toEqual({
      mode: 'resource',
      type: 'aws_security_group',
      name: 'network_security-groups_app_F61C740E',
      attribute: 'id',
      address: 'aws_security_group.network_security-groups_app_F61C740E',
    });
  });

  it('reads a data source reference', () => {
    expect(parseReference('${data.aws_kms_key.shared.arn}')).toMatchObject({ mode: 'data', type: 'aws_kms_key', address: 'data.aws_kms_key.shared' });
  });

  it.each([
    ['a literal', 'arn:aws:kms:us-east-1:111122223333:key/abc'],
    ['a reference inside a longer string', 'prefix-${aws_kms_key.key.arn}'],
    ['a variable', '${var.key_arn}'],
    ['an attribute of a variable', '${var.keys.arn}'],
    ['a local', '${local.key_arn}'],
    ['a module output', '${module.kms.key_arn}'],
    ['an ephemeral value', '${ephemeral.aws_secretsmanager_random_password.master.random_password}'],
    ['a function call', '${element(aws_kms_key.key.*.arn, 0)}'],
    ['a number', 42],
  ])('refuses %s', (_what, value) => {
    expect(parseReference(value)).toBeUndefined();
  });
});

describe('StackIndex', () => {
  it('lists resources by type with their Terraform addresses, and aliased providers', () => {
    const json = compliantStack();
    json.provider.aws.push({ alias: 'west', region: 'us-west-2' });
    const stack = new StackIndex(json);
    expect(stack.resources('aws_db_instance').map((resource) => resource.address)).toEqual(['aws_db_instance.primary', 'aws_db_instance.replica']);
    expect(stack.has('aws_kms_key.data')).toBe(true);
    expect(stack.has('aws_kms_key.other')).toBe(false);
    expect(stack.providers.map((provider) => provider.address)).toEqual(['provider.aws', 'provider.aws.west']);
  });

  it('accepts a stack with no resources at all', () => {
    expect(evaluate({}).violations).toEqual([]);
  });
});

describe('exemptions', () => {
  const publicDatabase = () => {
    const json = compliantStack();
    patch(json, 'aws_db_instance.primary', { publicly_accessible: true });
    return json;
  };
  const exemption: Exemption = { address: 'aws_db_instance.primary', rule: 'rds-not-public', reason: 'a reason that is long enough' };

  it('move a matching violation to the exempted list, with its reason', () => {
    const result = evaluate(publicDatabase(), { exemptions: [exemption] });
    expect(result.violations).toEqual([]);
    expect(result.exempted).toEqual([{ rule: 'rds-not-public', address: 'aws_db_instance.primary', message: 'publicly_accessible is true; set it to false', reason: exemption.reason }]);
    expect(result.unusedExemptions).toEqual([]);
  });

  it('cover only their own rule on their own address', () => {
    const json = publicDatabase();
    patch(json, 'aws_db_instance.replica', { publicly_accessible: true });
    patch(json, 'aws_db_instance.primary', { deletion_protection: false });
    const lines = failureLines('demo', evaluate(json, { exemptions: [exemption] }));
    expect(lines).toEqual([
      'demo: aws_db_instance.replica: rds-not-public publicly_accessible is true; set it to false',
      'demo: aws_db_instance.primary: rds-deletion-protection deletion_protection is false; set it to true',
    ]);
  });

  it('fail the stack once they no longer match anything', () => {
    const result = evaluate(compliantStack(), { exemptions: [exemption] });
    expect(result.unusedExemptions).toEqual([exemption]);
    expect(failureLines('demo', result)).toEqual([
      'demo: aws_db_instance.primary: rds-not-public is exempted ("a reason that is long enough") but passes or no longer exists; remove the exemption',
    ]);
  });

  it('are refused, all problems at once, when they could hide a mistake', () => {
    const bad: Exemption[] = [
      { address: 'aws_db_instance.primary', rule: 'rds-not-publik', reason: 'a reason that is long enough' },
      { address: 'primary', rule: 'rds-not-public', reason: 'a reason that is long enough' },
      { address: 'aws_db_instance.replica', rule: 'rds-not-public', reason: 'because' },
      exemption,
      exemption,
    ];
    expect(() => evaluate(compliantStack(), { exemptions: bad })).toThrow(GuardrailsConfigurationError);
    expect(() => evaluate(compliantStack(), { exemptions: bad })).toThrow(
      [
        'invalid guardrail exemptions:',
        '  exemption "aws_db_instance.primary" / "rds-not-publik": no rule has this id',
        '  exemption "primary" / "rds-not-public": the address must be a Terraform address such as aws_db_instance.database_instance_D7FC2283',
        '  exemption "aws_db_instance.replica" / "rds-not-public": give a reason of at least 15 characters',
        '  exemption "aws_db_instance.primary" / "rds-not-public": listed twice',
      ].join('\n'),
    );
  });
});

describe('evaluate', () => {
  it('runs only the rules it is given', () => {
    const json = compliantStack();
    patch(json, 'aws_db_instance.primary', { publicly_accessible: true, deletion_protection: false });
    const onlyDeletionProtection = [ruleById('rds-deletion-protection')!];
    expect(evaluate(json, { rules: onlyDeletionProtection }).violations.map((violation) => violation.rule)).toEqual(['rds-deletion-protection']);
  });

  it('ignores the metadata cdktf writes into each resource', () => {
    const json = compliantStack();
    patch(json, 'aws_db_instance.primary', { '//': { metadata: { path: 'demo/database/password' } } });
    expect(evaluate(json).violations).toEqual([]);
  });
});
