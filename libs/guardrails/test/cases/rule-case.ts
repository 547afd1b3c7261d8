import type { FixtureStack } from '../compliant-stack';

/** One change to the compliant stack that must break exactly one rule, with the expected line. */
export interface FailingCase {
  readonly rule: string;
  readonly title: string;
  readonly change: (stack: FixtureStack) => void;
  readonly address: string;
  readonly message: RegExp;
}

/** A change that must keep the stack compliant: a legitimate variant a rule must not flag. */
export interface PassingCase {
  readonly title: string;
  readonly change: (stack: FixtureStack) => void;
}

export interface AreaCases {
  readonly area: string;
  readonly failing: readonly FailingCase[];
  readonly passing: readonly PassingCase[];
}
