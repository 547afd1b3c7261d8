import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { Construct } from 'constructs';
import { createRegionalFoundation, type RegionalDatabaseProps } from './regional-foundation';

export interface CrossRegionReplicaProps extends RegionalDatabaseProps {
  /** ARN of the source instance. A cross-region replica must name its source by ARN. */
  readonly sourceDbInstanceArn: string;
  /**
   * Multi-AZ standby for the replica itself. The runbook turns it on after a promotion.
   * @default settings.replica.multiAz (false)
   */
  readonly multiAz?: boolean;
}

/**
 * A read replica of the primary in another region, encrypted with this region's key and using
 * this region's parameter group, subnet group and monitoring. Backups stay off until promotion
 * (RDS creates replicas that way); the topology's retention applies once it is the primary.
 */
export class CrossRegionReplica extends Construct {
  readonly instance: DbInstance;

  constructor(scope: Construct, id: string, props: CrossRegionReplicaProps) {
    super(scope, id);
    const role = props.settings.replica;
    const shared = createRegionalFoundation(this, props);
    this.instance = new DbInstance(this, 'instance', {
      ...shared,
      replicateSourceDb: props.sourceDbInstanceArn,
      multiAz: props.multiAz ?? role.multiAz,
      backupRetentionPeriod: role.backupRetentionDays,
      // RDS cannot take a final snapshot of a read replica.
      skipFinalSnapshot: true,
    });
  }
}
