import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { Construct } from 'constructs';
import { MasterCredential } from './master-credential';
import { createRegionalFoundation, type RegionalDatabaseProps } from './regional-foundation';

export interface PrimaryDatabaseProps extends RegionalDatabaseProps {
  /** Secrets Manager name of the master credential. */
  readonly masterSecretName: string;
  /**
   * Bump to rotate the master password.
   * @default 1
   */
  readonly credentialVersion?: number;
  /**
   * Multi-AZ standby in a second availability zone.
   * @default true
   */
  readonly multiAz?: boolean;
}

/**
 * The writable MySQL 8.0 instance: Multi-AZ, encrypted with the region's key, backed up for the
 * topology's retention, protected from deletion, TLS-only, IAM authentication on, with
 * Performance Insights and enhanced monitoring.
 */
export class PrimaryDatabase extends Construct {
  readonly instance: DbInstance;
  readonly credential: MasterCredential;

  constructor(scope: Construct, id: string, props: PrimaryDatabaseProps) {
    super(scope, id);
    const { settings, names } = props;
    const shared = createRegionalFoundation(this, props);
    this.credential = new MasterCredential(this, 'master', {
      secretName: props.masterSecretName,
      username: settings.masterUsername,
      kmsKey: props.kmsKey,
      version: props.credentialVersion,
      tags: props.tags,
    });
    this.instance = new DbInstance(this, 'instance', {
      ...shared,
      engine: 'mysql',
      engineVersion: settings.engineVersion,
      // Past the end of RDS standard support (2026-07-31 for MySQL 8.0 per AWS's calendar), whether the
      // engine keeps running under paid extended support or is upgraded is a decision the topology
      // states; replicas follow their source.
      engineLifecycleSupport: settings.engineLifecycleSupport,
      allocatedStorage: settings.allocatedStorageGb,
      multiAz: props.multiAz ?? true,
      username: settings.masterUsername,
      passwordWo: this.credential.password,
      passwordWoVersion: this.credential.version,
      backupRetentionPeriod: settings.backupRetentionDays,
      backupWindow: settings.backupWindow,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: `${names.dbInstanceIdentifier}-final`,
    });
  }
}
