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
  ],
  passing: [
    { title: 'egress to the VPC CIDR and to a referenced CIDR', change: (s) => add(s, 'aws_vpc_security_group_egress_rule.app_to_vpc', { description: 'VPC', security_group_id: '${aws_security_group.app.id}', cidr_ipv4: '${aws_vpc.main.cidr_block}', ip_protocol: 'tcp', from_port: 443, to_port: 443 }) },
    { title: 'the default security group with empty rule lists', change: (s) => patch(s, 'aws_default_security_group.main', { ingress: [], egress: [] }) },
  ],
};
