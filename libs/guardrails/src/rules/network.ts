import { pointsTo } from '../engine/references';
import { resourceRule } from '../engine/rule';
import type { Resource, StackIndex } from '../engine/terraform-json';
import { blocks, isNonEmptyString, stringList } from '../engine/values';

type Direction = 'ingress' | 'egress';

const GROUP_TYPES = ['aws_security_group', 'aws_default_security_group'];
const RULE_TYPES = ['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'];

/** A CIDR with prefix length 0 (0.0.0.0/0, ::/0) is the whole address space. References are not followed. */
function isWholeAddressSpace(cidr: string): boolean {
  return /^[0-9a-fA-F.:]+\/0$/.test(cidr.trim());
}

/** The literal CIDRs of one direction that a group or rule resource opens, with where they are written. */
function cidrsOf(resource: Resource, direction: Direction): Array<{ where: string; cidr: string }> {
  const { type, config } = resource;
  if (GROUP_TYPES.includes(type)) {
    return blocks(config[direction]).flatMap((rule, i) =>
      [...stringList(rule.cidr_blocks), ...stringList(rule.ipv6_cidr_blocks)].map((cidr) => ({ where: `${direction}[${i}]`, cidr })),
    );
  }
  if (type === 'aws_security_group_rule' && config.type === direction) {
    return [...stringList(config.cidr_blocks).map((cidr) => ({ where: 'cidr_blocks', cidr })), ...stringList(config.ipv6_cidr_blocks).map((cidr) => ({ where: 'ipv6_cidr_blocks', cidr }))];
  }
  if (type === `aws_vpc_security_group_${direction}_rule`) {
    return (['cidr_ipv4', 'cidr_ipv6'] as const).flatMap((argument) => stringList(config[argument]).map((cidr) => ({ where: argument, cidr })));
  }
  return [];
}

function noWholeInternet(direction: Direction) {
  const peer = direction === 'ingress' ? 'from' : 'to';
  return (resource: Resource) =>
    cidrsOf(resource, direction)
      .filter(({ cidr }) => isWholeAddressSpace(cidr))
      .map(({ where, cidr }) => `${where} allows ${direction} ${peer} ${cidr}; name the security group or the CIDR that needs it`);
}

export const securityGroupNoPublicIngress = resourceRule({
  id: 'sg-no-public-ingress',
  description: 'No security group or security group rule allows ingress from 0.0.0.0/0 or ::/0.',
  checkov: ['CKV_AWS_277', 'CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_260'],
  resourceTypes: [...GROUP_TYPES, ...RULE_TYPES],
  check: noWholeInternet('ingress'),
});

export const securityGroupNoPublicEgress = resourceRule({
  id: 'sg-no-public-egress',
  description: 'No security group or security group rule allows egress to 0.0.0.0/0 or ::/0.',
  checkov: ['CKV_AWS_382'],
  resourceTypes: [...GROUP_TYPES, ...RULE_TYPES],
  check: noWholeInternet('egress'),
});

export const securityGroupDescriptions = resourceRule({
  id: 'sg-descriptions',
  description: 'Every security group, inline rule and rule resource has a description, so a reviewer can tell what it is for.',
  checkov: ['CKV_AWS_23'],
  resourceTypes: ['aws_security_group', ...RULE_TYPES],
  check: ({ type, config }) => {
    const missing = isNonEmptyString(config.description) ? [] : ['description'];
    if (type === 'aws_security_group') {
      for (const direction of ['ingress', 'egress'] as const) {
        blocks(config[direction]).forEach((rule, i) => {
          if (!isNonEmptyString(rule.description)) missing.push(`${direction}[${i}].description`);
        });
      }
    }
    return missing.map((argument) => `${argument} is not set; say what it is for`);
  },
});

/** True when no resource of companionType names this VPC in its vpc_id. */
function hasNoCompanion(stack: StackIndex, vpc: Resource, companionType: string): boolean {
  return !stack.resources(companionType).some((companion) => pointsTo(companion.config.vpc_id, vpc, ['id']));
}

export const vpcDefaultSecurityGroupClosed = resourceRule({
  id: 'vpc-default-sg-closed',
  description: "Every VPC's default security group is managed by the stack (aws_default_security_group) and has no rules.",
  checkov: ['CKV2_AWS_12'],
  resourceTypes: ['aws_vpc', 'aws_default_security_group'],
  check: (resource, stack) => {
    if (resource.type === 'aws_vpc') {
      return [hasNoCompanion(stack, resource, 'aws_default_security_group') ? "the VPC's default security group keeps AWS's allow-all rules; add an aws_default_security_group without rules" : undefined];
    }
    return (['ingress', 'egress'] as const).map((direction) =>
      blocks(resource.config[direction]).length > 0 ? `${direction} has rules; the default security group must stay empty so nothing uses it by accident` : undefined,
    );
  },
});

export const vpcFlowLogs = resourceRule({
  id: 'vpc-flow-logs',
  description: 'Every VPC has a flow log.',
  checkov: ['CKV2_AWS_11'],
  resourceTypes: ['aws_vpc'],
  check: (vpc, stack) => [hasNoCompanion(stack, vpc, 'aws_flow_log') ? 'no aws_flow_log has vpc_id referencing this VPC; add one' : undefined],
});

export const NETWORK_RULES = [securityGroupNoPublicIngress, securityGroupNoPublicEgress, securityGroupDescriptions, vpcDefaultSecurityGroupClosed, vpcFlowLogs];
