import { GetParameterCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import type { AwsClients } from './clients';
import { AwsCallError, type AwsGateway, type CallOptions } from './gateway';

/**
 * The writer endpoint applications use: an SSM String parameter in every platform region whose
 * value is the primary's endpoint address. Applications read it in their own region.
 */
export class WriterEndpointParameters {
  constructor(
    private readonly gateway: AwsGateway,
    private readonly clients: AwsClients,
  ) {}

  async get(region: string, name: string, options?: CallOptions): Promise<string | undefined> {
    try {
      const out = await this.gateway.call('ssm', region, 'GetParameter', (abortSignal) => this.clients.ssm(region).send(new GetParameterCommand({ Name: name }), { abortSignal }), options);
      return out.Parameter?.Value;
    } catch (error) {
      if (error instanceof AwsCallError && error.kind === 'not-found') return undefined;
      throw error;
    }
  }

  async put(region: string, name: string, value: string, options?: CallOptions): Promise<void> {
    await this.gateway.call('ssm', region, 'PutParameter', (abortSignal) => this.clients.ssm(region).send(new PutParameterCommand(writerEndpointPutInput(name, value)), { abortSignal }), options);
  }
}

export function writerEndpointPutInput(name: string, value: string) {
  return { Name: name, Value: value, Type: 'String' as const, Overwrite: true };
}
