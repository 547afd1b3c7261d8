import { add, patch, remove } from '../compliant-stack';
import type { AreaCases } from './rule-case';

const DATABASE_GROUP = 'aws_security_group.database';
const EGRESS_RULE = 'aws_vpc_security_group_egress_rule.app_to_database';
const INGRESS_RULE = 'aws_vpc_security_group_ingress_rule.database_from_app';
const LEGACY_RULE = 'aws_security_group_rule.cache_from_app';

export const NETWORK_CASES: AreaCases = {
  area: 'Network',
  failing: [
    { rule: 'sg-no-public-ingress', title: 'inline ingress from the internet', change: (s) => patch(s, DATABASE_GROUP, { ingress: [{ description: 'MySQL', from_port: 3306, to_port: 3306, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }] }), address: DATABASE_GROUP, message: /^ingress\[0\] allows ingress from 0\.0\.0\.0\/0/ },
    { rule: 'sg-no-public-ingress', title: 'inline ingress from all of IPv6', change: (s) => patch(s, DATABASE_GROUP, { ingress: [{ description: 'MySQL', from_port: 3306, to_port: 3306, protocol: 'tcp', ipv6_cidr_blocks: ['::/0'] }] }), address: DATABASE_GROUP, message: /allows ingress from ::\/0/ },
    { rule: 'sg-no-public-ingress', title: 'an ingress rule resource from the internet', change: (s) => patch(s, INGRESS_RULE, { referenced_security_group_id: undefined, cidr_ipv4: '0.0.0.0/0' }), address: INGRESS_RULE, message: /^cidr_ipv4 allows ingress from 0\.0\.0\.0\/0/ },
    { rule: 'sg-no-public-ingress', title: 'a legacy rule resource from the internet', change: (s) => patch(s, LEGACY_RULE, { source_security_group_id: undefined, cidr_blocks: ['0.0.0.0/0'] }), address: LEGACY_RULE, message: /^cidr_blocks allows ingress from 0\.0\.0\.0\/0/ },
    { rule: 'sg-no-public-egress', title: 'an egress rule resource to the internet', change: (s) => patch(s, EGRESS_RULE, { cidr_ipv4: '0.0.0.0/0' }), address: EGRESS_RULE, message: /^cidr_ipv4 allows egress to 0\.0\.0\.0\/0/ },
    { rule: 'sg-no-public-egress', title: 'the classic allow-all inline egress', change: (s) => patch(s, 'aws_security_group.app', { egress: [{ description: 'all', from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: ['::/0'] }] }), address: 'aws_security_group.app', message: /^egress\[0\] allows egress to (0\.0\.0\.0|::)\/0/ },
    { rule: 'sg-no-public-egress', title: 'a legacy egress rule to all of IPv6', change: (s) => add(s, 'aws_security_group_rule.app_out', { type: 'egress', description: 'out', security_group_id: '${aws_security_group.app.id}', from_port: 443, to_port: 443, protocol: 'tcp', ipv6_cidr_blocks: ['::/0'] }), address: 'aws_security_group_rule.app_out', message: /^ipv6_cidr_blocks allows egress to ::\/0/ },
    { rule: 'sg-descriptions', title: 'a group without a description', change: (s) => patch(s, 'aws_security_group.cache', { description: undefined }), address: 'aws_security_group.cache', message: /^description is not set; say what it is for$/ },
    { rule: 'sg-descriptions', title: 'an inline rule without a description', change: (s) => patch(s, DATABASE_GROUP, { ingress: [{ from_port: 3306, to_port: 3306, protocol: 'tcp', cidr_blocks: ['10.10.0.0/16'] }] }), address: DATABASE_GROUP, message: /^ingress\[0\]\.description is not set/ },
    { rule: 'sg-descriptions', title: 'a rule resource with an empty description', change: (s) => patch(s, EGRESS_RULE, { description: ' ' }), address: EGRESS_RULE, message: /^description is not set/ },
    { rule: 'vpc-default-sg-closed', title: 'the default security group not managed', change: (s) => remove(s, 'aws_default_security_group.main'), address: 'aws_vpc.main', message: /default security group keeps AWS's allow-all rules/ },
    { rule: 'vpc-default-sg-closed', title: 'the default security group with a rule', change: (s) => patch(s, 'aws_default_security_group.main', { ingress: [{ self: true, from_port: 0, to_port: 0, protocol: '-1' }] }), address: 'aws_default_security_group.main', message: /^ingress has rules; the default security group must stay empty/ },
    { rule: 'vpc-flow-logs', title: 'no flow log', change: (s) => remove(s, 'aws_flow_log.main'), address: 'aws_vpc.main', message: /^no aws_flow_log has vpc_id referencing this VPC/ },
    { rule: 'vpc-flow-logs', title: 'a flow log of another VPC', change: (s) => patch(s, 'aws_flow_log.main', { vpc_id: '${aws_vpc.other.id}' }), address: 'aws_vpc.main', message: /^no aws_flow_log has vpc_id referencing this VPC/ },
    { rule: 'nacl-no-public-ingress', title: 'a NACL rule allowing everything from the internet', change: (s) => add(s, 'aws_network_acl_rule.all_in', { network_acl_id: '${aws_network_acl.private.id}', rule_number: 90, egress: false, protocol: '-1', rule_action: 'allow', cidr_block: '0.0.0.0/0', from_port: 0, to_port: 0 }), address: 'aws_network_acl_rule.all_in', message: /^allows ingress from 0\.0\.0\.0\/0 on all ports and protocols/ },
    { rule: 'nacl-no-public-ingress', title: 'a NACL rule allowing SSH from all of IPv6', change: (s) => add(s, 'aws_network_acl_rule.ssh_in', { network_acl_id: '${aws_network_acl.private.id}', rule_number: 91, protocol: 'tcp', rule_action: 'allow', ipv6_cidr_block: '::/0', from_port: 22, to_port: 22 }), address: 'aws_network_acl_rule.ssh_in', message: /^allows ingress from ::\/0 on tcp port 22/ },
    { rule: 'nacl-no-public-ingress', title: 'an inline NACL entry allowing the internet', change: (s) => patch(s, 'aws_network_acl.private', { ingress: [{ rule_no: 100, action: 'allow', protocol: 'tcp', cidr_block: '0.0.0.0/0', from_port: 1024, to_port: 65535 }] }), address: 'aws_network_acl.private', message: /^ingress\[0\] allows ingress from 0\.0\.0\.0\/0 on tcp ports 1024-65535/ },
    {
      rule: 'vpc-no-internet-gateway-route',
      title: 'an internet gateway with a default route',
      change: (s) => {
        add(s, 'aws_internet_gateway.main', { vpc_id: '${aws_vpc.main.id}' });
        add(s, 'aws_route.default', { route_table_id: '${aws_route_table.private.id}', destination_cidr_block: '0.0.0.0/0', gateway_id: '${aws_internet_gateway.main.id}' });
      },
      address: 'aws_route.default',
      message: /^routes 0\.0\.0\.0\/0 to the internet gateway \$\{aws_internet_gateway\.main\.id\}/,
    },
    { rule: 'vpc-no-internet-gateway-route', title: 'an inline IPv6 default route to a literal gateway', change: (s) => patch(s, 'aws_route_table.private', { route: [{ ipv6_cidr_block: '::/0', gateway_id: 'igw-0abc' }] }), address: 'aws_route_table.private', message: /^route\[0\] routes ::\/0 to the internet gateway igw-0abc/ },
  ],
  passing: [
    { title: 'egress to the VPC CIDR and to a referenced CIDR', change: (s) => add(s, 'aws_vpc_security_group_egress_rule.app_to_vpc', { description: 'VPC', security_group_id: '${aws_security_group.app.id}', cidr_ipv4: '${aws_vpc.main.cidr_block}', ip_protocol: 'tcp', from_port: 443, to_port: 443 }) },
    { title: 'the default security group with empty rule lists', change: (s) => patch(s, 'aws_default_security_group.main', { ingress: [], egress: [] }) },
    { title: 'a NACL rule from the VPC on all ports, and a deny from the internet', change: (s) => { add(s, 'aws_network_acl_rule.vpc_all', { network_acl_id: '${aws_network_acl.private.id}', rule_number: 200, protocol: '-1', rule_action: 'allow', cidr_block: '10.10.0.0/16', from_port: 0, to_port: 0 }); add(s, 'aws_network_acl_rule.deny_all', { network_acl_id: '${aws_network_acl.private.id}', rule_number: 300, protocol: '-1', rule_action: 'deny', cidr_block: '0.0.0.0/0', from_port: 0, to_port: 0 }); } },
    { title: 'egress to the internet in a NACL (stateless return traffic), and a default route to a VPC endpoint', change: (s) => { add(s, 'aws_network_acl_rule.out_all', { network_acl_id: '${aws_network_acl.private.id}', rule_number: 100, egress: true, protocol: 'tcp', rule_action: 'allow', cidr_block: '0.0.0.0/0', from_port: 443, to_port: 443 }); add(s, 'aws_route.endpoint', { route_table_id: '${aws_route_table.private.id}', destination_cidr_block: '0.0.0.0/0', vpc_endpoint_id: '${aws_vpc_endpoint.gwlb.id}' }); } },
  ],
};
