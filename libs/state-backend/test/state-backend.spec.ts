import { stateLocation } from '@xyz/topology';
import { productionTopology, resourceAt, synthStateBackend } from './synth-state-backend';

interface Statement {
  Sid: string;
  Effect: string;
  Principal: unknown;
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

const topology = productionTopology();
const CODES = { 'us-east-1': 'use1', 'us-west-2': 'usw2', 'us-east-2': 'use2' } as const;
const REGIONS = Object.keys(CODES) as Array<keyof typeof CODES>;

function statementsOf(policy: unknown): Statement[] {
  return (JSON.parse(String(policy)) as { Statement: Statement[] }).Statement;
}

describe('state-backend: one Terraform state store per region', () => {
  const stack = synthStateBackend();
  const keyArn = (code: string) => `\${${`aws_kms_key.${resourceAt(stack, 'aws_kms_key', `store-${code}/key`).name}`}.arn}`;

  it("keeps its own state in the home region's bucket, encrypted with that region's state key", () => {
    expect(stack.json.terraform.backend.s3).toEqual({
      bucket: 'xyz-prod-tfstate-use1-111122223333',
      key: 'production/state-backend.tfstate',
      region: 'us-east-1',
      encrypt: true,
      kms_key_id: 'arn:aws:kms:us-east-1:111122223333:alias/xyz-prod-tfstate',
      use_lockfile: true,
    });
    const location = stateLocation(topology, 'state-backend');
    expect(stack.json.terraform.backend.s3).toMatchObject({ bucket: location.bucket, key: location.key, region: location.region, kms_key_id: location.kmsKeyId });
  });

  it('keeps its state locally for the bootstrap apply, before any bucket exists', () => {
    const bootstrap = synthStateBackend(undefined, true);
    expect(bootstrap.json.terraform.backend).toEqual({ local: { path: '../../../.terraform-state/state-backend.tfstate' } });
    expect(bootstrap.resources('aws_s3_bucket')).toEqual(stack.resources('aws_s3_bucket'));
  });

  it.each(REGIONS)('creates the %s state bucket through that region\'s provider, protected from destroy', (region) => {
    const code = CODES[region];
    const bucket = resourceAt(stack, 'aws_s3_bucket', `store-${code}/bucket`).config;
    expect(bucket.bucket).toBe(`xyz-prod-tfstate-${code}-111122223333`);
    expect(bucket.lifecycle).toEqual({ prevent_destroy: true });
    const provider = region === 'us-east-1' ? 'aws' : `aws.${code}`;
    expect(bucket.provider).toBe(provider);
    expect(stack.json.provider.aws.find((entry) => entry.region === region)?.alias).toBe(region === 'us-east-1' ? undefined : code);
  });

  it.each(REGIONS)("encrypts the %s bucket by default with that region's own key", (region) => {
    const code = CODES[region];
    const sse = resourceAt(stack, 'aws_s3_bucket_server_side_encryption_configuration', `store-${code}/encryption`).config;
    expect(sse.rule).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: keyArn(code) }, bucket_key_enabled: true }]);
    const alias = resourceAt(stack, 'aws_kms_alias', `store-${code}/key/alias`).config;
    expect(alias.name).toBe('alias/xyz-prod-tfstate');
  });

  it.each(REGIONS)('refuses, in %s, uploads that are not SSE-KMS with the state key, and requests without TLS', (region) => {
    const code = CODES[region];
    const bucketArn = `arn:aws:s3:::xyz-prod-tfstate-${code}-111122223333`;
    const statements = statementsOf(resourceAt(stack, 'aws_s3_bucket_policy', `store-${code}/policy`).config.policy);
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [bucketArn, `${bucketArn}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 's3:PutObject', Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } } }),
    );
    const otherKeys = statements.find((statement) => statement.Sid === 'DenyUploadsWithAnotherKey');
    expect(otherKeys).toMatchObject({ Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: `${bucketArn}/*` });
    expect(otherKeys?.Condition).toEqual({
      StringNotEquals: { 's3:x-amz-server-side-encryption-aws-kms-key-id': [keyArn(code), `arn:aws:kms:${region}:111122223333:alias/xyz-prod-tfstate`] },
    });
  });

  it('the key the region stacks name in their backends is one the bucket policy accepts', () => {
    for (const stackName of topology.regions.map((entry) => entry.stackName)) {
      const location = stateLocation(topology, stackName);
      const code = CODES[location.region as keyof typeof CODES];
      const policy = statementsOf(resourceAt(stack, 'aws_s3_bucket_policy', `store-${code}/policy`).config.policy);
      const accepted = policy.find((statement) => statement.Sid === 'DenyUploadsWithAnotherKey')?.Condition?.StringNotEquals['s3:x-amz-server-side-encryption-aws-kms-key-id'];
      expect(accepted).toContain(location.kmsKeyId);
      expect(location.bucket).toBe(resourceAt(stack, 'aws_s3_bucket', `store-${code}/bucket`).config.bucket);
    }
  });

  it('blocks public access to every bucket, the log buckets included', () => {
    const blocks = Object.values(stack.resources('aws_s3_bucket_public_access_block'));
    expect(blocks).toHaveLength(6);
    for (const block of blocks) {
      expect(block).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
    }
  });

  it.each(REGIONS)('logs every access to the %s state bucket into a log bucket only S3 logging may write to, over TLS only', (region) => {
    const code = CODES[region];
    const logBucket = resourceAt(stack, 'aws_s3_bucket', `store-${code}/access-logs/bucket`);
    const logging = resourceAt(stack, 'aws_s3_bucket_logging', `store-${code}/access-logging`).config;
    expect(logging).toMatchObject({ target_bucket: `\${aws_s3_bucket.${logBucket.name}.id}`, target_prefix: 'state-access/' });
    const sse = resourceAt(stack, 'aws_s3_bucket_server_side_encryption_configuration', `store-${code}/access-logs/encryption`).config;
    expect(sse.rule).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }]);
    const logStatements = statementsOf(resourceAt(stack, 'aws_s3_bucket_policy', `store-${code}/access-logs/policy`).config.policy);
    const logBucketArn = `arn:aws:s3:::xyz-prod-tfstate-logs-${code}-111122223333`;
    expect(logStatements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [logBucketArn, `${logBucketArn}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    const allow = logStatements.find((statement) => statement.Effect === 'Allow');
    expect(allow).toMatchObject({
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: 's3:PutObject',
      Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:s3:::xyz-prod-tfstate-${code}-111122223333` }, StringEquals: { 'aws:SourceAccount': '111122223333' } },
    });
  });

  it.each(REGIONS)('replicates the %s bucket to every other region, re-encrypted with the destination key, within 15 minutes', (region) => {
    const code = CODES[region];
    const replication = resourceAt(stack, 'aws_s3_bucket_replication_configuration', `replication/from-${region}`).config;
    const rules = replication.rule as Array<Record<string, unknown>>;
    const others = REGIONS.filter((other) => other !== region);
    expect(rules.map((rule) => rule.id)).toEqual(others.map((other) => `state-to-${other}`));
    rules.forEach((rule, index) => {
      const destination = CODES[others[index]];
      const destinationBucket = resourceAt(stack, 'aws_s3_bucket', `store-${destination}/bucket`).name;
      expect(rule).toMatchObject({
        status: 'Enabled',
        delete_marker_replication: { status: 'Enabled' },
        source_selection_criteria: { sse_kms_encrypted_objects: { status: 'Enabled' } },
        destination: {
          bucket: `\${aws_s3_bucket.${destinationBucket}.arn}`,
          encryption_configuration: { replica_kms_key_id: keyArn(destination) },
          replication_time: { status: 'Enabled', time: { minutes: 15 } },
        },
      });
    });
    expect(replication.provider).toBe(region === 'us-east-1' ? 'aws' : `aws.${code}`);
    expect((replication.depends_on as string[]).length).toBe(3);
  });

  it('lets only S3 assume the replication role, which reaches only the state buckets and keys', () => {
    const role = Object.values(stack.resources('aws_iam_role'))[0];
    expect(statementsOf(role.assume_role_policy)).toEqual([{ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sts:AssumeRole' }]);
    const policy = statementsOf(Object.values(stack.resources('aws_iam_role_policy'))[0].policy);
    for (const statement of policy) {
      for (const resource of [statement.Resource].flat()) expect(resource).toMatch(/^\$\{aws_(s3_bucket|kms_key)\.store-(use1|usw2|use2)_/);
    }
  });

  it('reports each region\'s bucket and key as outputs', () => {
    expect(Object.keys(stack.json.output ?? {}).sort()).toEqual(
      ['state_bucket_use1', 'state_bucket_use2', 'state_bucket_usw2', 'state_kms_key_arn_use1', 'state_kms_key_arn_use2', 'state_kms_key_arn_usw2'],
    );
  });
});
