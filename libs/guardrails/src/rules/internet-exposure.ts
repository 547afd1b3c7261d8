import { referencesResource } from '../engine/references';
import { resourceRule } from '../engine/rule';
import type { ResourceConfig } from '../engine/terraform-json';
import { blocks, isTrue } from '../engine/values';

/** A literal CIDR with prefix length 0 (0.0.0.0/0, ::/0). References are not followed. */
function isWholeAddressSpace(cidr: unknown): cidr is string {
  return typeof cidr === 'string' && /^[0-9a-fA-F.:]+\/0$/.test(cidr.trim());
}

function portsOf(entry: ResourceConfig): string {
  const protocol = String(entry.protocol ?? '');
  if (protocol === '-1' || protocol === 'all') return 'on all ports and protocols';
  return entry.from_port === entry.to_port ? `on ${protocol} port ${String(entry.from_port)}` : `on ${protocol} ports ${String(entry.from_port)}-${String(entry.to_port)}`;
}

function openIngress(entry: ResourceConfig, where: string): string[] {
  return [entry.cidr_block, entry.ipv6_cidr_block]
    .filter(isWholeAddressSpace)
    .map((cidr) => `${where}allows ingress from ${cidr} ${portsOf(entry)}; allow only the VPC's CIDR or the networks that need it`);
}

export const naclNoPublicIngress = resourceRule({
  id: 'nacl-no-public-ingress',
  description: 'No network ACL rule or inline network ACL entry allows ingress from 0.0.0.0/0 or ::/0.',
  checkov: ['CKV_AWS_352', 'CKV_AWS_229', 'CKV_AWS_230', 'CKV_AWS_231', 'CKV_AWS_232'],
  resourceTypes: ['aws_network_acl_rule', 'aws_network_acl', 'aws_default_network_acl'],
  check: ({ type, config }) => {
    if (type === 'aws_network_acl_rule') return isTrue(config.egress) || config.rule_action !== 'allow' ? [] : openIngress(config, '');
    return blocks(config.ingress).flatMap((entry, i) => (entry.action === 'allow' ? openIngress(entry, `ingress[${i}] `) : []));
  },
});

/** Whether a route's gateway is an internet gateway: a reference to one, or a literal igw- id. */
function isInternetGateway(gateway: unknown): boolean {
  return referencesResource(gateway, 'aws_internet_gateway', ['id']) !== undefined || (typeof gateway === 'string' && gateway.startsWith('igw-'));
}

function defaultRouteToInternet(route: ResourceConfig, destinations: readonly string[], where: string): string[] {
  if (!isInternetGateway(route.gateway_id)) return [];
  return destinations
    .map((argument) => route[argument])
    .filter(isWholeAddressSpace)
    .map((cidr) => `${where}routes ${cidr} to the internet gateway ${String(route.gateway_id)}: the subnets of the route table reach, and are reachable from, the internet; this platform's subnets stay private`);
}

export const vpcNoInternetGatewayRoute = resourceRule({
  id: 'vpc-no-internet-gateway-route',
  description: 'No route (aws_route or an inline route) sends 0.0.0.0/0 or ::/0 to an internet gateway.',
  checkov: ['CKV2_AWS_35'],
  resourceTypes: ['aws_route', 'aws_route_table', 'aws_default_route_table'],
  check: ({ type, config }) =>
    type === 'aws_route'
      ? defaultRouteToInternet(config, ['destination_cidr_block', 'destination_ipv6_cidr_block'], '')
      : blocks(config.route).flatMap((route, i) => defaultRouteToInternet(route, ['cidr_block', 'ipv6_cidr_block'], `route[${i}] `)),
});

export const INTERNET_EXPOSURE_RULES = [naclNoPublicIngress, vpcNoInternetGatewayRoute];
