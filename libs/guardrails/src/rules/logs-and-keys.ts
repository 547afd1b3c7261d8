import { customerManagedKeyProblem } from '../engine/customer-managed-key';
import { resourceRule } from '../engine/rule';
import { asNumber, isFalse, isTrue, show } from '../engine/values';

export const logGroupWithCmk = resourceRule({
  id: 'log-group-cmk',
  description: 'CloudWatch log groups are encrypted with a customer-managed KMS key of the stack.',
  checkov: ['CKV_AWS_158'],
  resourceTypes: ['aws_cloudwatch_log_group'],
  check: ({ config }, stack) => [customerManagedKeyProblem('kms_key_id', config.kms_key_id, stack, 'arn')],
});

export const logGroupRetention = resourceRule({
  id: 'log-group-retention',
  description: 'CloudWatch log groups set a retention (retention_in_days > 0; 0 or unset keeps logs forever).',
  checkov: ['CKV_AWS_66'],
  resourceTypes: ['aws_cloudwatch_log_group'],
  check: ({ config }) => {
    const days = asNumber(config.retention_in_days);
    return [days !== undefined && days > 0 ? undefined : `retention_in_days is ${show(config.retention_in_days)}; set the number of days to keep`];
  },
});

export const kmsKeyRotation = resourceRule({
  id: 'kms-key-rotation',
  description: 'Symmetric encryption KMS keys have automatic rotation on (asymmetric and HMAC keys cannot rotate).',
  checkov: ['CKV_AWS_7'],
  resourceTypes: ['aws_kms_key'],
  check: ({ config }) => {
    const spec = config.customer_master_key_spec ?? 'SYMMETRIC_DEFAULT';
    const usage = config.key_usage ?? 'ENCRYPT_DECRYPT';
    if (spec !== 'SYMMETRIC_DEFAULT' || usage !== 'ENCRYPT_DECRYPT') return [];
    return [isTrue(config.enable_key_rotation) ? undefined : `enable_key_rotation is ${show(config.enable_key_rotation)}; set it to true`];
  },
});

export const kmsKeyEnabled = resourceRule({
  id: 'kms-key-enabled',
  description: 'KMS keys are enabled (is_enabled is not false).',
  checkov: ['CKV_AWS_227'],
  resourceTypes: ['aws_kms_key'],
  check: ({ config }) => [isFalse(config.is_enabled) ? 'is_enabled is false: nothing encrypted with the key can be read or written; remove it or set it to true' : undefined],
});

export const LOG_AND_KEY_RULES = [logGroupWithCmk, logGroupRetention, kmsKeyRotation, kmsKeyEnabled];
