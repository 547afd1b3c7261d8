// The deployment package run on its own, as Lambda runs it, against dynalite.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { buildProcessorBundle } from '@xyz/stream-processor';
import { batch, deviceEvent, eventRecord, unpackIndexJs } from '@xyz/stream-processor/testing';
import { type RunningEmulator, startDynalite } from '../src/emulators';
import { localDocumentClient, localDynamoDbClient } from '../src/local-clients';
import { createDeviceEventTable } from '../src/local-resources';

jest.setTimeout(120_000);

const WORKSPACE_ROOT = resolve(__dirname, '..', '..', '..');

describe('the processor bundle, run on its own as Lambda runs it', () => {
  let dynamo: RunningEmulator;

  beforeAll(async () => {
    dynamo = await startDynalite();
  });

  afterAll(async () => {
    await dynamo.stop();
  });

  it('reads its table from the environment and writes the events of a batch', async () => {
    const client = localDynamoDbClient(dynamo.endpoint);
    await createDeviceEventTable(client, 'bundle-check');
    const script = unpackIndexJs(await buildProcessorBundle(WORKSPACE_ROOT));
    const event = deviceEvent();
    const invocation = JSON.stringify(batch(eventRecord(event)));
    // A clean Node process with only what Lambda would provide: the bundle must need nothing else.
    // (Asynchronously: dynalite answers from this process's event loop.)
    const { stdout: output } = await promisify(execFile)(process.execPath, ['-e', `require(${JSON.stringify(script)}).handler(JSON.parse(process.argv[1])).then((r) => { console.log('RESULT ' + JSON.stringify(r)); process.exit(0); })`, invocation], {
      timeout: 30_000,
      encoding: 'utf8',
      env: {
        PATH: process.env['PATH'],
        TABLE_NAME: 'bundle-check',
        EVENT_RETENTION_DAYS: '7',
        AWS_LAMBDA_FUNCTION_NAME: 'xyz-prod-device-event-processor',
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    });
    expect(output).toContain('RESULT {"batchItemFailures":[]}');
    const summary = JSON.parse(output.split('\n').find((line) => line.includes('"_aws"'))!);
    expect(summary).toMatchObject({ FunctionName: 'xyz-prod-device-event-processor', EventsWritten: 1 });
    const items = await localDocumentClient(client).send(new ScanCommand({ TableName: 'bundle-check' }));
    expect(items.Items).toEqual([expect.objectContaining({ eventId: event.eventId, expiresAt: Math.floor(Date.parse(event.occurredAt) / 1000) + 7 * 86_400 })]);
    client.destroy();
  });
});
