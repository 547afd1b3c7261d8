import { readPolicy } from '../engine/policy-documents';
import { resourceRule } from '../engine/rule';

/** Where each type keeps a resource-based policy: who else may use the resource. */
const POLICY_ARGUMENTS: Readonly<Record<string, string>> = {
  aws_kms_key: 'policy',
  aws_kms_key_policy: 'policy',
  aws_sns_topic: 'policy',
  aws_sns_topic_policy: 'policy',
  aws_sqs_queue: 'policy',
  aws_sqs_queue_policy: 'policy',
  aws_s3_bucket_policy: 'policy',
  aws_secretsmanager_secret_policy: 'policy',
  aws_iam_role: 'assume_role_policy',
};

export const resourcePolicyNotPublic = resourceRule({
  id: 'resource-policy-not-public',
  description: 'No resource policy (key, topic, queue, bucket, secret, role trust) allows principal "*" (or uses NotPrincipal) without a condition.',
  checkov: ['CKV_AWS_33', 'CKV_AWS_169', 'CKV_AWS_168', 'CKV_AWS_70'],
  resourceTypes: Object.keys(POLICY_ARGUMENTS),
  check: ({ type, config }, stack) => {
    const argument = POLICY_ARGUMENTS[type];
    // No policy: AWS applies the default, which trusts this account only.
    if (config[argument] === undefined || config[argument] === null) return [];
    const reading = readPolicy(argument, config[argument], stack);
    if ('problem' in reading) return [reading.problem];
    return reading.statements
      .filter((statement) => statement.effect === 'Allow' && statement.everyone && !statement.hasCondition)
      .map((statement) => `${argument} ${statement.name} allows every principal, in any AWS account, without a condition; name the principals or add a condition (aws:SourceAccount, aws:PrincipalOrgID)`);
  },
});
