import { ElasticacheSubnetGroup } from '@cdktf/provider-aws/lib/elasticache-subnet-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { REDIS_PORT } from './redis-engine';

export interface CacheNetworkProps {
  readonly vpcId: string;
  readonly subnetIds: string[];
  readonly clientSecurityGroupIds: string[];
  readonly securityGroupName: string;
  readonly subnetGroupName: string;
  readonly tags?: Record<string, string>;
}

const MIN_SUBNETS = 2;

/**
 * Where the cache lives and who may reach it: a subnet group of the given private subnets and a
 * security group that admits the client security groups on the Redis port and nothing else.
 * The security group has no egress rule (the provider removes AWS's default allow-all egress);
 * Redis never opens connections of its own.
 */
export class CacheNetwork extends Construct {
  readonly securityGroup: SecurityGroup;
  readonly subnetGroup: ElasticacheSubnetGroup;
  readonly ingressRules: VpcSecurityGroupIngressRule[];

  constructor(scope: Construct, id: string, props: CacheNetworkProps) {
    super(scope, id);
    checkInputs(props);
    this.subnetGroup = new ElasticacheSubnetGroup(this, 'subnet-group', {
      name: props.subnetGroupName,
      description: `Private subnets of ${props.subnetGroupName}`,
      subnetIds: props.subnetIds,
      tags: props.tags,
    });
    this.securityGroup = new SecurityGroup(this, 'security-group', {
      name: props.securityGroupName,
      description: `Redis ${REDIS_PORT} from the application security group only`,
      vpcId: props.vpcId,
      tags: { ...props.tags, Name: props.securityGroupName },
    });
    this.ingressRules = props.clientSecurityGroupIds.map(
      (clientGroupId, i) =>
        new VpcSecurityGroupIngressRule(this, `client-${i}`, {
          securityGroupId: this.securityGroup.id,
          referencedSecurityGroupId: clientGroupId,
          ipProtocol: 'tcp',
          fromPort: REDIS_PORT,
          toPort: REDIS_PORT,
          description: 'Redis from an application client',
          tags: props.tags,
        }),
    );
  }
}

function checkInputs(props: CacheNetworkProps): void {
  if (Token.isUnresolved(props.subnetIds) || Token.isUnresolved(props.clientSecurityGroupIds)) {
    throw new Error('RegionalCache: subnetIds and clientSecurityGroupIds must be lists whose length is known at synth (their elements may be tokens)');
  }
  if (props.subnetIds.length < MIN_SUBNETS) {
    throw new Error(`RegionalCache: subnetIds needs at least ${MIN_SUBNETS} private subnets in different zones for Multi-AZ, got ${props.subnetIds.length}`);
  }
  if (props.clientSecurityGroupIds.length === 0) {
    throw new Error('RegionalCache: clientSecurityGroupIds is empty, so no application could reach the cache');
  }
}
