import { customerManagedKeyProblem } from '../engine/customer-managed-key';
import { isEveryone, literalStatements } from '../engine/policy-documents';
import { pointsTo } from '../engine/references';
import { resourceRule } from '../engine/rule';
import type { Resource, StackIndex } from '../engine/terraform-json';
import { block, blocks, isTrue, show, stringList } from '../engine/values';

const BUCKET = ['aws_s3_bucket'];

/** The stack's resources of a type whose `bucket` argument names this bucket (by reference or by name). */
function companionsOf(stack: StackIndex, bucket: Resource, type: string): Resource[] {
  return stack.resources(type).filter((companion) => pointsTo(companion.config.bucket, bucket, ['id', 'bucket'], 'bucket'));
}

export const s3Versioning = resourceRule({
  id: 's3-versioning',
  description: 'S3 buckets are versioned.',
  checkov: ['CKV_AWS_21'],
  resourceTypes: BUCKET,
  check: (bucket, stack) => {
    if (isTrue(block(bucket.config.versioning)?.enabled)) return [];
    const configurations = companionsOf(stack, bucket, 'aws_s3_bucket_versioning');
    if (configurations.some((companion) => block(companion.config.versioning_configuration)?.status === 'Enabled')) return [];
    if (configurations.length === 0) return ['no aws_s3_bucket_versioning enables versioning on this bucket; add one with status "Enabled"'];
    return configurations.map((companion) => `${companion.address} sets status ${show(block(companion.config.versioning_configuration)?.status)}; set "Enabled"`);
  },
});

const KMS_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];

export const s3EncryptedWithCmk = resourceRule({
  id: 's3-sse-kms-cmk',
  description: 'S3 buckets encrypt new objects by default with SSE-KMS and a customer-managed KMS key of the stack.',
  checkov: ['CKV_AWS_145'],
  resourceTypes: BUCKET,
  check: (bucket, stack) => {
    const inline = block(bucket.config.server_side_encryption_configuration);
    const sources = [
      ...(inline ? [{ where: 'server_side_encryption_configuration', config: inline }] : []),
      ...companionsOf(stack, bucket, 'aws_s3_bucket_server_side_encryption_configuration').map((companion) => ({ where: companion.address, config: companion.config })),
    ];
    if (sources.length === 0) return ['no aws_s3_bucket_server_side_encryption_configuration sets a default encryption for this bucket; add one with aws:kms and a key of this stack'];
    return sources.flatMap(({ where, config }) => {
      const defaults = blocks(config.rule).map((rule) => block(rule.apply_server_side_encryption_by_default));
      if (defaults.length === 0 || defaults.some((entry) => entry === undefined)) return [`${where} has a rule without apply_server_side_encryption_by_default`];
      return defaults.flatMap((entry) => {
        if (!KMS_ALGORITHMS.includes(String(entry?.sse_algorithm))) return [`${where} uses sse_algorithm ${show(entry?.sse_algorithm)}; use "aws:kms" with a key of this stack`];
        const problem = customerManagedKeyProblem('kms_master_key_id', entry?.kms_master_key_id, stack, 'arn-id-or-alias');
        return problem ? [`${where}: ${problem}`] : [];
      });
    });
  },
});

const PUBLIC_ACCESS_SETTINGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

export const s3PublicAccessBlock = resourceRule({
  id: 's3-public-access-block',
  description: 'S3 buckets have a public access block with all four settings on.',
  checkov: ['CKV2_AWS_6', 'CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56'],
  resourceTypes: BUCKET,
  check: (bucket, stack) => {
    const blocksOfBucket = companionsOf(stack, bucket, 'aws_s3_bucket_public_access_block');
    if (blocksOfBucket.length === 0) return ['no aws_s3_bucket_public_access_block covers this bucket; add one with all four settings true'];
    return blocksOfBucket.flatMap((companion) =>
      PUBLIC_ACCESS_SETTINGS.filter((setting) => !isTrue(companion.config[setting])).map((setting) => `${companion.address} sets ${setting} to ${show(companion.config[setting])}; set it to true`),
    );
  },
});

interface PolicyStatement {
  readonly Effect?: unknown;
  readonly Principal?: unknown;
  readonly Action?: unknown;
  readonly Resource?: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

const PARTITIONS = ['aws', 'aws-us-gov', 'aws-cn'];

/** The ARNs that name this bucket in a policy: its arn attribute, and its literal name when it has one. */
function bucketArns(bucket: Resource): string[] {
  const arns = [`\${${bucket.address}.arn}`];
  const name = bucket.config.bucket;
  if (typeof name === 'string' && !name.includes('${')) arns.push(...PARTITIONS.map((partition) => `arn:${partition}:s3:::${name}`));
  return arns;
}

function deniesInsecureTransport(statement: PolicyStatement, bucket: Resource): boolean {
  const actions = stringList(statement.Action);
  const resources = stringList(statement.Resource);
  const secureTransport = statement.Condition?.Bool?.['aws:SecureTransport'];
  const arns = bucketArns(bucket);
  return (
    statement.Effect === 'Deny' &&
    isEveryone(statement.Principal) &&
    (actions.includes('s3:*') || actions.includes('*')) &&
    arns.some((arn) => resources.includes(arn)) &&
    arns.some((arn) => resources.includes(`${arn}/*`)) &&
    [false, 'false'].some((value) => secureTransport === value || (Array.isArray(secureTransport) && secureTransport.includes(value)))
  );
}

export const s3TlsOnly = resourceRule({
  id: 's3-tls-only',
  description: 'S3 bucket policies deny every request made without TLS (Deny s3:* on the bucket and its objects when aws:SecureTransport is false).',
  resourceTypes: BUCKET,
  check: (bucket, stack) => {
    const policies = companionsOf(stack, bucket, 'aws_s3_bucket_policy');
    if (policies.length === 0) return ['no aws_s3_bucket_policy denies requests without TLS; add one'];
    return policies.map((policy) => {
      const statements = literalStatements(policy.config.policy) as PolicyStatement[] | undefined;
      if (!statements) return `${policy.address} has a policy that is not literal JSON (${show(policy.config.policy)}), so TLS-only cannot be checked at synth; write it as JSON`;
      return statements.some((statement) => deniesInsecureTransport(statement, bucket))
        ? undefined
        : `${policy.address} has no statement denying s3:* on the bucket and its objects to every principal when aws:SecureTransport is false`;
    });
  },
});

export const S3_BUCKET_RULES = [s3Versioning, s3EncryptedWithCmk, s3PublicAccessBlock, s3TlsOnly];
