import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPath, leavesAt } from '../src/plan/attribute-paths';
import { allowsEveryone, allowsEverything, removedDenies } from '../src/plan/policy-document';
import { OPENING_RULES } from '../src/guard/opening-rules';
import { ruleId } from '../src/guard/weakening';
import { WEAKENING_RULES } from '../src/guard/weakening-rules';

describe('attribute paths into plan values', () => {
  const lifecycle = {
    rule: [
      { status: 'Disabled', expiration: [{ days: 1 }] },
      { status: 'Enabled', expiration: [{ days: 30 }] },
    ],
  };

  it('selects nested block elements by a key, with their concrete paths', () => {
    expect(leavesAt(lifecycle, 'rule[status=Enabled].expiration[*].days')).toEqual([{ path: 'rule[1].expiration[0].days', value: 30, unknown: false }]);
    expect(leavesAt(lifecycle, 'rule[*].expiration[*].days').map((leaf) => leaf.value)).toEqual([1, 30]);
  });

  it('carries after_unknown marks down into nested blocks', () => {
    expect(leavesAt({ policy: null }, 'policy', { policy: true })).toEqual([{ path: 'policy', value: null, unknown: true }]);
    expect(leavesAt({}, 'rule[*].expiration[*].days', { rule: true })).toEqual([{ path: 'rule.expiration.days', value: undefined, unknown: true }]);
    expect(leavesAt({ rule: [{ days: 1 }] }, 'rule[*].days', { rule: [{ days: true }] })[0].unknown).toBe(true);
  });

  it('refuses a malformed path, so a table row cannot silently match nothing', () => {
    expect(() => checkPath('rule[status=Enabled.expiration')).toThrow('bad attribute path step');
    for (const rule of WEAKENING_RULES) expect(() => checkPath(rule.path)).not.toThrow();
  });
});

describe('policy documents', () => {
  const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

  it('finds an unconditioned Allow to everyone, but not a Deny to everyone or a conditioned Allow', () => {
    expect(allowsEveryone({ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::1:root', '*'] } })).toBe(true);
    expect(allowsEveryone({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::1:root' } })).toBe(true);
    expect(allowsEveryone({ Effect: 'Deny', Principal: '*' })).toBe(false);
    expect(allowsEveryone({ Effect: 'Allow', Principal: '*', Condition: { StringEquals: { 'aws:SourceAccount': '1' } } })).toBe(false);
  });

  it('finds every action on every resource, NotAction included', () => {
    expect(allowsEverything({ Effect: 'Allow', Action: ['s3:GetObject', '*'], Resource: '*' })).toBe(true);
    expect(allowsEverything({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })).toBe(true);
    expect(allowsEverything({ Effect: 'Allow', Action: 'kms:*', Resource: '*' })).toBe(false);
  });

  it('names the Deny statements a new version drops, whatever the key order or list form', () => {
    const deny = { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
    const reordered = { Condition: { Bool: { 'aws:SecureTransport': 'false' } }, Action: ['sqs:*'], Principal: '*', Effect: 'Deny', Sid: 'DenyInsecureTransport' };
    expect(removedDenies(policy(deny), policy(reordered))).toEqual([]);
    expect(removedDenies(policy(deny, { Effect: 'Deny', Action: 'sqs:DeleteQueue' }), policy())).toEqual(['statement DenyInsecureTransport', 'statement 2']);
  });
});

describe('the rule tables', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

  it('are the README’s tables, row by row', () => {
    for (const rule of WEAKENING_RULES) expect(readme).toContain(`| \`${rule.type}\` | \`${rule.path}\` | ${rule.weaker.label} | ${rule.appliesTo?.label ?? 'all'} | ${rule.why} |`);
    for (const rule of OPENING_RULES) expect(readme).toContain(`| \`${rule.id}\` | ${rule.label} | ${rule.consequence} |`);
  });

  it('have unique ids', () => {
    const ids = [...WEAKENING_RULES.map(ruleId), ...OPENING_RULES.map((rule) => rule.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
