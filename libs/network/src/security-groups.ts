import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { MYSQL_PORT } from './private-subnet-acl';

export interface DataTierSecurityGroupsProps {
  readonly vpcId: string;
  readonly appSecurityGroupName: string;
  readonly databaseSecurityGroupName: string;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * The application security group (what clients of the data tier run in) and the database
 * security group, which admits MySQL from the application group and nothing else. Rules are
 * separate resources, so no group carries the default allow-all egress.
 */
export class DataTierSecurityGroups extends Construct {
  readonly app: SecurityGroup;
  readonly database: SecurityGroup;

  constructor(scope: Construct, id: string, props: DataTierSecurityGroupsProps) {
    super(scope, id);
    this.app = new SecurityGroup(this, 'app', {
      name: props.appSecurityGroupName,
      description: 'Clients of the data tier (application hosts and functions)',
      vpcId: props.vpcId,
      revokeRulesOnDelete: true,
      tags: { ...props.tags, Name: props.appSecurityGroupName },
    });
    this.database = new SecurityGroup(this, 'database', {
      name: props.databaseSecurityGroupName,
      description: 'MySQL instances: reachable from the application group only',
      vpcId: props.vpcId,
      revokeRulesOnDelete: true,
      tags: { ...props.tags, Name: props.databaseSecurityGroupName },
    });
    new VpcSecurityGroupIngressRule(this, 'database-from-app', {
      securityGroupId: this.database.id,
      referencedSecurityGroupId: this.app.id,
      ipProtocol: 'tcp',
      fromPort: MYSQL_PORT,
      toPort: MYSQL_PORT,
      description: 'MySQL from the application security group',
    });
    new VpcSecurityGroupEgressRule(this, 'app-to-database', {
      securityGroupId: this.app.id,
      referencedSecurityGroupId: this.database.id,
      ipProtocol: 'tcp',
      fromPort: MYSQL_PORT,
      toPort: MYSQL_PORT,
      description: 'MySQL to the database security group',
    });
  }

  /** Lets the application group reach another data service (for example Redis) on one port. */
  allowAppEgressTo(id: string, securityGroupId: string, port: number, description: string): void {
    new VpcSecurityGroupEgressRule(this, id, {
      securityGroupId: this.app.id,
      referencedSecurityGroupId: securityGroupId,
      ipProtocol: 'tcp',
      fromPort: port,
      toPort: port,
      description,
    });
  }
}
