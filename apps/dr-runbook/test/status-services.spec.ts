import { regionByName } from '@xyz/topology';
import { awsErrors, FOREIGN_ALARM } from '@xyz/dr-simulator';
import type { StatusReport } from '../src/commands/status';
import { Harness } from './support/harness';

const report = (stdout: string) => JSON.parse(stdout) as StatusReport;

describe('status: cache, device event pipeline and alarms', () => {
  let h: Harness;
  afterEach(() => h.cleanup());

  const names = () => h.topology.names;
  const cacheOf = (region: string) => regionByName(h.topology, region).names.cacheReplicationGroup;
  const home = () => h.topology.stream.homeRegion;

  it('shows every service beside the databases and exits 0 when all are as the topology says', async () => {
    h = new Harness();
    const result = await h.run(['status']);
    expect(result.code).toBe(0);
    const services = result.stdout.split('Services:\n')[1];
    expect(services.split('\n')[0]).toMatch(/^REGION\s+SERVICE\s+RESOURCE\s+STATE$/);
    h.topology.regions.forEach((region) => {
      expect(services).toMatch(new RegExp(`^${region.region}\\s+redis\\s+${cacheOf(region.region)}\\s+available; Multi-AZ enabled; automatic failover enabled; ${h.topology.cache.numCacheClusters} nodes$`, 'm'));
      expect(services).toMatch(new RegExp(`^${region.region}\\s+alarms\\s+${region.names.prefix}-\\*\\s+none in ALARM$`, 'm'));
    });
    expect(services).toMatch(new RegExp(`^${home()}\\s+kinesis\\s+${names().deviceEventStream}\\s+ACTIVE; ${h.topology.stream.shardCount} open shards; ${h.topology.stream.retentionHours} h retention$`, 'm'));
    expect(services).toMatch(new RegExp(`^${home()}\\s+lambda\\s+${names().streamProcessorFunction}\\s+mapping from ${names().deviceEventStream} Enabled$`, 'm'));
    expect(services).toMatch(new RegExp(`^${home()}\\s+dynamodb\\s+${names().deviceEventTable}\\s+ACTIVE; stream on$`, 'm'));
    expect(result.stdout).not.toContain(FOREIGN_ALARM);
    expect(result.stdout).toContain('Platform: HEALTHY');
    expect(h.sim.mutatingCalls()).toEqual([]);
  });

  it('--json adds the services of each region; the pipeline only where the stream lives', async () => {
    h = new Harness();
    const json = report((await h.run(['status', '--json'])).stdout);
    json.regions.forEach((region) => {
      expect(region.services.cache).toMatchObject({ name: cacheOf(region.region), observed: { status: 'available', multiAZ: 'enabled', automaticFailover: 'enabled' } });
      expect(region.services.alarms).toEqual({ prefix: `${regionByName(h.topology, region.region).names.prefix}-`, firing: [] });
      expect(region.services.pipeline !== undefined).toBe(region.region === home());
    });
    const pipeline = json.regions.find((region) => region.region === home())?.services.pipeline;
    expect(pipeline?.stream.observed).toMatchObject({ status: 'ACTIVE', openShards: h.topology.stream.shardCount, retentionHours: h.topology.stream.retentionHours });
    expect(pipeline?.eventSourceMapping.observed).toMatchObject({ state: 'Enabled' });
    expect(pipeline?.table.observed).toMatchObject({ status: 'ACTIVE', streamEnabled: true });
  });

  it.each([
    ['the replication group is missing', (x: Harness) => x.sim.services.remove('cacheGroups', 'us-west-2'), 'us-west-2', (x: Harness) => `the Redis replication group ${regionByName(x.topology, 'us-west-2').names.cacheReplicationGroup} does not exist`],
    ['the replication group is not available', (x: Harness) => x.sim.services.setCacheGroup('us-east-2', { status: 'incompatible-network' }), 'us-east-2', (x: Harness) => `Redis ${regionByName(x.topology, 'us-east-2').names.cacheReplicationGroup} is incompatible-network`],
    ['the replication group lost Multi-AZ', (x: Harness) => x.sim.services.setCacheGroup('us-east-1', { multiAZ: 'disabled' }), 'us-east-1', (x: Harness) => `Redis ${regionByName(x.topology, 'us-east-1').names.cacheReplicationGroup} is not Multi-AZ`],
    ['automatic failover is off', (x: Harness) => x.sim.services.setCacheGroup('us-east-1', { automaticFailover: 'disabled' }), 'us-east-1', () => 'has automatic failover disabled'],
    ['the stream is missing', (x: Harness) => x.sim.services.remove('streams', x.topology.stream.homeRegion), 'home', (x: Harness) => `the Kinesis stream ${x.topology.names.deviceEventStream} does not exist`],
    ['the stream has fewer shards', (x: Harness) => x.sim.services.setStream(x.topology.stream.homeRegion, { openShards: 2 }), 'home', (x: Harness) => `has 2 open shard(s); the topology says ${x.topology.stream.shardCount}`],
    ['the stream keeps records longer', (x: Harness) => x.sim.services.setStream(x.topology.stream.homeRegion, { retentionHours: 48 }), 'home', (x: Harness) => `keeps records 48 h; the topology says ${x.topology.stream.retentionHours} h`],
    ['the event source mapping is missing', (x: Harness) => x.sim.services.remove('eventSourceMappings', x.topology.stream.homeRegion), 'home', (x: Harness) => `no event source mapping from Kinesis ${x.topology.names.deviceEventStream} to Lambda ${x.topology.names.streamProcessorFunction}`],
    ['the event source mapping is disabled', (x: Harness) => x.sim.services.setEventSourceMapping(x.topology.stream.homeRegion, { state: 'Disabled' }), 'home', () => 'is Disabled, not Enabled'],
    ['the mapping reads another stream', (x: Harness) => x.sim.services.setEventSourceMapping(x.topology.stream.homeRegion, { streamName: 'some-other-stream' }), 'home', () => 'no event source mapping from Kinesis'],
    ['the table is missing', (x: Harness) => x.sim.services.remove('tables', x.topology.stream.homeRegion), 'home', (x: Harness) => `the DynamoDB table ${x.topology.names.deviceEventTable} does not exist`],
    ["the table's stream is off", (x: Harness) => x.sim.services.setTable(x.topology.stream.homeRegion, { streamEnabled: false }), 'home', (x: Harness) => `DynamoDB ${x.topology.names.deviceEventTable} has its stream off`],
  ])('%s: an error naming it, exit 3', async (_case, breakIt, where, message) => {
    h = new Harness();
    breakIt(h);
    const result = await h.run(['status']);
    expect(result.code).toBe(3);
    const region = where === 'home' ? home() : where;
    const errors = result.stdout.split('\n').filter((line) => line.startsWith(`  ✖ ${region}: `));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message(h));
    expect(result.stdout).toContain('Platform: UNHEALTHY (1 error(s))');
  });

  it('lists each of the platform\'s alarms in ALARM as an error, and only the platform\'s', async () => {
    h = new Harness();
    const lagAlarm = `${regionByName(h.topology, 'us-west-2').names.dbInstanceIdentifier}-replica-lag-high`;
    const cacheAlarm = `${cacheOf('us-east-1')}-001-memory-high`;
    await h.clock.advance(60_000);
    h.sim.services.setAlarm('us-west-2', lagAlarm, 'ALARM', 'Threshold Crossed: 5 datapoints were greater than or equal to the threshold (60.0).');
    h.sim.services.setAlarm('us-east-1', cacheAlarm, 'ALARM', 'Threshold Crossed: 5 datapoints were greater than or equal to the threshold (80.0).');
    const result = await h.run(['status']);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(`✖ us-west-2: alarm ${lagAlarm} is in ALARM since 2025-03-01T03:01:00.000Z: Threshold Crossed: 5 datapoints were greater than or equal to the threshold (60.0).`);
    expect(result.stdout).toContain(`✖ us-east-1: alarm ${cacheAlarm} is in ALARM since 2025-03-01T03:01:00.000Z`);
    expect(result.stdout).toMatch(/^us-west-2\s+alarms\s+\S+\s+1 in ALARM$/m);
    expect(result.stdout).not.toContain(FOREIGN_ALARM);
    const json = report((await h.run(['status', '--json'])).stdout);
    expect(json.regions.find((region) => region.region === 'us-west-2')?.services.alarms.firing?.map((alarm) => alarm.name)).toEqual([lagAlarm]);
    expect(json.findings.filter((finding) => finding.severity === 'error')).toHaveLength(2);
  });

  it.each([
    ['DescribeReplicationGroups', 'us-east-2', 'the Redis replication group', 'elasticache'],
    ['DescribeStreamSummary', 'home', 'the Kinesis stream', 'kinesis'],
    ['ListEventSourceMappings', 'home', 'the event source mapping of', 'lambda'],
    ['DescribeTable', 'home', 'the DynamoDB table', 'dynamodb'],
    ['DescribeAlarms', 'us-west-2', 'the CloudWatch alarms', 'cloudwatch'],
  ])('%s refused: "cannot check" with the reason, exit 7, not unhealthy', async (operation, where, what, service) => {
    h = new Harness();
    const region = where === 'home' ? home() : where;
    h.sim.injectFault({ operation, region, count: 10, error: () => awsErrors.rds('AccessDenied', `not authorized to perform: ${service}:${operation}`, 403) });
    const result = await h.run(['status']);
    expect(result.code).toBe(7);
    expect(result.stdout).toContain(`? ${region}: cannot check ${what}`);
    expect(result.stdout).toContain(`access denied (${service}:${operation}: AccessDenied: not authorized to perform: ${service}:${operation})`);
    expect(result.stdout).not.toContain('✖');
    expect(result.stdout).toContain(`Platform: CANNOT CHECK ${region}; no problem in what could be checked`);
  });

  it('a service that does not answer is retried briefly, then "cannot check"', async () => {
    h = new Harness();
    h.sim.injectFault({ operation: 'DescribeStreamSummary', region: home(), count: 10, error: () => awsErrors.rds('ServiceUnavailable', 'try later', 503) });
    const result = await h.run(['status', '--json']);
    expect(result.code).toBe(7);
    const pipeline = report(result.stdout).regions.find((region) => region.region === home())?.services.pipeline;
    expect(pipeline?.stream).toEqual({ name: h.topology.names.deviceEventStream, error: 'did not answer (kinesis:DescribeStreamSummary, 3 attempts: ServiceUnavailable: try later)' });
    expect(h.sim.calls.filter((call) => call.operation === 'DescribeStreamSummary')).toHaveLength(3);
  });

  it('a region that is down is one "cannot check", not one per service', async () => {
    h = new Harness({ regionsDown: ['us-west-2'] });
    const result = await h.run(['status']);
    expect(result.code).toBe(7);
    expect(result.stdout.match(/^ {2}\? us-west-2: /gm)).toHaveLength(1);
    expect(result.stdout).toMatch(/^us-west-2\s+redis\s+\S+\s+cannot check$/m);
    expect(result.stdout).toMatch(/^us-west-2\s+alarms\s+\S+\s+cannot check$/m);
  });
});
