import { NetworkAcl } from '@cdktf/provider-aws/lib/network-acl';
import { NetworkAclAssociation } from '@cdktf/provider-aws/lib/network-acl-association';
import { NetworkAclRule } from '@cdktf/provider-aws/lib/network-acl-rule';
import { Construct } from 'constructs';

export const MYSQL_PORT = 3306;
export const REDIS_PORT = 6379;
const EPHEMERAL_PORTS = { from: 1024, to: 65535 } as const;

export interface PrivateSubnetAclProps {
  readonly vpcId: string;
  readonly vpcCidr: string;
  readonly subnetIds: string[];
  readonly name: string;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

interface AclRule {
  readonly egress: boolean;
  readonly ruleNumber: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Stateless second line behind the security groups: traffic may only come from and go to the
 * VPC itself, on the MySQL and Redis ports and the ephemeral return ports. Everything else hits
 * the NACL's implicit deny.
 */
export class PrivateSubnetAcl extends Construct {
  readonly acl: NetworkAcl;

  constructor(scope: Construct, id: string, props: PrivateSubnetAclProps) {
    super(scope, id);
    this.acl = new NetworkAcl(this, 'acl', { vpcId: props.vpcId, tags: { ...props.tags, Name: props.name } });
    const rules: AclRule[] = [
      { egress: false, ruleNumber: 100, from: MYSQL_PORT, to: MYSQL_PORT },
      { egress: false, ruleNumber: 110, from: REDIS_PORT, to: REDIS_PORT },
      { egress: false, ruleNumber: 120, from: EPHEMERAL_PORTS.from, to: EPHEMERAL_PORTS.to },
      { egress: true, ruleNumber: 100, from: MYSQL_PORT, to: MYSQL_PORT },
      { egress: true, ruleNumber: 110, from: REDIS_PORT, to: REDIS_PORT },
      { egress: true, ruleNumber: 120, from: EPHEMERAL_PORTS.from, to: EPHEMERAL_PORTS.to },
    ];
    for (const rule of rules) {
      new NetworkAclRule(this, `${rule.egress ? 'out' : 'in'}-${rule.ruleNumber}`, {
        networkAclId: this.acl.id,
        egress: rule.egress,
        ruleNumber: rule.ruleNumber,
        protocol: 'tcp',
        ruleAction: 'allow',
        cidrBlock: props.vpcCidr,
        fromPort: rule.from,
        toPort: rule.to,
      });
    }
    props.subnetIds.forEach((subnetId, i) => {
      new NetworkAclAssociation(this, `subnet-${i}`, { networkAclId: this.acl.id, subnetId });
    });
  }
}
