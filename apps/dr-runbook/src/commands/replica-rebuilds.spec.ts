import { loadTopology, regionByName } from '@xyz/topology';
import { toInstanceView } from '../aws/instance-view';
import { planReplicaRebuilds, type RebuildCandidate } from './replica-rebuilds';
import type { Probe } from './shared';

const topology = loadTopology('production');
const west = regionByName(topology, 'us-west-2');
const ohio = regionByName(topology, 'us-east-2');
const east = regionByName(topology, 'us-east-1');
const arn = (region: string, id: string) => `arn:aws:rds:${region}:${topology.accountId}:db:${id}`;
const source = { region: 'us-west-2', id: west.names.dbInstanceIdentifier, arn: arn('us-west-2', west.names.dbInstanceIdentifier) };
const startedAt = Date.parse('2025-03-01T03:00:00Z');

function found(region: string, id: string, sourceArn?: string): Probe {
  return {
    reachable: true,
    view: toInstanceView({ DBInstanceIdentifier: id, DBInstanceArn: arn(region, id), DBInstanceStatus: 'available', ReadReplicaSourceDBInstanceIdentifier: sourceArn, VpcSecurityGroups: [{ VpcSecurityGroupId: `sg-${region.replace(/-/g, '')}` }] }, region),
  };
}

const plan = (candidates: RebuildCandidate[], formerPrimaryRegion?: string) => planReplicaRebuilds({ source, candidates, formerPrimaryRegion, runStartedAt: startedAt, stepId: 'rebuild-replicas' });

describe('planReplicaRebuilds', () => {
  it('rebuilds a replica of the old source, keeping the old one aside under a name stamped with the run start', () => {
    const result = plan([{ region: ohio, probe: found('us-east-2', ohio.names.dbInstanceIdentifier, arn('us-east-1', east.names.dbInstanceIdentifier)) }]);
    expect(result.specs).toEqual([
      {
        region: 'us-east-2',
        id: 'xyz-prod-mysql-use2',
        staleId: 'xyz-prod-mysql-use2-stale-202503010300',
        sourceRegion: 'us-west-2',
        sourceId: 'xyz-prod-mysql-usw2',
        sourceArn: source.arn,
        placement: { securityGroupIds: ['sg-useast2'] },
      },
    ]);
    expect(result.checks).toEqual([{ ok: true, guards: ['rebuild-replicas'], text: 'xyz-prod-mysql-use2 (us-east-2) replicates from xyz-prod-mysql-use1 (us-east-1): it is rebuilt from xyz-prod-mysql-usw2; the current one is kept as xyz-prod-mysql-use2-stale-202503010300' }]);
  });

  it('keeps a replica that already replicates from the new source', () => {
    const result = plan([{ region: ohio, probe: found('us-east-2', ohio.names.dbInstanceIdentifier, source.arn) }]);
    expect(result.specs.map((spec) => spec.region)).toEqual(['us-east-2']);
    expect(result.checks[0]).toMatchObject({ ok: true, text: 'xyz-prod-mysql-use2 (us-east-2) already replicates from xyz-prod-mysql-usw2: it is kept' });
  });

  it('moves the former primary aside, and only that standalone instance', () => {
    const candidates = [
      { region: east, probe: found('us-east-1', east.names.dbInstanceIdentifier) },
      { region: ohio, probe: found('us-east-2', ohio.names.dbInstanceIdentifier) },
    ];
    const result = plan(candidates, 'us-east-1');
    expect(result.specs).toHaveLength(1);
    expect(result.specs[0]).toMatchObject({ region: 'us-east-1', replacesStandalone: true });
    expect(result.checks.map((check) => [check.ok, check.text])).toEqual([
      [true, 'xyz-prod-mysql-use1 (us-east-1) is the former primary: it is rebuilt from xyz-prod-mysql-usw2; the current one is kept as xyz-prod-mysql-use1-stale-202503010300'],
      [false, 'xyz-prod-mysql-use2 (us-east-2) is standalone, not a replica: refusing to replace a database that may take writes. Run `status`.'],
    ]);
    expect(plan(candidates).checks.map((check) => check.ok)).toEqual([false, false]);
  });

  it('leaves a region that did not answer to run time, and skips one with no instance', () => {
    const result = plan([
      { region: ohio, probe: { reachable: false, error: 'TimeoutError' } },
      { region: east, probe: { reachable: true } },
    ]);
    expect(result.specs.map((spec) => spec.region)).toEqual(['us-east-2']);
    expect(result.specs[0]).not.toHaveProperty('placement');
    expect(result.specs[0]).not.toHaveProperty('replacesStandalone');
    expect(result.checks).toEqual([]);
    expect(result.notes).toEqual([
      'us-east-2 could not be read (TimeoutError): its replica is rebuilt if it answers by then (unless it holds a standalone instance), else the run ends with a warning and --resume retries it',
      'xyz-prod-mysql-use1 does not exist in us-east-1: no replica is rebuilt there (its stack creates one)',
    ]);
  });
});
