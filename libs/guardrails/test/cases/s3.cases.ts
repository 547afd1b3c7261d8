import { patch, remove } from '../compliant-stack';
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
    { rule: 's3-tls-only', title: 'a policy from a data source', change: (s) => patch(s, POLICY, { policy: '${data.aws_iam_policy_document.state.json}' }), address: BUCKET, message: /is not literal JSON .*so TLS-only cannot be checked at synth/ },
  ],
  passing: [
    { title: 'a policy naming the bucket by reference, principal {"AWS": "*"}, action "*", boolean false', change: (s) => patch(s, POLICY, { policy: tlsPolicy({ Principal: { AWS: '*' }, Action: '*', Condition: { Bool: { 'aws:SecureTransport': false } } }) }) },
    { title: 'companions naming the bucket by its name', change: (s) => patch(s, 'aws_s3_bucket_versioning.state', { bucket: 'xyz-state' }) },
    { title: 'DSSE-KMS with the key id', change: (s) => patch(s, 'aws_s3_bucket_server_side_encryption_configuration.state', { rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms:dsse', kms_master_key_id: '${aws_kms_key.data.key_id}' } }] }) },
  ],
};
