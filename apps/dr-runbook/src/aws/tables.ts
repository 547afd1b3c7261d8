import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { AwsClients } from './clients';
import { AwsCallError, type AwsGateway, type CallOptions } from './gateway';

export interface TableView {
  readonly name: string;
  /** CREATING, UPDATING, DELETING, ACTIVE, ... */
  readonly status: string;
  readonly streamEnabled: boolean;
  readonly streamViewType?: string;
}

/** DynamoDB tables of the platform. */
export class Tables {
  constructor(
    private readonly gateway: AwsGateway,
    private readonly clients: AwsClients,
  ) {}

  /** The table, or undefined when DynamoDB says it does not exist. */
  async describe(region: string, name: string, options?: CallOptions): Promise<TableView | undefined> {
    try {
      const out = await this.gateway.call('dynamodb', region, 'DescribeTable', (abortSignal) => this.clients.dynamoDb(region).send(new DescribeTableCommand({ TableName: name }), { abortSignal }), options);
      const table = out.Table;
      if (!table) return undefined;
      return {
        name,
        status: table.TableStatus ?? 'unknown',
        streamEnabled: table.StreamSpecification?.StreamEnabled === true,
        streamViewType: table.StreamSpecification?.StreamViewType,
      };
    } catch (error) {
      if (error instanceof AwsCallError && error.kind === 'not-found') return undefined;
      throw error;
    }
  }
}
