import type { TerraformStack } from 'cdktf';
import { evaluate, failureLines } from '../engine/evaluate';
import { checkExemptions, GuardrailsConfigurationError, type Exemption } from '../engine/exemptions';
import type { Rule } from '../engine/rule';
import type { TerraformJson } from '../engine/terraform-json';
import { GUARDRAIL_RULES } from '../rules/catalogue';

export interface GuardrailsOptions {
  /**
   * Deliberate exceptions, each for one rule on one resource address, with the reason. An exemption
   * that no longer matches a violation fails synth too, so it is removed once it is not needed.
   * @default none
   */
  readonly exemptions?: readonly Exemption[];
  /**
   * The rules to enforce.
   * @default GUARDRAIL_RULES (every rule of this library)
   */
  readonly rules?: readonly Rule[];
}

const guardedStacks = new WeakSet<TerraformStack>();

/**
 * Checks the stack against the guardrails whenever it is synthesized with validation on (cdktf's
 * default, `App({ skipValidation: false })`, and `Testing.synth(stack, true)`). cdktf runs stack
 * validations after aspects and before writing cdk.tf.json, so a violating stack is never written:
 * synth fails with one line per violation, `<stack>: <address>: <rule id> <message>`.
 * Exemptions are checked at once, so a malformed one fails where it is written.
 */
export function applyGuardrails(stack: TerraformStack, options: GuardrailsOptions = {}): void {
  if (guardedStacks.has(stack)) throw new GuardrailsConfigurationError(`guardrails are already applied to stack ${stack.node.id}`);
  guardedStacks.add(stack);
  const rules = options.rules ?? GUARDRAIL_RULES;
  const exemptions = options.exemptions ?? [];
  checkExemptions(exemptions, rules);
  stack.node.addValidation({
    validate: () => failureLines(stack.node.id, evaluate(stack.toTerraform() as TerraformJson, { rules, exemptions })),
  });
}
