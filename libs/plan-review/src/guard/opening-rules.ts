import { leavesAt } from '../plan/attribute-paths';
import { allowsEveryone, allowsEverything, type Statement, statementName, statementsOf } from '../plan/policy-document';
import { field, text } from '../plan/values';

/**
 * Creates (and updates) that open the platform: what they open is judged, not that something is
 * created, so a first deploy of the platform's own private network passes. An update is blocked
 * only for what it opens beyond what was open before.
 */

export interface OpeningContext {
  /** The stack's plan creates an internet gateway, so a new route through an unknown gateway may use it. */
  readonly createsInternetGateway: boolean;
}

/** One resource's side of a change: its values and what Terraform learns only during the apply. */
export interface ResourceValues {
  readonly values: unknown;
  readonly unknown: unknown;
}

export interface OpeningRule {
  readonly id: string;
  /** What the rule blocks, for the README. */
  readonly label: string;
  /** What the opening makes possible, for the reviewer. */
  readonly consequence: string;
  readonly types: readonly string[];
  /** What these values open, one description each (the attribute and its value); empty when nothing. */
  readonly opens: (type: string, side: ResourceValues, context: OpeningContext) => string[];
}

const isWholeInternet = (cidr: unknown) => typeof cidr === 'string' && /^[0-9a-fA-F.:]+\/0$/.test(cidr.trim());

function ports(protocol: unknown, from: unknown, to: unknown): string {
  if (protocol === '-1' || protocol === 'all' || protocol === -1) return 'all traffic';
  const range = from === to ? String(from) : `${String(from)}-${String(to)}`;
  return `${String(protocol)} ${range}`;
}

/** `cidr_blocks = 0.0.0.0/0` style descriptions of every whole-internet CIDR at these attributes of one rule. */
function openCidrs(rule: unknown, attributes: readonly string[], where: string, traffic: string): string[] {
  return attributes.flatMap((attribute) => {
    const value = field(rule, attribute);
    const cidrs = Array.isArray(value) ? value : [value];
    return cidrs.filter(isWholeInternet).map((cidr) => `${where}${attribute} ${String(cidr)} (${traffic})`);
  });
}

function ingressFromInternet(type: string, { values }: ResourceValues): string[] {
  if (type === 'aws_security_group' || type === 'aws_default_security_group') {
    return leavesAt(values, 'ingress[*]').flatMap((leaf) =>
      openCidrs(leaf.value, ['cidr_blocks', 'ipv6_cidr_blocks'], `${leaf.path}.`, ports(field(leaf.value, 'protocol'), field(leaf.value, 'from_port'), field(leaf.value, 'to_port'))),
    );
  }
  if (type === 'aws_security_group_rule') {
    return text(values, 'type') === 'ingress' ? openCidrs(values, ['cidr_blocks', 'ipv6_cidr_blocks'], '', ports(field(values, 'protocol'), field(values, 'from_port'), field(values, 'to_port'))) : [];
  }
  if (type === 'aws_vpc_security_group_ingress_rule') {
    return openCidrs(values, ['cidr_ipv4', 'cidr_ipv6'], '', ports(field(values, 'ip_protocol'), field(values, 'from_port'), field(values, 'to_port')));
  }
  if (type === 'aws_network_acl_rule') {
    if (field(values, 'egress') === true || text(values, 'rule_action') !== 'allow') return [];
    return openCidrs(values, ['cidr_block', 'ipv6_cidr_block'], `rule ${String(field(values, 'rule_number'))}: `, ports(field(values, 'protocol'), field(values, 'from_port'), field(values, 'to_port')));
  }
  // aws_network_acl, aws_default_network_acl: inline ingress entries
  return leavesAt(values, 'ingress[action=allow]').flatMap((leaf) =>
    openCidrs(leaf.value, ['cidr_block', 'ipv6_cidr_block'], `${leaf.path}.`, ports(field(leaf.value, 'protocol'), field(leaf.value, 'from_port'), field(leaf.value, 'to_port'))),
  );
}

function routesToInternet(type: string, { values, unknown }: ResourceValues, context: OpeningContext): string[] {
  // Inline routes are a set: when one of its values is unknown, Terraform marks the whole set unknown.
  const routes = type === 'aws_route' ? [{ path: '', value: values, unknown }] : leavesAt(values, 'route[*]', unknown).map((leaf) => ({ ...leaf, unknown: leaf.unknown }));
  return routes.flatMap((route) => {
    const destination = text(route.value, 'destination_cidr_block') ?? text(route.value, 'destination_ipv6_cidr_block') ?? text(route.value, 'cidr_block') ?? text(route.value, 'ipv6_cidr_block') ?? 'a destination';
    const where = route.path ? `${route.path}: ` : '';
    const gateway = text(route.value, 'gateway_id');
    if (gateway?.startsWith('igw-')) return [`${where}route to ${destination} through internet gateway ${gateway}`];
    const gatewayUnknown = route.unknown === true || field(route.unknown, 'gateway_id') === true;
    if (!gatewayUnknown || !(isWholeInternet(destination) || context.createsInternetGateway)) return [];
    const which = context.createsInternetGateway ? 'the internet gateway this plan creates, or another gateway known only after apply' : 'a gateway known only after apply (an internet gateway or a VPN gateway)';
    return [`${where}route to ${destination} through ${which}`];
  });
}

/** AWS managed policies that amount to administering the account. */
const ADMIN_POLICIES: Readonly<Record<string, string>> = {
  AdministratorAccess: 'every action on every resource',
  PowerUserAccess: 'every action except managing IAM',
  IAMFullAccess: 'any IAM change, including granting itself administrator access',
};

function adminPolicyOf(arn: unknown): string | undefined {
  const match = typeof arn === 'string' ? /^arn:aws[a-z-]*:iam::aws:policy\/([A-Za-z]+)$/.exec(arn) : null;
  const name = match?.[1];
  return name && ADMIN_POLICIES[name] ? `${name} (${ADMIN_POLICIES[name]})` : undefined;
}

function adminAttachments(type: string, { values }: ResourceValues): string[] {
  const attribute = type === 'aws_iam_role' ? 'managed_policy_arns' : type === 'aws_iam_role_policy_attachments_exclusive' ? 'policy_arns' : 'policy_arn';
  const arns = field(values, attribute);
  return (Array.isArray(arns) ? arns : [arns]).flatMap((arn) => {
    const policy = adminPolicyOf(arn);
    return policy ? [`${attribute} ${String(arn)}: ${policy}`] : [];
  });
}

/** Where each type keeps a policy document of the kind a rule judges. */
const IDENTITY_POLICIES: Readonly<Record<string, string>> = {
  aws_iam_policy: 'policy',
  aws_iam_role_policy: 'policy',
  aws_iam_user_policy: 'policy',
  aws_iam_group_policy: 'policy',
  aws_iam_role: 'inline_policy[*].policy',
};

const RESOURCE_POLICIES: Readonly<Record<string, string>> = {
  aws_s3_bucket_policy: 'policy',
  aws_sns_topic: 'policy',
  aws_sns_topic_policy: 'policy',
  aws_sqs_queue: 'policy',
  aws_sqs_queue_policy: 'policy',
  aws_kms_key: 'policy',
  aws_kms_key_policy: 'policy',
  aws_secretsmanager_secret: 'policy',
  aws_secretsmanager_secret_policy: 'policy',
  aws_ecr_repository_policy: 'policy',
  aws_iam_role: 'assume_role_policy',
};

function statementsMatching(paths: Readonly<Record<string, string>>, matches: (statement: Statement) => boolean) {
  return (type: string, { values, unknown }: ResourceValues): string[] =>
    leavesAt(values, paths[type], unknown)
      .filter((leaf) => !leaf.unknown)
      .flatMap((leaf) => (statementsOf(leaf.value) ?? []).flatMap((statement, i) => (matches(statement) ? [`${leaf.path}: ${statementName(statement, i)}`] : [])));
}

function publicLambdaPermission(_type: string, { values }: ResourceValues): string[] {
  const scoped = ['source_arn', 'source_account', 'principal_org_id'].some((attribute) => text(values, attribute));
  return text(values, 'principal') === '*' && !scoped ? ['principal "*" without source_arn, source_account or principal_org_id'] : [];
}

const publicResourcePolicy = statementsMatching(RESOURCE_POLICIES, allowsEveryone);

export const OPENING_RULES: readonly OpeningRule[] = [
  {
    id: 'ingress-from-internet',
    label: 'ingress from 0.0.0.0/0 or ::/0: security group rules (both resource types), inline security group rules, network ACL rules and inline network ACL entries',
    consequence: 'what sits behind it is reachable from anywhere on the internet (this platform admits only its own VPC)',
    types: ['aws_security_group', 'aws_default_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_network_acl_rule', 'aws_network_acl', 'aws_default_network_acl'],
    opens: ingressFromInternet,
  },
  {
    id: 'internet-gateway',
    label: 'an internet gateway, or its attachment to a VPC',
    consequence: 'the VPC gets a way to and from the internet (this platform’s VPCs are private and have none)',
    types: ['aws_internet_gateway', 'aws_internet_gateway_attachment'],
    opens: (_type, { values }) => [`internet gateway${text(values, 'vpc_id') ? ` of ${text(values, 'vpc_id')}` : ''}`],
  },
  {
    id: 'route-to-internet-gateway',
    label: 'a route through an internet gateway (aws_route, inline routes), or a default route through a gateway known only after apply',
    consequence: 'traffic of the subnets using the route table can reach, and be reached from, the internet',
    types: ['aws_route', 'aws_route_table', 'aws_default_route_table'],
    opens: routesToInternet,
  },
  {
    id: 'admin-policy-attachment',
    label: `an attachment of ${Object.keys(ADMIN_POLICIES).join(', ')} (policy attachments, managed_policy_arns)`,
    consequence: 'whoever holds the role, user or group administers the account',
    types: ['aws_iam_role_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_policy_attachment', 'aws_iam_role', 'aws_iam_role_policy_attachments_exclusive'],
    opens: adminAttachments,
  },
  {
    id: 'policy-allows-everything',
    label: 'an identity policy that allows "*" actions (or NotAction) on "*" resources (or NotResource)',
    consequence: 'whoever holds it can do anything to everything: administrator access',
    types: Object.keys(IDENTITY_POLICIES),
    opens: statementsMatching(IDENTITY_POLICIES, allowsEverything),
  },
  {
    id: 'public-resource-policy',
    label: 'a resource policy (bucket, topic, queue, key, secret, repository, trust policy) or Lambda permission that allows principal "*" (or uses NotPrincipal) without a condition',
    consequence: 'anyone, in any AWS account, gets what the statement allows',
    types: [...Object.keys(RESOURCE_POLICIES), 'aws_lambda_permission'],
    opens: (type, side) => (type === 'aws_lambda_permission' ? publicLambdaPermission(type, side) : publicResourcePolicy(type, side)),
  },
];
