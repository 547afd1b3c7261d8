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
   * @default settings.primary.multiAz (true)
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
    const { settings } = props;
    const role = settings.primary;
    const shared = createRegionalFoundation(this, props);
    this.credential = new MasterCredential(this, 'master', {
      secretName: props.masterSecretName,
      username: role.masterUsername,
      kmsKey: props.kmsKey,
      version: props.credentialVersion,
      tags: { ...settings.tags },
    });
    this.instance = new DbInstance(this, 'instance', {
      ...shared,
      engine: settings.engine.name,
      engineVersion: settings.engine.version,
      // Past the end of RDS standard support (2026-07-31 for MySQL 8.0 per AWS's calendar), whether the
      // engine keeps running under paid extended support or is upgraded is a decision the topology
      // states; replicas follow their source.
      engineLifecycleSupport: settings.engine.lifecycleSupport,
      allocatedStorage: settings.storage.allocatedGb,
      multiAz: props.multiAz ?? role.multiAz,
      username: role.masterUsername,
      passwordWo: this.credential.password,
      passwordWoVersion: this.credential.version,
      backupRetentionPeriod: role.backupRetentionDays,
      backupWindow: role.backupWindow,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: role.finalSnapshotIdentifier,
    });
  }
}
