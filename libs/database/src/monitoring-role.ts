import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';

export interface EnhancedMonitoringRoleProps {
  /** IAM is global: the name must be unique in the account, so it carries the region. */
  readonly name: string;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/** The role RDS enhanced monitoring assumes to publish OS metrics to CloudWatch Logs. */
export class EnhancedMonitoringRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: EnhancedMonitoringRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, 'role', {
      name: props.name,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'monitoring.rds.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
      tags: props.tags,
    });
    new IamRolePolicyAttachment(this, 'policy', {
      role: this.role.name,
      policyArn: 'arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole',
    });
  }
}
