import { DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import type { AwsClients } from './clients';
import { AwsCallError, type AwsGateway, type CallOptions } from './gateway';

export interface StreamView {
  readonly name: string;
  readonly arn?: string;
  /** CREATING, DELETING, ACTIVE or UPDATING. */
  readonly status: string;
  readonly openShards: number;
  readonly retentionHours: number;
}

/** The Kinesis stream the devices write to. */
export class DeviceStreams {
  constructor(
    private readonly gateway: AwsGateway,
    private readonly clients: AwsClients,
  ) {}

  /** The stream, or undefined when Kinesis says it does not exist. */
  async describe(region: string, name: string, options?: CallOptions): Promise<StreamView | undefined> {
    try {
      const out = await this.gateway.call('kinesis', region, 'DescribeStreamSummary', (abortSignal) => this.clients.kinesis(region).send(new DescribeStreamSummaryCommand({ StreamName: name }), { abortSignal }), options);
      const summary = out.StreamDescriptionSummary;
      if (!summary) return undefined;
      return {
        name,
        arn: summary.StreamARN,
        status: summary.StreamStatus ?? 'unknown',
        openShards: summary.OpenShardCount ?? 0,
        retentionHours: summary.RetentionPeriodHours ?? 0,
      };
    } catch (error) {
      if (error instanceof AwsCallError && error.kind === 'not-found') return undefined;
      throw error;
    }
  }
}
