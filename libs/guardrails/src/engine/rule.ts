import type { Resource, StackIndex } from './terraform-json';

/** One broken rule on one resource (or provider configuration). */
export interface Violation {
  readonly rule: string;
  readonly address: string;
  readonly message: string;
}

export interface Finding {
  readonly address: string;
  readonly message: string;
}

export interface Rule {
  /** Stable identifier, used in messages and exemptions, e.g. rds-storage-encrypted-cmk. */
  readonly id: string;
  /** One line: what the rule requires. */
  readonly description: string;
  /** The checkov checks this rule corresponds to (it may be stricter); empty when there is none. */
  readonly checkov: readonly string[];
  /** The resource types the rule inspects ('*' for every type, 'provider.aws' for provider blocks). */
  readonly resourceTypes: readonly string[];
  check(stack: StackIndex): Finding[];
}

export interface ResourceRuleSpec {
  readonly id: string;
  readonly description: string;
  readonly checkov?: readonly string[];
  readonly resourceTypes: readonly string[];
  /** The problems of one resource, as messages; an empty list when it complies. */
  readonly check: (resource: Resource, stack: StackIndex) => Array<string | undefined>;
}

/** A rule that looks at each resource of its types on its own (with the stack for lookups). */
export function resourceRule(spec: ResourceRuleSpec): Rule {
  return {
    id: spec.id,
    description: spec.description,
    checkov: spec.checkov ?? [],
    resourceTypes: spec.resourceTypes,
    check: (stack) =>
      stack.resources(...(spec.resourceTypes.includes('*') ? [] : spec.resourceTypes)).flatMap((resource) =>
        spec
          .check(resource, stack)
          .filter((message): message is string => message !== undefined)
          .map((message) => ({ address: resource.address, message })),
      ),
  };
}
