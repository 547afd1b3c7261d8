import type { Rule } from '../engine/rule';
import { ELASTICACHE_RULES } from './elasticache';
import { EVENT_PIPELINE_RULES } from './event-pipeline';
import { LOG_AND_KEY_RULES } from './logs-and-keys';
import { NETWORK_RULES } from './network';
import { RDS_INSTANCE_RULES } from './rds-instance';
import { rdsParameterGroupRequiresTls } from './rds-parameter-group';
import { S3_BUCKET_RULES } from './s3-bucket';
import { SECRET_RULES } from './secrets';

/** Every guardrail, in the order of the README. */
export const GUARDRAIL_RULES: readonly Rule[] = [
  ...RDS_INSTANCE_RULES,
  rdsParameterGroupRequiresTls,
  ...ELASTICACHE_RULES,
  ...EVENT_PIPELINE_RULES,
  ...LOG_AND_KEY_RULES,
  ...SECRET_RULES,
  ...NETWORK_RULES,
  ...S3_BUCKET_RULES,
];

export function ruleById(id: string): Rule | undefined {
  return GUARDRAIL_RULES.find((rule) => rule.id === id);
}
