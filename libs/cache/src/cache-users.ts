import { ElasticacheUser } from '@cdktf/provider-aws/lib/elasticache-user';
import { ElasticacheUserGroup } from '@cdktf/provider-aws/lib/elasticache-user-group';
import { Construct } from 'constructs';

export interface CacheUsersProps {
  /** Prefix of the user and user group ids; the replication group id keeps them unique per region. */
  readonly idPrefix: string;
  /** Redis ACL rules of the application user. */
  readonly applicationAccessString: string;
  readonly tags?: Record<string, string>;
}

/**
 * Role-based access control without a password anywhere. ElastiCache requires every user group to
 * contain a user named "default"; here it is switched off, so an unauthenticated connection can do
 * nothing. Applications authenticate as an IAM-enabled user with a short-lived SigV4 token, so no
 * token or password exists in code, in the Terraform state, or in a secret.
 */
export class CacheUsers extends Construct {
  readonly disabledDefaultUser: ElasticacheUser;
  readonly applicationUser: ElasticacheUser;
  /** Id and name of the application user (they are equal), known at synth. */
  readonly applicationUserId: string;
  readonly userGroup: ElasticacheUserGroup;

  constructor(scope: Construct, id: string, props: CacheUsersProps) {
    super(scope, id);
    this.disabledDefaultUser = new ElasticacheUser(this, 'default-user', {
      userId: `${props.idPrefix}-default`,
      userName: 'default',
      engine: 'redis',
      accessString: 'off -@all',
      authenticationMode: { type: 'no-password-required' },
      tags: props.tags,
    });
    // IAM authentication requires the user name to equal the user id.
    this.applicationUserId = `${props.idPrefix}-app`;
    this.applicationUser = new ElasticacheUser(this, 'application-user', {
      userId: this.applicationUserId,
      userName: this.applicationUserId,
      engine: 'redis',
      accessString: props.applicationAccessString,
      authenticationMode: { type: 'iam' },
      tags: props.tags,
    });
    this.userGroup = new ElasticacheUserGroup(this, 'user-group', {
      userGroupId: props.idPrefix,
      engine: 'redis',
      userIds: [this.disabledDefaultUser.userId, this.applicationUser.userId],
      tags: props.tags,
    });
  }
}
