import { describeCoverage, missingCoverage, type StatusReport } from '../src/status-coverage';

const fullRegion = (region: string, pipeline: boolean) => ({
  region,
  reachable: true,
  instance: { id: `db-${region}`, role: region === 'us-east-1' ? 'primary' : 'replica', status: 'available' },
  services: {
    cache: { name: `redis-${region}`, observed: { status: 'available', memberClusters: 2 } },
    alarms: { firing: [] },
    ...(pipeline
      ? {
          pipeline: {
            stream: { name: 'events', observed: { status: 'ACTIVE', openShards: 4 } },
            eventSourceMapping: { name: 'processor', observed: { state: 'Enabled' } },
            table: { name: 'events', observed: { status: 'ACTIVE' } },
          },
        }
      : {}),
  },
});

describe('status coverage', () => {
  it('accepts a report that checked every part of the platform, and describes it region by region', () => {
    const report: StatusReport = { health: 'healthy', regions: [fullRegion('us-east-1', true), fullRegion('us-west-2', false)] };
    expect(missingCoverage(report, ['us-east-1', 'us-west-2'], 'us-east-1')).toEqual([]);
    expect(describeCoverage(report)).toEqual([
      'us-east-1: db primary available, redis available (2 nodes), kinesis ACTIVE (4 shards), event source mapping Enabled, dynamodb ACTIVE, 0 alarm(s) in ALARM',
      'us-west-2: db replica available, redis available (2 nodes), 0 alarm(s) in ALARM',
    ]);
  });

  it('names what a report left out, and does not ask an unreachable region for anything', () => {
    const east = fullRegion('us-east-1', false);
    const west = { ...fullRegion('us-west-2', false), services: { alarms: { error: 'did not answer' } } };
    const report: StatusReport = { regions: [east, west, { region: 'us-east-2', reachable: false }] };
    expect(missingCoverage(report, ['us-east-1', 'us-west-2', 'us-east-2'], 'us-east-1')).toEqual(['us-east-1: Kinesis stream', 'us-east-1: event source mapping', 'us-east-1: DynamoDB table', 'us-west-2: Redis replication group']);
    expect(describeCoverage(report)[1]).toBe('us-west-2: db replica available, redis not checked, alarms cannot check');
    expect(describeCoverage(report)[2]).toBe('us-east-2: cannot check');
  });

  it('names every platform region a report leaves out, so an empty report is not a pass', () => {
    expect(missingCoverage({}, ['us-east-1', 'us-west-2'], 'us-east-1')).toEqual(['us-east-1: not reported', 'us-west-2: not reported']);
    expect(missingCoverage({ regions: [fullRegion('us-east-1', true)] }, ['us-east-1', 'us-east-2'], 'us-east-1')).toEqual(['us-east-2: not reported']);
  });
});
