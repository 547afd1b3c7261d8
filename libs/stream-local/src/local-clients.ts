import { Agent } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT_ID = '000000000000';
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

// HTTP/1.1 with keep-alive: the Kinesis client's default HTTP/2 handler does not work with kinesalite.
function http1Handler(): NodeHttpHandler {
  return new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: 64 }) });
}

export function localDynamoDbClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, requestHandler: http1Handler() });
}

export function localDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client);
}

export function localKinesisClient(endpoint: string): KinesisClient {
  return new KinesisClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, requestHandler: http1Handler() });
}
