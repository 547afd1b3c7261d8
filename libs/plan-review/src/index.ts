export { PlanReviewError } from './errors';
export { parsePlan } from './plan/parse';
export type { ChangeKind, PlanAction, ResourceChange, TerraformPlan } from '@xyz/terraform-schema';
export { replacementAttributes } from './plan/changes';
export { type DatabaseRename, databaseRename, type ReplicaPromotion, replicaPromotion } from './plan/rds-changes';
export { type AllowEntry, allowFileSchema, GUARD_ACTIONS, parseAllowFile, parseAllowOption } from './guard/allow';
export { ALLOW_FILE } from './guard/allow-file';
export { type GuardAction, type GuardFinding, type GuardResult, runGuard, type StackPlan } from './guard/guard';
export { STATEFUL_TYPES } from './guard/stateful';
export { WEAKENING_RULES, type WeakeningRule } from './guard/weakening-rules';
export { OPENING_RULES, type OpeningRule } from './guard/opening-rules';
export { downtimeWarnings, type DowntimeWarning } from './downtime/downtime';
export { CASE_STUDY_COSTS, type CaseStudyComparison, compareWithCaseStudy } from './cost/case-study';
export { estimateStack, type StackCost } from './cost/estimate';
export type { CostCategory, CostLine, ResourceCost } from './cost/model';
export {
  ELASTICACHE_NODE_HOUR,
  HOURS_PER_MONTH,
  type Price,
  PRICED_REGIONS,
  PRICES,
  RDS_EXTENDED_SUPPORT,
  RDS_INSTANCE_VCPUS,
  RDS_MYSQL_INSTANCE_HOUR,
  RDS_STORAGE_GB_MONTH,
} from './cost/prices';
export { DEFAULT_USAGE, parseUsage, type UsageAssumptions } from './cost/usage';
export type { AttentionItem } from './summary/attention';
export { type Review, type ReviewOptions, reviewPlans, type StackReview } from './summary/review';
export { COMMENT_MARKER, GITHUB_COMMENT_LIMIT, renderMarkdown } from './summary/markdown';
