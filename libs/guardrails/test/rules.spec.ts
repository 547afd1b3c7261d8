import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, GUARDRAIL_RULES, StackIndex, type Violation } from '../src';
import { compliantStack, type FixtureStack } from './compliant-stack';
import { ELASTICACHE_CASES } from './cases/elasticache.cases';
import { EVENT_PIPELINE_CASES } from './cases/event-pipeline.cases';
import { IAM_CASES } from './cases/iam.cases';
import { LOGS_AND_KEYS_CASES } from './cases/logs-and-keys.cases';
import { NETWORK_CASES } from './cases/network.cases';
import { RDS_CASES } from './cases/rds.cases';
import type { AreaCases } from './cases/rule-case';
import { S3_CASES } from './cases/s3.cases';
import { SECRETS_CASES } from './cases/secrets.cases';

const AREAS: AreaCases[] = [RDS_CASES, ELASTICACHE_CASES, EVENT_PIPELINE_CASES, LOGS_AND_KEYS_CASES, SECRETS_CASES, IAM_CASES, NETWORK_CASES, S3_CASES];

function violationsAfter(change: (stack: FixtureStack) => void): Violation[] {
  const stack = compliantStack();
  change(stack);
  return evaluate(stack).violations;
}

describe('the compliant fixture', () => {
  const stack = new StackIndex(compliantStack());

  it('passes every rule', () => {
    expect(evaluate(compliantStack()).violations).toEqual([]);
  });

  it.each(GUARDRAIL_RULES.map((rule) => [rule.id, rule] as const))('%s inspects something in it and finds nothing wrong', (_id, rule) => {
    const inspected = rule.resourceTypes.includes('provider.aws')
      ? stack.providers.length
      : stack.resources(...(rule.resourceTypes.includes('*') ? [] : rule.resourceTypes)).length;
    expect(inspected).toBeGreaterThan(0);
    expect(rule.check(stack)).toEqual([]);
  });
});

describe.each(AREAS.map((area) => [area.area, area] as const))('%s rules', (_area, { failing, passing }) => {
  it.each(failing.map((c) => [c.rule, c.title, c] as const))('%s fails on: %s', (_rule, _title, c) => {
    const violations = violationsAfter(c.change);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.map((v) => `${v.rule} ${v.address}`)).toEqual(violations.map(() => `${c.rule} ${c.address}`));
    expect(violations.map((v) => v.message)).toContainEqual(expect.stringMatching(c.message));
  });

  if (passing.length > 0) {
    it.each(passing.map((c) => [c.title, c] as const))('still passes with %s', (_title, c) => {
      expect(violationsAfter(c.change)).toEqual([]);
    });
  }
});

describe('the catalogue', () => {
  it('has unique ids, each with a description', () => {
    const ids = GUARDRAIL_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of GUARDRAIL_RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.description).toMatch(/^[A-Z].*\.$/);
      for (const id of rule.checkov) expect(id).toMatch(/^CKV2?_AWS_\d+$/);
    }
  });

  it('has a row for every rule in the README, with its checkov ids', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    for (const rule of GUARDRAIL_RULES) expect(readme).toContain(`| \`${rule.id}\` | ${rule.resourceTypes.map((type) => (type === '*' ? 'every resource' : `\`${type}\``)).join(', ')} | ${rule.description} | ${rule.checkov.length > 0 ? rule.checkov.join(', ') : '—'} |`);
  });

  it('has at least one failing fixture for every rule', () => {
    const covered = new Set(AREAS.flatMap((area) => area.failing.map((c) => c.rule)));
    expect(GUARDRAIL_RULES.map((rule) => rule.id).filter((id) => !covered.has(id))).toEqual([]);
    expect([...covered].filter((id) => !GUARDRAIL_RULES.some((rule) => rule.id === id))).toEqual([]);
  });
});
