import { add, patch } from '../compliant-stack';
import type { AreaCases } from './rule-case';

const LOG_GROUP = 'aws_cloudwatch_log_group.processor';
const KEY = 'aws_kms_key.data';

export const LOGS_AND_KEYS_CASES: AreaCases = {
  area: 'CloudWatch Logs and KMS',
  failing: [
    { rule: 'log-group-cmk', title: 'log group without a key', change: (s) => patch(s, LOG_GROUP, { kms_key_id: undefined }), address: LOG_GROUP, message: /^kms_key_id is not set/ },
    { rule: 'log-group-cmk', title: 'log group with an expression', change: (s) => patch(s, LOG_GROUP, { kms_key_id: '${var.log_key}' }), address: LOG_GROUP, message: /^kms_key_id is "\$\{var\.log_key\}", which cannot be shown at synth to be a customer-managed key/ },
    { rule: 'log-group-retention', title: 'logs kept forever', change: (s) => patch(s, LOG_GROUP, { retention_in_days: undefined }), address: LOG_GROUP, message: /^retention_in_days is not set/ },
    { rule: 'log-group-retention', title: 'retention 0 (never expire)', change: (s) => patch(s, LOG_GROUP, { retention_in_days: 0 }), address: LOG_GROUP, message: /^retention_in_days is 0/ },
    { rule: 'kms-key-rotation', title: 'rotation off', change: (s) => patch(s, KEY, { enable_key_rotation: false }), address: KEY, message: /^enable_key_rotation is false; set it to true$/ },
    { rule: 'kms-key-rotation', title: 'rotation left out', change: (s) => patch(s, KEY, { enable_key_rotation: undefined }), address: KEY, message: /^enable_key_rotation is not set/ },
    { rule: 'kms-key-enabled', title: 'a disabled key', change: (s) => patch(s, KEY, { is_enabled: false }), address: KEY, message: /^is_enabled is false: nothing encrypted with the key can be read or written/ },
  ],
  passing: [
    { title: 'an asymmetric signing key, which cannot rotate', change: (s) => add(s, 'aws_kms_key.signing', { customer_master_key_spec: 'ECC_NIST_P256', key_usage: 'SIGN_VERIFY' }) },
    { title: 'a replica key of this stack', change: (s) => { add(s, 'aws_kms_replica_key.data', { primary_key_arn: 'arn:aws:kms:us-east-1:111122223333:key/mrk-1' }); patch(s, LOG_GROUP, { kms_key_id: '${aws_kms_replica_key.data.arn}' }); } },
    { title: 'a key enabled explicitly', change: (s) => patch(s, KEY, { is_enabled: true }) },
  ],
};
