// The Lambda entry point (bundled by scripts/bundle-processor.ts). The only processor file that reads
// the environment: everything else takes its configuration as arguments.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { readProcessorConfig } from '@xyz/stream/contracts';
import { createDeviceEventProcessor } from './device-event-processor';
import { DynamoDbItemWriter } from './item-writer';
import { jsonLinesProcessorLog } from './processor-log';

const config = readProcessorConfig(process.env);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 4 }));

export const handler = createDeviceEventProcessor({
  writer: new DynamoDbItemWriter(client, config.tableName),
  retentionDays: config.retentionDays,
  log: jsonLinesProcessorLog((line) => process.stdout.write(`${line}\n`), process.env['AWS_LAMBDA_FUNCTION_NAME'] ?? 'device-event-processor'),
});
