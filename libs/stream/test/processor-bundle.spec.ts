// The deployment package: deterministic, a valid zip, and the bundled handler works on its own.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { buildProcessorBundle, type ProcessorBundleBuild } from '../src/bundle/build-processor-bundle';
import { type RunningEmulator, startDynalite } from '../src/local/emulators';
import { localDocumentClient, localDynamoDbClient } from '../src/local/local-clients';
import { createDeviceEventTable } from '../src/local/local-resources';
import { batch, deviceEvent, eventRecord } from './kinesis-records';

jest.setTimeout(120_000);

const WORKSPACE_ROOT = resolve(__dirname, '..', '..', '..');
const unzipAvailable = spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0;

let first: ProcessorBundleBuild;
let second: ProcessorBundleBuild;
let zipFile: string;

beforeAll(async () => {
  first = await buildProcessorBundle(WORKSPACE_ROOT);
  second = await buildProcessorBundle(WORKSPACE_ROOT);
  zipFile = join(mkdtempSync(join(tmpdir(), 'processor-bundle-')), 'processor.zip');
  writeFileSync(zipFile, first.zip);
});

/** Unpacks index.js (the zip's only, stored, entry) into a fresh directory; returns its path. */
function unpackIndexJs(): string {
  const directory = mkdtempSync(join(tmpdir(), 'processor-run-'));
  const dataStart = 30 + 'index.js'.length;
  writeFileSync(join(directory, 'index.js'), readFileSync(zipFile).subarray(dataStart, dataStart + first.scriptBytes));
  return join(directory, 'index.js');
}

describe('the processor bundle', () => {
  it('is byte-identical across builds of the same sources, so its hash (and the plan) does not change', () => {
    expect(first.zip.equals(second.zip)).toBe(true);
    expect(second.sha256Base64).toBe(first.sha256Base64);
    expect(first.sha256Base64).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  // unzip is part of every CI image we use; it is only missing on bare machines.
  (unzipAvailable ? it : it.skip)('is a valid zip holding index.js alone, with fixed timestamps and a readable mode', () => {
    expect(execFileSync('unzip', ['-t', zipFile], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const listing = execFileSync('zipinfo', [zipFile], { encoding: 'utf8' });
    expect(listing).toMatch(/^-rw-r--r--.* stor 80-Jan-01 00:00 index\.js$/m);
    expect(listing).toMatch(/1 file/);
  });

  describe('run on its own, as Lambda runs it', () => {
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
      const script = unpackIndexJs();
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

    it('fails at start with a message naming the missing variable', () => {
      const run = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(unpackIndexJs())})`], { encoding: 'utf8', timeout: 30_000, env: { PATH: process.env['PATH'] } });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain('TABLE_NAME is not set');
    });
  });
});
