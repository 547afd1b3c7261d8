import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { NetworkAclRule } from '@cdktf/provider-aws/lib/network-acl-rule';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { loadTopology, regionByName } from '@xyz/topology';
import { Testing } from 'cdktf';
import { Network } from './network';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

describe('Network (us-west-2 of the production topology)', () => {
  const region = regionByName(loadTopology('production'), 'us-west-2');
  const synth = Testing.synthScope((scope) => {
    const kmsKey = new KmsKey(scope, 'key', {});
    new Network(scope, 'network', { region, kmsKey, tags: { Project: 'xyz' } });
  });
  const resources = JSON.parse(synth).resource as Resources;
  const all = (type: string) => Object.values(resources[type] ?? {});

  it('builds the VPC from the topology CIDR', () => {
    expect(synth).toHaveResourceWithProperties(Vpc, { cidr_block: '10.20.0.0/16', enable_dns_hostnames: true });
  });

  it('has a private subnet in every topology availability zone and never assigns public IPs', () => {
    const subnets = all(Subnet.tfResourceType);
    expect(subnets.map((s) => [s.availability_zone, s.cidr_block])).toEqual([
      ['us-west-2a', '10.20.0.0/20'],
      ['us-west-2b', '10.20.16.0/20'],
      ['us-west-2c', '10.20.32.0/20'],
    ]);
    expect(subnets.every((s) => s.map_public_ip_on_launch === false)).toBe(true);
  });

  it('has no internet gateway and no NAT: the data tier is private', () => {
    expect(resources.aws_internet_gateway).toBeUndefined();
    expect(resources.aws_nat_gateway).toBeUndefined();
    expect(resources.aws_eip).toBeUndefined();
  });

  it('admits MySQL to the database group only from the application group', () => {
    const ingress = all(VpcSecurityGroupIngressRule.tfResourceType);
    expect(ingress).toHaveLength(1);
    expect(ingress[0]).toMatchObject({ from_port: 3306, to_port: 3306, ip_protocol: 'tcp' });
    expect(String(ingress[0].referenced_security_group_id)).toContain('aws_security_group.network_security-groups_app');
    expect(ingress[0].cidr_ipv4).toBeUndefined();
  });

  it('opens nothing to 0.0.0.0/0 anywhere', () => {
    expect(synth).not.toContain('0.0.0.0/0');
    expect(synth).not.toContain('::/0');
  });

  it('locks the default security group down (no rules)', () => {
    const [closed] = all(DefaultSecurityGroup.tfResourceType);
    expect(closed.ingress).toBeUndefined();
    expect(closed.egress).toBeUndefined();
  });

  it('limits the private NACL to the VPC CIDR on MySQL, Redis and return ports', () => {
    const rules = all(NetworkAclRule.tfResourceType);
    expect(rules).toHaveLength(6);
    expect(new Set(rules.map((r) => r.cidr_block))).toEqual(new Set(['10.20.0.0/16']));
    expect(rules.map((r) => `${r.egress ? 'out' : 'in'}:${r.from_port}-${r.to_port}`).sort()).toEqual(
      ['in:1024-65535', 'in:3306-3306', 'in:6379-6379', 'out:1024-65535', 'out:3306-3306', 'out:6379-6379'].sort(),
    );
  });

  it('logs every flow to a CMK-encrypted log group', () => {
    expect(synth).toHaveResourceWithProperties(FlowLog, { traffic_type: 'ALL', log_destination_type: 'cloud-watch-logs' });
    const [logGroup] = all('aws_cloudwatch_log_group');
    expect(String(logGroup.kms_key_id)).toContain('aws_kms_key.key.arn');
  });
});
