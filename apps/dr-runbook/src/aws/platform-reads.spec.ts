import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { LambdaClient, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { FakeClock } from '@xyz/dr-simulator';
import { mockClient } from 'aws-sdk-client-mock';
import { Alarms } from './alarms';
import { AwsClients } from './clients';
import { EventSourceMappings } from './event-source-mappings';
import { AwsGateway } from './gateway';

const gateway = () => new AwsGateway({ clock: new FakeClock(), log: { log: () => undefined } });

describe('platform reads that do not trust the endpoint to filter', () => {
  const cloudWatch = mockClient(CloudWatchClient);
  const lambda = mockClient(LambdaClient);
  afterEach(() => {
    cloudWatch.reset();
    lambda.reset();
  });

  it('reports only the alarms that are in ALARM, even when the answer holds others', async () => {
    cloudWatch.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        { AlarmName: 'xyz-prod-mysql-use1-cpu-high', StateValue: 'OK' },
        { AlarmName: 'xyz-prod-mysql-use1-storage-low', StateValue: 'ALARM', StateReason: 'Threshold Crossed', StateUpdatedTimestamp: new Date('2026-12-07T00:00:00Z') },
      ],
      CompositeAlarms: [{ AlarmName: 'xyz-prod-composite', StateValue: 'INSUFFICIENT_DATA' }],
    });
    const firing = await new Alarms(gateway(), new AwsClients()).firing('us-east-1', 'xyz-prod-');
    expect(firing).toEqual([{ name: 'xyz-prod-mysql-use1-storage-low', reason: 'Threshold Crossed', since: '2026-12-07T00:00:00.000Z' }]);
    expect(cloudWatch.commandCalls(DescribeAlarmsCommand)[0].args[0].input).toMatchObject({ AlarmNamePrefix: 'xyz-prod-', StateValue: 'ALARM' });
  });

  it('finds event source mappings by the source they read, with the function each one feeds', async () => {
    const stream = 'arn:aws:kinesis:us-east-1:111122223333:stream/xyz-prod-device-events';
    lambda.on(ListEventSourceMappingsCommand, { EventSourceArn: stream }).resolves({
      EventSourceMappings: [{ UUID: 'u-1', EventSourceArn: stream, FunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:xyz-prod-device-event-processor', State: 'Enabled' }],
    });
    const views = await new EventSourceMappings(gateway(), new AwsClients()).ofSource('us-east-1', stream);
    expect(views).toEqual([{ uuid: 'u-1', eventSourceArn: stream, functionArn: 'arn:aws:lambda:us-east-1:111122223333:function:xyz-prod-device-event-processor', state: 'Enabled', lastProcessingResult: undefined }]);
  });
});
