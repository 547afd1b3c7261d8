import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { synthStateBackend } from './synth-helpers';

describe('state-backend: the bucket every stack keeps its state in', () => {
  const stack = synthStateBackend();

  it('keeps its own state in the bucket it describes, under its own key', () => {
    expect(stack.json.terraform.backend.s3).toMatchObject({ bucket: 'xyz-prod-terraform-state-111122223333', key: 'production/state-backend.tfstate' });
  });

  it('keeps its state locally for the bootstrap apply, before the bucket exists', () => {
    const bootstrap = synthStateBackend(undefined, true);
    expect(bootstrap.json.terraform.backend).toEqual({ local: { path: '../../../.terraform-state/state-backend.tfstate' } });
    expect(bootstrap.all('aws_s3_bucket')).toEqual(stack.all('aws_s3_bucket'));
  });

  it('creates the bucket the region stacks use, protected from destroy', () => {
    const bucket = stack.single('aws_s3_bucket');
    expect(bucket.bucket).toBe('xyz-prod-terraform-state-111122223333');
    expect(bucket.lifecycle).toEqual({ prevent_destroy: true });
  });

  it('versions every state object', () => {
    expect(stack.text).toHaveResourceWithProperties(S3BucketVersioningA, { versioning_configuration: { status: 'Enabled' } });
  });

  it('encrypts with a customer-managed key', () => {
    const sse = stack.single('aws_s3_bucket_server_side_encryption_configuration');
    expect(sse.rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: `\${${stack.addressOf('aws_kms_key')}.arn}` }, bucket_key_enabled: true },
    ]);
  });

  it("gives the state key's policy to the account only (no service needs it)", () => {
    const policy = JSON.parse(String(stack.single('aws_kms_key').policy));
    expect(policy.Statement).toHaveLength(1);
    expect(policy.Statement[0].Principal).toEqual({ AWS: 'arn:aws:iam::111122223333:root' });
  });

  it('turns every public-access block on', () => {
    expect(stack.text).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  it('denies every request that is not over TLS', () => {
    const policy = JSON.parse(String(stack.single('aws_s3_bucket_policy').policy));
    expect(policy.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Principal: '*', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });
});
