import { evaluate, failureLines, GUARDRAIL_RULES, StackIndex, type TerraformJson } from '@xyz/guardrails';
import { loadTopology } from '@xyz/topology';
import { runStackApp } from '../../jest/synth-app';

/**
 * The four stacks exactly as their synth targets build them, checked against every guardrail.
 * It lives here, in a project nothing depends on, so that a change to any stack does not make the
 * guardrails library (and through it every stack) "affected".
 */
const topology = loadTopology();
const STACKS = [topology.stateBackend.stackName, ...topology.regions.map((region) => region.stackName)];

const synthesized = new Map<string, TerraformJson>();

beforeAll(() => {
  for (const stack of STACKS) {
    const run = runStackApp(stack);
    if (run.status !== 0 || !run.stack) throw new Error(`${stack} did not synthesize (exit ${run.status}):\n${run.stderr}`);
    synthesized.set(stack, run.stack as unknown as TerraformJson);
  }
});

describe('the real stacks', () => {
  it.each(topology.regions.map((region) => region.stackName))('%s passes every guardrail without exemptions', (stack) => {
    expect(failureLines(stack, evaluate(synthesized.get(stack)!))).toEqual([]);
  });

  it('state-backend breaks no guardrail but the one it declares: SSE-S3 on the access-log buckets', () => {
    const stack = topology.stateBackend.stackName;
    const lines = failureLines(stack, evaluate(synthesized.get(stack)!));
    expect(lines).toHaveLength(topology.regions.length);
    for (const line of lines) expect(line).toMatch(/^state-backend: aws_s3_bucket\.store-[a-z0-9]+_access-logs_bucket_[0-9A-F]{8}: s3-sse-kms-cmk /);
  });

  it('give every rule something real to inspect', () => {
    const idle = GUARDRAIL_RULES.filter((rule) =>
      [...synthesized.values()].every((json) => {
        const stack = new StackIndex(json);
        if (rule.resourceTypes.includes('provider.aws')) return stack.providers.length === 0;
        return stack.resources(...(rule.resourceTypes.includes('*') ? [] : rule.resourceTypes)).length === 0;
      }),
    ).map((rule) => rule.id);
    expect(idle).toEqual([]);
  });

  it('fail with the resource and the rule when a real stack is weakened', () => {
    const primary = structuredClone(synthesized.get(topology.regions.find((region) => region.role === 'primary')!.stackName)!) as TerraformJson & {
      resource: Record<string, Record<string, Record<string, unknown>>>;
    };
    const [instanceName, instance] = Object.entries(primary.resource.aws_db_instance)[0];
    instance.publicly_accessible = true;
    const [ruleName, rule] = Object.entries(primary.resource.aws_vpc_security_group_egress_rule)[0];
    delete rule.referenced_security_group_id;
    rule.cidr_ipv4 = '0.0.0.0/0';
    expect(failureLines('primary', evaluate(primary))).toEqual([
      `primary: aws_db_instance.${instanceName}: rds-not-public publicly_accessible is true; set it to false`,
      `primary: aws_vpc_security_group_egress_rule.${ruleName}: sg-no-public-egress cidr_ipv4 allows egress to 0.0.0.0/0; name the security group or the CIDR that needs it`,
    ]);
  });
});
