import { loadTopology } from '@xyz/topology';
import { runStackApp } from '../../../tools/jest/synth-app';
import { evaluate, failureLines, GUARDRAIL_RULES, StackIndex, type TerraformJson } from '../src';

/**
 * The four stacks exactly as their apps synthesize them (tsx into a temporary CDKTF_OUTDIR, like
 * the synth target). libs/stacks is not imported: this library is a construct library and the
 * stacks will depend on it, so importing them here would break the module boundaries.
 */
const topology = loadTopology();
const STACKS = [topology.stateBackend.stackName, ...topology.regions.map((region) => region.stackName)];
/** The stream pipeline is not in the region stacks yet; these rules have nothing real to inspect until it is. */
const PIPELINE_RULES = ['kinesis-cmk', 'dynamodb-pitr', 'dynamodb-cmk', 'dynamodb-deletion-protection', 'sqs-cmk', 'lambda-environment-cmk'];

const synthesized = new Map<string, TerraformJson>();

beforeAll(() => {
  for (const stack of STACKS) {
    const run = runStackApp(stack);
    if (run.status !== 0 || !run.stack) throw new Error(`${stack} did not synthesize (exit ${run.status}):\n${run.stderr}`);
    synthesized.set(stack, run.stack as unknown as TerraformJson);
  }
});

describe('the real stacks', () => {
  it.each(STACKS)('%s passes every guardrail without exemptions', (stack) => {
    expect(failureLines(stack, evaluate(synthesized.get(stack)!))).toEqual([]);
  });

  it('give every rule outside the future stream pipeline something real to inspect', () => {
    const idle = GUARDRAIL_RULES.filter((rule) =>
      [...synthesized.values()].every((json) => {
        const stack = new StackIndex(json);
        if (rule.resourceTypes.includes('provider.aws')) return stack.providers.length === 0;
        return stack.resources(...(rule.resourceTypes.includes('*') ? [] : rule.resourceTypes)).length === 0;
      }),
    ).map((rule) => rule.id);
    expect(PIPELINE_RULES).toEqual(expect.arrayContaining(idle));
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
