import { add, addData, patch } from '../compliant-stack';
import type { AreaCases } from './rule-case';

const ROLE_POLICY = 'aws_iam_role_policy.processor';
const TOPIC_POLICY = 'aws_sns_topic_policy.alerts';
const KEY = 'aws_kms_key.data';

function policy(...statements: Record<string, unknown>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

const ACCOUNT_ROOT = { AWS: 'arn:aws:iam::111122223333:root' };

export const IAM_CASES: AreaCases = {
  area: 'IAM and resource policies',
  failing: [
    { rule: 'iam-no-admin-attachment', title: 'AdministratorAccess attached to a role', change: (s) => add(s, 'aws_iam_role_policy_attachment.admin', { role: '${aws_iam_role.processor.name}', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }), address: 'aws_iam_role_policy_attachment.admin', message: /^policy_arn attaches AdministratorAccess, which allows every action on every resource/ },
    { rule: 'iam-no-admin-attachment', title: 'IAMFullAccess in managed_policy_arns', change: (s) => patch(s, 'aws_iam_role.processor', { managed_policy_arns: ['arn:aws:iam::aws:policy/IAMFullAccess'] }), address: 'aws_iam_role.processor', message: /^managed_policy_arns attaches IAMFullAccess, which allows any IAM change/ },
    {
      rule: 'iam-no-admin-attachment',
      title: 'AdministratorAccess looked up by name',
      change: (s) => {
        addData(s, 'aws_iam_policy.admin', { name: 'AdministratorAccess' });
        add(s, 'aws_iam_user_policy_attachment.admin', { user: 'ops', policy_arn: '${data.aws_iam_policy.admin.arn}' });
      },
      address: 'aws_iam_user_policy_attachment.admin',
      message: /^policy_arn attaches AdministratorAccess/,
    },
    { rule: 'iam-no-wildcard-policy', title: 'a role policy allowing "*" on "*"', change: (s) => patch(s, ROLE_POLICY, { policy: policy({ Effect: 'Allow', Action: '*', Resource: '*' }) }), address: ROLE_POLICY, message: /^policy statement 1 allows every action on every resource \(administrator access\)/ },
    { rule: 'iam-no-wildcard-policy', title: 'NotAction on "*"', change: (s) => patch(s, ROLE_POLICY, { policy: policy({ Sid: 'AllButIam', Effect: 'Allow', NotAction: 'iam:*', Resource: ['*'] }) }), address: ROLE_POLICY, message: /^policy statement AllButIam allows every action/ },
    { rule: 'iam-no-wildcard-policy', title: 'an inline role policy allowing "*:*"', change: (s) => patch(s, 'aws_iam_role.processor', { inline_policy: [{ name: 'all', policy: policy({ Effect: 'Allow', Action: ['*:*'], Resource: '*' }) }] }), address: 'aws_iam_role.processor', message: /^inline_policy\[0\]\.policy statement 1 allows every action/ },
    {
      rule: 'iam-no-wildcard-policy',
      title: 'an aws_iam_policy_document allowing "*" on "*"',
      change: (s) => {
        addData(s, 'aws_iam_policy_document.everything', { statement: [{ actions: ['*'], resources: ['*'] }] });
        patch(s, ROLE_POLICY, { policy: '${data.aws_iam_policy_document.everything.json}' });
      },
      address: ROLE_POLICY,
      message: /^policy statement 1 allows every action on every resource/,
    },
    { rule: 'iam-no-wildcard-policy', title: 'a policy that is an expression', change: (s) => patch(s, ROLE_POLICY, { policy: '${jsonencode({Statement = []})}' }), address: ROLE_POLICY, message: /^policy is .*neither literal JSON nor an aws_iam_policy_document of this stack, so it cannot be checked at synth/ },
    { rule: 'resource-policy-not-public', title: 'a key policy letting anyone decrypt', change: (s) => patch(s, KEY, { policy: policy({ Effect: 'Allow', Principal: ACCOUNT_ROOT, Action: 'kms:*', Resource: '*' }, { Sid: 'AnyoneDecrypts', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*' }) }), address: KEY, message: /^policy statement AnyoneDecrypts allows every principal, in any AWS account, without a condition/ },
    { rule: 'resource-policy-not-public', title: 'a topic policy letting anyone publish', change: (s) => patch(s, TOPIC_POLICY, { policy: policy({ Sid: 'AnyonePublishes', Effect: 'Allow', Principal: '*', Action: 'sns:Publish', Resource: '${aws_sns_topic.alerts.arn}' }) }), address: TOPIC_POLICY, message: /^policy statement AnyonePublishes allows every principal/ },
    { rule: 'resource-policy-not-public', title: 'a trust policy that lets any account assume the role', change: (s) => patch(s, 'aws_iam_role.processor', { assume_role_policy: policy({ Effect: 'Allow', Principal: { AWS: ['*'] }, Action: 'sts:AssumeRole' }) }), address: 'aws_iam_role.processor', message: /^assume_role_policy statement 1 allows every principal/ },
    { rule: 'resource-policy-not-public', title: 'a NotPrincipal Allow on a queue', change: (s) => add(s, 'aws_sqs_queue_policy.dead_letters', { queue_url: '${aws_sqs_queue.dead_letters.url}', policy: policy({ Effect: 'Allow', NotPrincipal: ACCOUNT_ROOT, Action: 'sqs:SendMessage', Resource: '${aws_sqs_queue.dead_letters.arn}' }) }), address: 'aws_sqs_queue_policy.dead_letters', message: /^policy statement 1 allows every principal/ },
  ],
  passing: [
    { title: 'principal "*" limited to the organization', change: (s) => patch(s, TOPIC_POLICY, { policy: policy({ Effect: 'Allow', Principal: '*', Action: 'sns:Publish', Resource: '${aws_sns_topic.alerts.arn}', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }) }) },
    { title: 'a key with the default key policy', change: (s) => patch(s, KEY, { policy: undefined }) },
    { title: 'a service-wide action on one resource', change: (s) => patch(s, ROLE_POLICY, { policy: policy({ Effect: 'Allow', Action: 'dynamodb:*', Resource: '${aws_dynamodb_table.events.arn}' }) }) },
    { title: 'a policy from an aws_iam_policy_document with named actions', change: (s) => { addData(s, 'aws_iam_policy_document.put', { statement: [{ actions: ['dynamodb:PutItem'], resources: ['${aws_dynamodb_table.events.arn}'] }] }); patch(s, ROLE_POLICY, { policy: '${data.aws_iam_policy_document.put.json}' }); } },
  ],
};
