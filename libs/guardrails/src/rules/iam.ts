import { readPolicy } from '../engine/policy-documents';
import { parseReference } from '../engine/references';
import { resourceRule } from '../engine/rule';
import type { Resource, StackIndex } from '../engine/terraform-json';
import { blocks, stringList } from '../engine/values';

/** AWS managed policies that amount to administering the account, and what each allows. */
const ADMIN_POLICIES: Readonly<Record<string, string>> = {
  AdministratorAccess: 'every action on every resource',
  PowerUserAccess: 'every action except managing IAM',
  IAMFullAccess: 'any IAM change, including granting itself administrator access',
};

const MANAGED_POLICY_ARN = /^arn:aws[a-z-]*:iam::aws:policy\/(?:.*\/)?([A-Za-z]+)$/;

/** The admin policy an ARN names: a literal ARN, or a data.aws_iam_policy of the stack looked up by a literal ARN or name. */
function adminPolicyNamed(value: unknown, stack: StackIndex): string | undefined {
  const reference = parseReference(value);
  if (reference?.mode === 'data' && reference.type === 'aws_iam_policy') {
    const lookup = stack.dataSource(reference.type, reference.name)?.config;
    const name = typeof lookup?.name === 'string' ? lookup.name : undefined;
    return name && ADMIN_POLICIES[name] ? name : adminPolicyNamed(lookup?.arn, stack);
  }
  const name = typeof value === 'string' ? MANAGED_POLICY_ARN.exec(value)?.[1] : undefined;
  return name && ADMIN_POLICIES[name] ? name : undefined;
}

const ATTACHMENT_TYPES = ['aws_iam_role_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_policy_attachment'];

export const iamNoAdminAttachment = resourceRule({
  id: 'iam-no-admin-attachment',
  description: `No role, user or group gets ${Object.keys(ADMIN_POLICIES).join(', ')} (policy attachments and managed_policy_arns).`,
  checkov: ['CKV_AWS_274'],
  resourceTypes: [...ATTACHMENT_TYPES, 'aws_iam_role'],
  check: ({ type, config }, stack) => {
    const argument = type === 'aws_iam_role' ? 'managed_policy_arns' : 'policy_arn';
    const values = type === 'aws_iam_role' ? stringList(config.managed_policy_arns) : [config.policy_arn];
    return values.map((value) => {
      const policy = adminPolicyNamed(value, stack);
      return policy ? `${argument} attaches ${policy}, which allows ${ADMIN_POLICIES[policy]}; grant the actions the role needs on its own resources` : undefined;
    });
  },
});

/** The policy documents of an identity-based policy resource: `policy`, or the inline policies of a role. */
function identityPolicies(resource: Resource): Array<{ argument: string; value: unknown }> {
  if (resource.type === 'aws_iam_role') return blocks(resource.config.inline_policy).map((inline, i) => ({ argument: `inline_policy[${i}].policy`, value: inline.policy }));
  return [{ argument: 'policy', value: resource.config.policy }];
}

const ALL_ACTIONS = ['*', '*:*'];

export const iamNoWildcardPolicy = resourceRule({
  id: 'iam-no-wildcard-policy',
  description: 'No identity policy allows "*" actions (or NotAction) on "*" resources (or NotResource): administrator access.',
  checkov: ['CKV_AWS_62', 'CKV_AWS_1'],
  resourceTypes: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role'],
  check: (resource, stack) =>
    identityPolicies(resource).flatMap(({ argument, value }) => {
      const reading = readPolicy(argument, value, stack);
      if ('problem' in reading) return [reading.problem];
      return reading.statements
        .filter((statement) => statement.effect === 'Allow' && (statement.actions.some((action) => ALL_ACTIONS.includes(action)) || statement.notActions) && (statement.resources.includes('*') || statement.notResources))
        .map((statement) => `${argument} ${statement.name} allows every action on every resource (administrator access); name the actions and the resources it needs`);
    }),
});

export const IAM_RULES = [iamNoAdminAttachment, iamNoWildcardPolicy];
