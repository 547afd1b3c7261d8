import { readFileSync } from 'node:fs';
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { resolveTopology, topologyFile } from '@xyz/topology';
import { mockClient } from 'aws-sdk-client-mock';
import { EmulatorClients } from '../src/emulator-clients';
import { type ExceptionContext, MOTO_EXCEPTIONS } from '../src/exceptions';
import type { RegionGate } from '../src/region-gate';

describe('rds-replica-lag-metric', () => {
  const cloudWatch = mockClient(CloudWatchClient);
  afterEach(() => cloudWatch.reset());
  const topology = resolveTopology(JSON.parse(readFileSync(topologyFile('production'), 'utf8')));
  const exception = MOTO_EXCEPTIONS.find((entry) => entry.id === 'rds-replica-lag-metric')!;

  it('publishes ReplicaLag 0 for the database of every region that is up, every 15 s while the runbook runs, and stops', async () => {
    jest.useFakeTimers();
    try {
      cloudWatch.on(PutMetricDataCommand).resolves({});
      const gate = { isDown: (region: string) => region === 'us-east-1' } as unknown as RegionGate;
      const context: ExceptionContext = { topology, clients: new EmulatorClients('http://127.0.0.1:1'), gate, replicationBacklog: new Set() };
      const stop = exception.duringRunbook!(context);
      await jest.advanceTimersByTimeAsync(15_000);
      expect(stop()).toEqual(['2 round(s) of ReplicaLag 0 s']);
      const published = cloudWatch.commandCalls(PutMetricDataCommand).map((call) => call.args[0].input);
      expect(published.map((input) => input.MetricData?.[0].Dimensions?.[0].Value)).toEqual(['xyz-prod-mysql-usw2', 'xyz-prod-mysql-use2', 'xyz-prod-mysql-usw2', 'xyz-prod-mysql-use2']);
      expect(published[0]).toMatchObject({ Namespace: 'AWS/RDS', MetricData: [{ MetricName: 'ReplicaLag', Value: 0, Unit: 'Seconds' }] });
      // Stopped: no further rounds.
      await jest.advanceTimersByTimeAsync(60_000);
      expect(cloudWatch.commandCalls(PutMetricDataCommand)).toHaveLength(4);
    } finally {
      jest.useRealTimers();
    }
  });

  it('says when publishing failed', async () => {
    cloudWatch.on(PutMetricDataCommand).rejects(new Error('connection refused'));
    const gate = { isDown: () => false } as unknown as RegionGate;
    const stop = exception.duringRunbook!({ topology, clients: new EmulatorClients('http://127.0.0.1:1'), gate, replicationBacklog: new Set() });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(() => stop()).toThrow(/publishing ReplicaLag failed: connection refused/);
  });
});
