import { parseReference } from './references';
import type { StackIndex } from './terraform-json';
import { show } from './values';

/** Which forms of key identifier an argument accepts (from the AWS provider's documentation). */
export type KeyArgumentForm =
  /** Only a key ARN (RDS, ElastiCache, CloudWatch Logs, DynamoDB, Lambda). */
  | 'arn'
  /** A key ARN, key id or alias (Kinesis, SNS, SQS, Secrets Manager, S3). */
  | 'arn-id-or-alias';

const KEY_TYPES = ['aws_kms_key', 'aws_kms_replica_key'];
const KEY_ATTRIBUTES: Record<KeyArgumentForm, readonly string[]> = {
  arn: ['arn'],
  'arn-id-or-alias': ['arn', 'key_id', 'id'],
};
const ALIAS_ATTRIBUTES = ['arn', 'name', 'id'];
const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//;
const FIX = 'reference an aws_kms_key of this stack';

/**
 * Why the value of a key argument is not a customer-managed key of this stack, or undefined when it
 * is. A literal ARN is refused too: at synth an AWS-managed key's ARN looks like any other, so only a
 * reference to a key defined in the stack proves the key is customer-managed (and rotated, see
 * kms-key-rotation). Aliases are followed to their key where the argument accepts them.
 */
export function customerManagedKeyProblem(argument: string, value: unknown, stack: StackIndex, form: KeyArgumentForm): string | undefined {
  if (value === undefined || value === null || value === '') {
    return `${argument} is not set, so an AWS-owned or AWS-managed key would be used; ${FIX}`;
  }
  if (typeof value !== 'string') return `${argument} is ${show(value)}, not a key reference; ${FIX}`;
  if (AWS_MANAGED_ALIAS.test(value)) return `${argument} is ${show(value)}, an AWS-managed key; ${FIX}`;
  const reference = parseReference(value);
  if (!reference) {
    return `${argument} is ${show(value)}, which cannot be shown at synth to be a customer-managed key; ${FIX}`;
  }
  if (reference.mode === 'data') {
    return `${argument} reads an existing key through ${reference.address}, which cannot be shown at synth to be customer-managed; ${FIX}`;
  }
  if (KEY_TYPES.includes(reference.type)) {
    if (!KEY_ATTRIBUTES[form].includes(reference.attribute)) {
      return `${argument} uses ${reference.address}.${reference.attribute}, but it takes the key's ${KEY_ATTRIBUTES[form].join(' or ')}`;
    }
    return stack.resource(reference.type, reference.name) ? undefined : `${argument} references ${reference.address}, which is not in this stack; ${FIX}`;
  }
  if (reference.type === 'aws_kms_alias' && form === 'arn-id-or-alias' && ALIAS_ATTRIBUTES.includes(reference.attribute)) {
    return aliasProblem(argument, reference.name, reference.address, stack);
  }
  return `${argument} references ${reference.address}.${reference.attribute}, which is not a KMS key the argument accepts; ${FIX}`;
}

function aliasProblem(argument: string, aliasName: string, aliasAddress: string, stack: StackIndex): string | undefined {
  const alias = stack.resource('aws_kms_alias', aliasName);
  if (!alias) return `${argument} references ${aliasAddress}, which is not in this stack; ${FIX}`;
  const target = parseReference(alias.config.target_key_id);
  const targetsStackKey = target?.mode === 'resource' && KEY_TYPES.includes(target.type) && stack.resource(target.type, target.name) !== undefined;
  return targetsStackKey ? undefined : `${argument} uses ${aliasAddress}, whose target_key_id is not a key of this stack; ${FIX}`;
}
