import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { RDSClient } from '@aws-sdk/client-rds';
import { SSMClient } from '@aws-sdk/client-ssm';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface AwsClientSettings {
  /** A named profile; otherwise the SDK's default credential chain (AWS_PROFILE, env, SSO, instance role...). */
  readonly profile?: string;
  /** A region that is down often black-holes connections: fail fast instead of hanging. */
  readonly connectionTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
}

/**
 * One client per service and region, created on first use. Endpoints, credentials and profiles come
 * from the standard SDK configuration (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_RDS, ...). The region is
 * always explicit: every call names the region the topology puts the resource in.
 */
export class AwsClients {
  private readonly rdsClients = new Map<string, RDSClient>();
  private readonly ssmClients = new Map<string, SSMClient>();
  private readonly cloudWatchClients = new Map<string, CloudWatchClient>();
  private readonly elastiCacheClients = new Map<string, ElastiCacheClient>();
  private readonly kinesisClients = new Map<string, KinesisClient>();
  private readonly lambdaClients = new Map<string, LambdaClient>();
  private readonly dynamoDbClients = new Map<string, DynamoDBClient>();

  constructor(private readonly settings: AwsClientSettings = {}) {}

  rds(region: string): RDSClient {
    return this.cached(this.rdsClients, region, (config) => new RDSClient(config));
  }

  ssm(region: string): SSMClient {
    return this.cached(this.ssmClients, region, (config) => new SSMClient(config));
  }

  cloudWatch(region: string): CloudWatchClient {
    return this.cached(this.cloudWatchClients, region, (config) => new CloudWatchClient(config));
  }

  elastiCache(region: string): ElastiCacheClient {
    return this.cached(this.elastiCacheClients, region, (config) => new ElastiCacheClient(config));
  }

  /** Kinesis defaults to an HTTP/2 handler; the NodeHttpHandler of config() keeps it on HTTP/1.1 like the others. */
  kinesis(region: string): KinesisClient {
    return this.cached(this.kinesisClients, region, (config) => new KinesisClient(config));
  }

  lambda(region: string): LambdaClient {
    return this.cached(this.lambdaClients, region, (config) => new LambdaClient(config));
  }

  dynamoDb(region: string): DynamoDBClient {
    return this.cached(this.dynamoDbClients, region, (config) => new DynamoDBClient(config));
  }

  destroy(): void {
    const caches: Map<string, { destroy(): void }>[] = [this.rdsClients, this.ssmClients, this.cloudWatchClients, this.elastiCacheClients, this.kinesisClients, this.lambdaClients, this.dynamoDbClients];
    caches.forEach((cache) => {
      cache.forEach((client) => client.destroy());
      cache.clear();
    });
  }

  private cached<T>(cache: Map<string, T>, region: string, create: (config: ReturnType<AwsClients['config']>) => T): T {
    let client = cache.get(region);
    if (!client) {
      client = create(this.config(region));
      cache.set(region, client);
    }
    return client;
  }

  private config(region: string) {
    return {
      region,
      ...(this.settings.profile ? { profile: this.settings.profile } : {}),
      // The runbook retries with its own backoff on its own clock (see gateway.ts), so the SDK must not.
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({
        connectionTimeout: this.settings.connectionTimeoutMs ?? 5000,
        requestTimeout: this.settings.requestTimeoutMs ?? 30_000,
      }),
    };
  }
}
