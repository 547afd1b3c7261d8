import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { Clock } from '../core/clock';
import type { AwsClients } from './clients';
import type { AwsGateway, CallOptions } from './gateway';

export interface LagSample {
  readonly seconds: number;
  /** Epoch ms of the datapoint (CloudWatch publishes ReplicaLag once a minute). */
  readonly at: number;
}

const LOOKBACK_MS = 10 * 60_000;

/** The latest CloudWatch `ReplicaLag` datapoint of a replica, or undefined when there is none. */
export class ReplicaLagReader {
  constructor(
    private readonly gateway: AwsGateway,
    private readonly clients: AwsClients,
    private readonly clock: Clock,
  ) {}

  async latest(region: string, id: string, options?: CallOptions): Promise<LagSample | undefined> {
    const end = this.clock.now();
    const out = await this.gateway.call(
      'cloudwatch',
      region,
      'GetMetricData',
      (abortSignal) =>
        this.clients.cloudWatch(region).send(
          new GetMetricDataCommand({
            StartTime: new Date(end - LOOKBACK_MS),
            EndTime: new Date(end),
            ScanBy: 'TimestampDescending',
            MetricDataQueries: [
              {
                Id: 'lag',
                MetricStat: {
                  Metric: { Namespace: 'AWS/RDS', MetricName: 'ReplicaLag', Dimensions: [{ Name: 'DBInstanceIdentifier', Value: id }] },
                  Period: 60,
                  Stat: 'Maximum',
                },
              },
            ],
          }),
          { abortSignal },
        ),
      options,
    );
    const result = out.MetricDataResults?.find((entry) => entry.Id === 'lag');
    const samples = (result?.Timestamps ?? []).map((timestamp, i) => ({ at: timestamp.getTime(), seconds: result?.Values?.[i] })).filter((sample): sample is LagSample => typeof sample.seconds === 'number' && sample.seconds >= 0);
    samples.sort((a, b) => b.at - a.at);
    return samples[0];
  }
}
