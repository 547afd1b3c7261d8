import type { Rule } from '../engine/rule';
import { ELASTICACHE_RULES } from './elasticache';
import { EVENT_PIPELINE_RULES } from './event-pipeline';
import { IAM_RULES } from './iam';
import { INTERNET_EXPOSURE_RULES } from './internet-exposure';
import { LOG_AND_KEY_RULES } from './logs-and-keys';
import { NETWORK_RULES } from './network';
import { resourcePolicyNotPublic } from './resource-policies';
import { RDS_INSTANCE_RULES } from './rds-instance';
import { rdsParameterGroupRequiresTls } from './rds-parameter-group';
import { S3_BUCKET_RULES } from './s3-bucket';
import { s3LifecycleKeepsCurrentObjects } from './s3-lifecycle';
import { SECRET_RULES } from './secrets';

/** Every guardrail, in the order of the README. */
export const GUARDRAIL_RULES: readonly Rule[] = [
  ...RDS_INSTANCE_RULES,
  rdsParameterGroupRequiresTls,
  ...ELASTICACHE_RULES,
  ...EVENT_PIPELINE_RULES,
  ...LOG_AND_KEY_RULES,
  ...SECRET_RULES,
  ...IAM_RULES,
  resourcePolicyNotPublic,
  ...NETWORK_RULES,
  ...INTERNET_EXPOSURE_RULES,
  ...S3_BUCKET_RULES,
  s3LifecycleKeepsCurrentObjects,
];

export function ruleById(id: string): Rule | undefined {
  return GUARDRAIL_RULES.find((rule) => rule.id === id);
}
