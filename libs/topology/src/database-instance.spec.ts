import { readFileSync } from 'node:fs';
import { allDatabaseTags, databaseInstanceSettings } from './database-instance';
import { TopologyError } from './errors';
import { loadTopology, topologyFile } from './load';
import { resolveTopology } from './resolve';

const topology = loadTopology('production');

describe('databaseInstanceSettings', () => {
  it("names the region's own key, groups and role, so a replica is wired to its region", () => {
    const settings = databaseInstanceSettings(topology, 'us-west-2');
    expect(settings).toMatchObject({
      region: 'us-west-2',
      stackName: 'replica-west',
      identifier: 'xyz-prod-mysql-usw2',
      parameterGroupName: 'xyz-prod-mysql80-usw2',
      subnetGroupName: 'xyz-prod-db-usw2',
      securityGroupName: 'xyz-prod-db-usw2',
      storage: { type: 'gp3', encrypted: true, kmsKeyAlias: 'alias/xyz-prod-data-usw2' },
      performanceInsights: { enabled: true, kmsKeyAlias: 'alias/xyz-prod-data-usw2' },
      enhancedMonitoring: { roleName: 'xyz-prod-rds-monitoring-usw2', roleArn: 'arn:aws:iam::111122223333:role/xyz-prod-rds-monitoring-usw2' },
    });
  });

  it('takes sizes, windows and retention from the topology', () => {
    const settings = databaseInstanceSettings(topology, 'us-east-1');
    const db = topology.database;
    expect(settings.instanceClass).toBe(db.instanceClass);
    expect(settings.storage).toMatchObject({ allocatedGb: db.allocatedStorageGb, maxAllocatedGb: db.maxAllocatedStorageGb });
    expect(settings.enhancedMonitoring.intervalSeconds).toBe(db.monitoringIntervalSeconds);
    expect(settings.performanceInsights.retentionDays).toBe(db.performanceInsightsRetentionDays);
    expect(settings.primary).toEqual({ multiAz: true, masterUsername: db.masterUsername, backupRetentionDays: db.backupRetentionDays, backupWindow: db.backupWindow, finalSnapshotIdentifier: 'xyz-prod-mysql-use1-final' });
    expect(settings.replica).toEqual({ multiAz: false, backupRetentionDays: 0 });
  });

  it('does not depend on the role: after a failover the same region is described the same way', () => {
    const doc = JSON.parse(readFileSync(topologyFile('production'), 'utf8'));
    const failedOver = resolveTopology({ ...doc, primaryRegion: 'us-west-2' });
    expect(databaseInstanceSettings(failedOver, 'us-west-2')).toEqual(databaseInstanceSettings(topology, 'us-west-2'));
  });

  it('carries the provider default tags beside its own, with its own winning', () => {
    const settings = databaseInstanceSettings(topology, 'us-east-2');
    expect(settings.tags).toEqual({ Stack: 'replica-ohio' });
    expect(settings.inheritedTags).toEqual({ ...topology.tags, Region: 'us-east-2' });
    expect(allDatabaseTags(settings)).toEqual({ ...topology.tags, Region: 'us-east-2', Stack: 'replica-ohio' });
  });

  it('refuses a region outside the platform', () => {
    expect(() => databaseInstanceSettings(topology, 'eu-west-1')).toThrow(TopologyError);
  });
});
