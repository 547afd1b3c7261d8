import { readFileSync } from 'node:fs';
import { topologyFile } from './load';
import { resolveTopology } from './resolve';
import { TopologyError } from './errors';
import type { TopologyDocument } from './schema';

const production = (): TopologyDocument => JSON.parse(readFileSync(topologyFile('production'), 'utf8'));

function expectRejected(mutate: (doc: TopologyDocument) => void, field: string, problem: RegExp): void {
  const doc = production();
  mutate(doc);
  let caught: unknown;
  try {
    resolveTopology(doc, 'test.json');
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(TopologyError);
  const error = caught as TopologyError;
  expect(error.field).toBe(field);
  expect(error.problem).toMatch(problem);
  expect(error.message).toBe(`test.json: ${field}: ${error.problem}`);
}

describe('resolveTopology on the production topology', () => {
  const topology = resolveTopology(production());

  it('makes us-east-1 the primary and the other two regions its replicas', () => {
    expect(topology.regions.map((r) => [r.stackName, r.region, r.role, r.sourceRegion])).toEqual([
      ['primary-east', 'us-east-1', 'primary', undefined],
      ['replica-west', 'us-west-2', 'replica', 'us-east-1'],
      ['replica-ohio', 'us-east-2', 'replica', 'us-east-1'],
    ]);
  });

  it('keeps the case study sizes and the 2-day backup policy', () => {
    expect(topology.database.instanceClass).toBe('db.t3.medium');
    expect(topology.database.backupRetentionDays).toBe(2);
    expect(topology.cache.nodeType).toBe('cache.t3.micro');
    expect(topology.stream).toMatchObject({ shardCount: 4, retentionHours: 24 });
  });

  it('carves one private subnet per availability zone out of each VPC', () => {
    const east = topology.regions[0];
    expect(east.privateSubnets).toEqual([
      { availabilityZone: 'us-east-1a', cidr: '10.10.0.0/20' },
      { availabilityZone: 'us-east-1b', cidr: '10.10.16.0/20' },
      { availabilityZone: 'us-east-1c', cidr: '10.10.32.0/20' },
    ]);
  });

  it('names resources by region, not by role, so a promotion keeps identifiers', () => {
    expect(topology.regions.map((r) => r.names.dbInstanceIdentifier)).toEqual([
      'xyz-prod-mysql-use1',
      'xyz-prod-mysql-usw2',
      'xyz-prod-mysql-use2',
    ]);
    expect(topology.regions.every((r) => r.names.cacheReplicationGroup.length <= 40)).toBe(true);
  });

  it('adds the standard tags to the topology tags', () => {
    expect(topology.tags).toMatchObject({ Project: 'xyz', Environment: 'production', ManagedBy: 'cdktf', Owner: 'platform-engineering' });
  });
});

describe('a regional failover is one changed value', () => {
  it('makes us-west-2 the primary and sources both other regions from it', () => {
    const doc = production();
    doc.primaryRegion = 'us-west-2';
    const topology = resolveTopology(doc);
    expect(topology.regions.map((r) => [r.stackName, r.role, r.sourceRegion])).toEqual([
      ['primary-east', 'replica', 'us-west-2'],
      ['replica-west', 'primary', undefined],
      ['replica-ohio', 'replica', 'us-west-2'],
    ]);
    expect(topology.regions[1].names.dbInstanceIdentifier).toBe('xyz-prod-mysql-usw2');
  });
});

describe('resolveTopology rejects an invalid topology with one message naming the field', () => {
  it('rejects a replica in the primary region', () => {
    expectRejected((d) => (d.replicaRegions = ['us-west-2', 'us-east-1']), 'replicaRegions[1]', /is the primary region/);
  });

  it('rejects the same region twice', () => {
    expectRejected((d) => (d.regions[2].region = 'us-west-2'), 'regions[2].region', /listed twice \(also regions\[1\]\)/);
  });

  it('rejects a backup retention of 0 while replicas exist', () => {
    expectRejected((d) => (d.database.backupRetentionDays = 0), 'database.backupRetentionDays', /at least 1 while read replicas exist/);
  });

  it('accepts a retention of 0 when there are no replicas', () => {
    const doc = production();
    doc.regions = doc.regions.slice(0, 1);
    doc.database.backupRetentionDays = 0;
    expect(resolveTopology(doc).regions).toHaveLength(1);
  });

  it('rejects overlapping VPC CIDRs', () => {
    expectRejected((d) => (d.regions[2].vpcCidr = '10.10.128.0/17'), 'regions[2].vpcCidr', /overlaps regions\[0\]\.vpcCidr 10\.10\.0\.0\/16/);
  });

  it('rejects a malformed VPC CIDR', () => {
    expectRejected((d) => (d.regions[1].vpcCidr = '10.20.0.1/16'), 'regions[1].vpcCidr', /not a canonical IPv4 CIDR/);
  });

  it('rejects an unknown region', () => {
    expectRejected((d) => (d.regions[1].region = 'us-west-9'), 'regions[1].region', /"us-west-9" is not a known AWS region/);
  });

  it('rejects an unknown primary region', () => {
    expectRejected((d) => (d.primaryRegion = 'mars-north-1'), 'primaryRegion', /not a known AWS region/);
  });

  it('rejects a primary region that has no region entry', () => {
    expectRejected((d) => (d.primaryRegion = 'eu-west-1'), 'primaryRegion', /has no entry in regions/);
  });

  it('rejects fewer than 2 availability zones', () => {
    expectRejected((d) => (d.regions[0].availabilityZones = ['us-east-1a']), 'regions[0].availabilityZones', /at least 2 availability zones/);
  });

  it('rejects an availability zone of another region', () => {
    expectRejected((d) => (d.regions[2].availabilityZones = ['us-east-2a', 'us-east-1b']), 'regions[2].availabilityZones[1]', /not an availability zone of us-east-2/);
  });

  it('rejects a second stack with the same name', () => {
    expectRejected((d) => (d.regions[2].stack = 'replica-west'), 'regions[2].stack', /already taken/);
  });

  it('rejects a region left out of an explicit replica list', () => {
    expectRejected((d) => (d.replicaRegions = ['us-west-2']), 'regions[2].region', /neither the primary region nor in replicaRegions/);
  });

  it('rejects a field of the wrong shape through the schema, naming its path', () => {
    expectRejected((d) => ((d.database as { instanceClass: string }).instanceClass = 't3.medium'), 'database.instanceClass', /RDS instance class/);
  });

  it('rejects a cache with a single node, which cannot be Multi-AZ', () => {
    expectRejected((d) => (d.cache.numCacheClusters = 1), 'cache.numCacheClusters', /at least 2 nodes/);
  });

  it('rejects a stream home region outside the platform', () => {
    expectRejected((d) => (d.stream.homeRegion = 'eu-west-1'), 'stream.homeRegion', /not one of the platform's regions/);
  });

  it('rejects an alert address that is not an e-mail address', () => {
    expectRejected((d) => (d.alertEmail = 'oncall'), 'alertEmail', /e-mail address/);
  });

  it('rejects unknown fields so typos do not pass silently', () => {
    expectRejected((d) => ((d as unknown as Record<string, unknown>)['primaryRegoin'] = 'us-east-1'), '(root)', /primaryRegoin/);
  });
});
