import { add, addData, patch, remove } from '../compliant-stack';
import type { AreaCases } from './rule-case';

const BUCKET = 'aws_s3_bucket.state';
const POLICY = 'aws_s3_bucket_policy.state';

function tlsPolicy(statement: Record<string, unknown>): string {
  const base = {
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: ['${aws_s3_bucket.state.arn}', '${aws_s3_bucket.state.arn}/*'],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ ...base, ...statement }] });
}

export const S3_CASES: AreaCases = {
  area: 'S3',
  failing: [
    { rule: 's3-versioning', title: 'no versioning resource', change: (s) => remove(s, 'aws_s3_bucket_versioning.state'), address: BUCKET, message: /^no aws_s3_bucket_versioning enables versioning on this bucket/ },
    { rule: 's3-versioning', title: 'versioning suspended', change: (s) => patch(s, 'aws_s3_bucket_versioning.state', { versioning_configuration: { status: 'Suspended' } }), address: BUCKET, message: /^aws_s3_bucket_versioning\.state sets status "Suspended"; set "Enabled"$/ },
    { rule: 's3-versioning', title: 'versioning of another bucket', change: (s) => patch(s, 'aws_s3_bucket_versioning.state', { bucket: '${aws_s3_bucket.logs.id}' }), address: BUCKET, message: /^no aws_s3_bucket_versioning/ },
    { rule: 's3-sse-kms-cmk', title: 'no default encryption', change: (s) => remove(s, 'aws_s3_bucket_server_side_encryption_configuration.state'), address: BUCKET, message: /^no aws_s3_bucket_server_side_encryption_configuration/ },
    { rule: 's3-sse-kms-cmk', title: 'SSE-S3', change: (s) => patch(s, 'aws_s3_bucket_server_side_encryption_configuration.state', { rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }] }), address: BUCKET, message: /uses sse_algorithm "AES256"/ },
    { rule: 's3-sse-kms-cmk', title: 'SSE-KMS with the aws/s3 key', change: (s) => patch(s, 'aws_s3_bucket_server_side_encryption_configuration.state', { rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' } }] }), address: BUCKET, message: /^aws_s3_bucket_server_side_encryption_configuration\.state: kms_master_key_id is not set/ },
    { rule: 's3-public-access-block', title: 'no public access block', change: (s) => remove(s, 'aws_s3_bucket_public_access_block.state'), address: BUCKET, message: /^no aws_s3_bucket_public_access_block covers this bucket/ },
    { rule: 's3-public-access-block', title: 'public policies allowed', change: (s) => patch(s, 'aws_s3_bucket_public_access_block.state', { block_public_policy: false }), address: BUCKET, message: /sets block_public_policy to false; set it to true$/ },
    { rule: 's3-tls-only', title: 'no bucket policy', change: (s) => remove(s, POLICY), address: BUCKET, message: /^no aws_s3_bucket_policy denies requests without TLS/ },
    { rule: 's3-tls-only', title: 'the deny covers only the objects', change: (s) => patch(s, POLICY, { policy: tlsPolicy({ Resource: 'arn:aws:s3:::xyz-state/*' }) }), address: BUCKET, message: /has no statement denying s3:\*/ },
    { rule: 's3-tls-only', title: 'the deny covers only some actions', change: (s) => patch(s, POLICY, { policy: tlsPolicy({ Action: ['s3:GetObject', 's3:PutObject'] }) }), address: BUCKET, message: /has no statement denying/ },
    { rule: 's3-tls-only', title: 'the statement allows instead of denying', change: (s) => patch(s, POLICY, { policy: tlsPolicy({ Effect: 'Allow' }) }), address: BUCKET, message: /has no statement denying/ },
    {
      rule: 's3-tls-only',
      title: 'a policy from a data source',
      change: (s) => {
        addData(s, 'aws_iam_policy_document.state', { statement: [{ effect: 'Deny', principals: [{ type: '*', identifiers: ['*'] }], actions: ['s3:*'], resources: ['${aws_s3_bucket.state.arn}', '${aws_s3_bucket.state.arn}/*'], condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }] }] });
        patch(s, POLICY, { policy: '${data.aws_iam_policy_document.state.json}' });
      },
      address: BUCKET,
      message: /is not literal JSON .*so TLS-only cannot be checked at synth/,
    },
    { rule: 's3-lifecycle-keeps-current-objects', title: 'a rule that expires current objects', change: (s) => patch(s, 'aws_s3_bucket_lifecycle_configuration.state', { rule: [{ id: 'expire', status: 'Enabled', filter: [{ prefix: '' }], expiration: [{ days: 30 }] }] }), address: 'aws_s3_bucket_lifecycle_configuration.state', message: /^rule "expire" expires current objects after 30 days: S3 deletes the live objects/ },
    { rule: 's3-lifecycle-keeps-current-objects', title: 'an expiry date for current objects', change: (s) => patch(s, 'aws_s3_bucket_lifecycle_configuration.state', { rule: [{ id: 'expire', status: 'Enabled', filter: [{ prefix: 'env/' }], expiration: [{ date: '2030-01-01T00:00:00Z' }] }] }), address: 'aws_s3_bucket_lifecycle_configuration.state', message: /expires current objects on 2030-01-01T00:00:00Z/ },
  ],
  passing: [
    { title: 'a policy naming the bucket by reference, principal {"AWS": "*"}, action "*", boolean false', change: (s) => patch(s, POLICY, { policy: tlsPolicy({ Principal: { AWS: '*' }, Action: '*', Condition: { Bool: { 'aws:SecureTransport': false } } }) }) },
    { title: 'companions naming the bucket by its name', change: (s) => patch(s, 'aws_s3_bucket_versioning.state', { bucket: 'xyz-state' }) },
    { title: 'a disabled rule that would expire current objects', change: (s) => patch(s, 'aws_s3_bucket_lifecycle_configuration.state', { rule: [{ id: 'expire', status: 'Disabled', filter: [{ prefix: '' }], expiration: [{ days: 30 }] }] }) },
    { title: 'a rule that only removes expired delete markers', change: (s) => patch(s, 'aws_s3_bucket_lifecycle_configuration.state', { rule: [{ id: 'markers', status: 'Enabled', filter: [{ prefix: '' }], expiration: [{ expired_object_delete_marker: true }] }] }) },
    {
      title: 'a server access log bucket whose logs expire',
      change: (s) => {
        add(s, 'aws_s3_bucket.logs', { bucket: 'xyz-state-logs' });
        add(s, 'aws_s3_bucket_versioning.logs', { bucket: '${aws_s3_bucket.logs.id}', versioning_configuration: { status: 'Enabled' } });
        add(s, 'aws_s3_bucket_public_access_block.logs', { bucket: '${aws_s3_bucket.logs.id}', block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
        add(s, 'aws_s3_bucket_policy.logs', { bucket: '${aws_s3_bucket.logs.id}', policy: tlsPolicy({ Resource: ['${aws_s3_bucket.logs.arn}', '${aws_s3_bucket.logs.arn}/*'] }) });
        add(s, 'aws_s3_bucket_server_side_encryption_configuration.logs', { bucket: '${aws_s3_bucket.logs.id}', rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_key.data.arn}' } }] });
        add(s, 'aws_s3_bucket_logging.state', { bucket: '${aws_s3_bucket.state.id}', target_bucket: '${aws_s3_bucket.logs.id}', target_prefix: 'state/' });
        add(s, 'aws_s3_bucket_lifecycle_configuration.logs', { bucket: 'xyz-state-logs', rule: [{ id: 'expire-logs', status: 'Enabled', filter: [{ prefix: '' }], expiration: [{ days: 90 }] }] });
      },
    },
    { title: 'DSSE-KMS with the key id', change: (s) => patch(s, 'aws_s3_bucket_server_side_encryption_configuration.state', { rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms:dsse', kms_master_key_id: '${aws_kms_key.data.key_id}' } }] }) },
  ],
};
