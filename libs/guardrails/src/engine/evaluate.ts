import { GUARDRAIL_RULES } from '../rules/catalogue';
import { checkExemptions, exempts, type Exemption } from './exemptions';
import type { Rule, Violation } from './rule';
import { StackIndex, type TerraformJson } from './terraform-json';

export interface EvaluationOptions {
  /** The rules to run. @default every rule of the catalogue */
  readonly rules?: readonly Rule[];
  /** @default none */
  readonly exemptions?: readonly Exemption[];
}

export interface ExemptedViolation extends Violation {
  readonly reason: string;
}

export interface Evaluation {
  /** What fails the stack. */
  readonly violations: Violation[];
  /** Violations an exemption covers: reported, not failing. */
  readonly exempted: ExemptedViolation[];
  /** Exemptions that cover nothing any more: they fail the stack too, so stale exceptions get removed. */
  readonly unusedExemptions: Exemption[];
}

/** Runs the rules over one stack's synthesized Terraform JSON. Pure: no cdktf, no I/O. */
export function evaluate(json: TerraformJson, options: EvaluationOptions = {}): Evaluation {
  const rules = options.rules ?? GUARDRAIL_RULES;
  const exemptions = options.exemptions ?? [];
  checkExemptions(exemptions, rules);
  const stack = new StackIndex(json);
  const found: Violation[] = rules.flatMap((rule) => rule.check(stack).map((finding) => ({ rule: rule.id, ...finding })));

  const violations: Violation[] = [];
  const exempted: ExemptedViolation[] = [];
  const used = new Set<Exemption>();
  for (const violation of found) {
    const exemption = exemptions.find((candidate) => exempts(candidate, violation));
    if (exemption) {
      used.add(exemption);
      exempted.push({ ...violation, reason: exemption.reason });
    } else {
      violations.push(violation);
    }
  }
  return { violations, exempted, unusedExemptions: exemptions.filter((exemption) => !used.has(exemption)) };
}

/** One line per failure: `<stack>: <address>: <rule id> <message>`. Empty when the stack passes. */
export function failureLines(stackName: string, evaluation: Evaluation): string[] {
  return [
    ...evaluation.violations.map((violation) => `${stackName}: ${violation.address}: ${violation.rule} ${violation.message}`),
    ...evaluation.unusedExemptions.map(
      (exemption) => `${stackName}: ${exemption.address}: ${exemption.rule} is exempted ("${exemption.reason}") but passes or no longer exists; remove the exemption`,
    ),
  ];
}
