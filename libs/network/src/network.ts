import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import type { RegionTopology } from '@xyz/topology';
import { Construct } from 'constructs';
import { PrivateSubnetAcl } from './private-subnet-acl';
import { DataTierSecurityGroups } from './security-groups';

export interface NetworkProps {
  /** The region's topology: VPC CIDR, availability zones, subnet plan and names. */
  readonly region: RegionTopology;
  /** Encrypts the VPC flow log group. */
  readonly kmsKey: KmsKey;
  /**
   * Days to keep VPC flow logs.
   * @default 90
   */
  readonly flowLogRetentionDays?: number;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * A private-only VPC for the data tier: no internet gateway, one private subnet per availability
 * zone, a NACL that only lets the data ports in from inside the VPC, the database and application
 * security groups, and flow logs of every packet.
 */
export class Network extends Construct {
  readonly vpc: Vpc;
  readonly privateSubnets: Subnet[];
  readonly privateRouteTable: RouteTable;
  readonly securityGroups: DataTierSecurityGroups;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const { region } = props;
    const tags = props.tags ?? {};

    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: region.vpcCidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { ...tags, Name: region.names.vpc },
    });

    // The default security group is locked down so nothing lands in it by accident.
    new DefaultSecurityGroup(this, 'default-sg', { vpcId: this.vpc.id, tags: { ...tags, Name: `${region.names.vpc}-default-closed` } });

    this.privateRouteTable = new RouteTable(this, 'private-routes', {
      vpcId: this.vpc.id,
      tags: { ...tags, Name: `${region.names.vpc}-private` },
    });

    this.privateSubnets = region.privateSubnets.map((plan) => {
      const subnet = new Subnet(this, `private-${plan.availabilityZone}`, {
        vpcId: this.vpc.id,
        cidrBlock: plan.cidr,
        availabilityZone: plan.availabilityZone,
        mapPublicIpOnLaunch: false,
        tags: { ...tags, Name: `${region.names.vpc}-private-${plan.availabilityZone}`, Tier: 'private' },
      });
      new RouteTableAssociation(this, `private-${plan.availabilityZone}-routes`, {
        subnetId: subnet.id,
        routeTableId: this.privateRouteTable.id,
      });
      return subnet;
    });

    new PrivateSubnetAcl(this, 'private-acl', {
      vpcId: this.vpc.id,
      vpcCidr: region.vpcCidr,
      subnetIds: this.privateSubnets.map((subnet) => subnet.id),
      name: `${region.names.vpc}-private`,
      tags,
    });

    this.securityGroups = new DataTierSecurityGroups(this, 'security-groups', {
      vpcId: this.vpc.id,
      appSecurityGroupName: region.names.appSecurityGroup,
      databaseSecurityGroupName: region.names.dbSecurityGroup,
      tags,
    });

    this.addFlowLogs(region, props.kmsKey, props.flowLogRetentionDays ?? 90, tags);
  }

  get privateSubnetIds(): string[] {
    return this.privateSubnets.map((subnet) => subnet.id);
  }

  private addFlowLogs(region: RegionTopology, kmsKey: KmsKey, retentionDays: number, tags: Record<string, string>): void {
    const logGroup = new CloudwatchLogGroup(this, 'flow-log-group', {
      name: `/vpc/${region.names.vpc}/flow-logs`,
      retentionInDays: retentionDays,
      kmsKeyId: kmsKey.arn,
      tags,
    });
    const role = new IamRole(this, 'flow-log-role', {
      name: `${region.names.vpc}-flow-logs`,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
      tags,
    });
    new IamRolePolicy(this, 'flow-log-policy', {
      role: role.id,
      name: 'write-flow-logs',
      policy: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents","logs:DescribeLogStreams"],"Resource":"${logGroup.arn}:*"}]}`,
    });
    new FlowLog(this, 'flow-log', {
      vpcId: this.vpc.id,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: logGroup.arn,
      iamRoleArn: role.arn,
      tags,
    });
  }
}
