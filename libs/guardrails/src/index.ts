export { applyGuardrails, type GuardrailsOptions } from './cdktf/apply-guardrails';
export { customerManagedKeyProblem, type KeyArgumentForm } from './engine/customer-managed-key';
export { evaluate, failureLines, type Evaluation, type EvaluationOptions, type ExemptedViolation } from './engine/evaluate';
export { checkExemptions, GuardrailsConfigurationError, type Exemption } from './engine/exemptions';
export { parseReference, type Reference } from './engine/references';
export { resourceRule, type Finding, type ResourceRuleSpec, type Rule, type Violation } from './engine/rule';
export { StackIndex, type Provider, type Resource, type ResourceConfig, type TerraformJson } from './engine/terraform-json';
export { GUARDRAIL_RULES, ruleById } from './rules/catalogue';
