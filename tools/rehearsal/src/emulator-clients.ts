import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/** Static credentials for the emulator; never real ones. */
export const EMULATOR_CREDENTIALS = { accessKeyId: 'rehearsal', secretAccessKey: 'rehearsal' };

/** SDK clients the rehearsal itself uses, all through the region gate. */
export class EmulatorClients {
  constructor(private readonly endpoint: string) {}

  s3(region: string): S3Client {
    return new S3Client({ ...this.common(region), forcePathStyle: true });
  }

  rds(region: string): RDSClient {
    return new RDSClient(this.common(region));
  }

  cloudWatch(region: string): CloudWatchClient {
    return new CloudWatchClient(this.common(region));
  }

  elasticache(region: string): ElastiCacheClient {
    return new ElastiCacheClient(this.common(region));
  }

  private common(region: string) {
    return { region, endpoint: this.endpoint, credentials: EMULATOR_CREDENTIALS, maxAttempts: 2, requestHandler: new NodeHttpHandler({ connectionTimeout: 2000, requestTimeout: 20000 }) };
  }
}
