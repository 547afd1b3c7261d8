import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import type { AwsClients } from './clients';
import type { AwsGateway, CallOptions } from './gateway';

export interface FiringAlarm {
  readonly name: string;
  readonly reason?: string;
  /** ISO time of the change to ALARM. */
  readonly since?: string;
}

/** CloudWatch alarms, metric and composite, in one region. */
export class Alarms {
  constructor(
    private readonly gateway: AwsGateway,
    private readonly clients: AwsClients,
  ) {}

  /** The alarms whose name starts with `prefix` that are in ALARM now (all pages). */
  async firing(region: string, prefix: string, options?: CallOptions): Promise<FiringAlarm[]> {
    const alarms: FiringAlarm[] = [];
    let nextToken: string | undefined;
    do {
      const out = await this.gateway.call(
        'cloudwatch',
        region,
        'DescribeAlarms',
        (abortSignal) =>
          this.clients.cloudWatch(region).send(new DescribeAlarmsCommand({ AlarmNamePrefix: prefix, StateValue: 'ALARM', AlarmTypes: ['MetricAlarm', 'CompositeAlarm'], NextToken: nextToken }), { abortSignal }),
        options,
      );
      // Checked again here: an endpoint that applies only one of the filters must not report OK alarms as firing.
      [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])]
        .filter((alarm) => alarm.StateValue === 'ALARM')
        .forEach((alarm) => alarms.push({ name: alarm.AlarmName ?? '(unnamed)', reason: alarm.StateReason, since: alarm.StateUpdatedTimestamp?.toISOString() }));
      nextToken = out.NextToken;
    } while (nextToken);
    return alarms;
  }
}
