import type { Rule, Violation } from './rule';

/**
 * A deliberate exception to one rule for one resource. It lives in the stack's code, next to the
 * resource, so that it is seen and discussed in code review; the reason is mandatory.
 */
export interface Exemption {
  /** The Terraform address printed in the violation, e.g. aws_db_instance.database_instance_D7FC2283. */
  readonly address: string;
  /** The rule id printed in the violation. */
  readonly rule: string;
  /** Why the exception is acceptable, for the reviewer and for whoever reads the code next. */
  readonly reason: string;
}

export class GuardrailsConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GuardrailsConfigurationError';
  }
}

const ADDRESS = /^[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*$|^provider\.[a-z][a-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_-]*)?$/;
const MIN_REASON_LENGTH = 15;

/** Refuses exemptions that could hide a mistake: unknown rule, malformed address, missing reason, duplicates. */
export function checkExemptions(exemptions: readonly Exemption[], rules: readonly Rule[]): void {
  const ruleIds = new Set(rules.map((rule) => rule.id));
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const exemption of exemptions) {
    const label = `exemption ${JSON.stringify(exemption.address)} / ${JSON.stringify(exemption.rule)}`;
    if (!ruleIds.has(exemption.rule)) problems.push(`${label}: no rule has this id`);
    if (typeof exemption.address !== 'string' || !ADDRESS.test(exemption.address)) {
      problems.push(`${label}: the address must be a Terraform address such as aws_db_instance.database_instance_D7FC2283`);
    }
    if (typeof exemption.reason !== 'string' || exemption.reason.trim().length < MIN_REASON_LENGTH) {
      problems.push(`${label}: give a reason of at least ${MIN_REASON_LENGTH} characters`);
    }
    const key = `${exemption.address} ${exemption.rule}`;
    if (seen.has(key)) problems.push(`${label}: listed twice`);
    seen.add(key);
  }
  if (problems.length > 0) throw new GuardrailsConfigurationError(`invalid guardrail exemptions:\n  ${problems.join('\n  ')}`);
}

export function exempts(exemption: Exemption, violation: Violation): boolean {
  return exemption.address === violation.address && exemption.rule === violation.rule;
}
