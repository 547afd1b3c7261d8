import { ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import type { AwsClients } from './clients';
import { AwsCallError, type AwsGateway, type CallOptions } from './gateway';

export interface EventSourceMappingView {
  readonly uuid: string;
  readonly eventSourceArn: string;
  readonly functionArn: string;
  /** Creating, Enabling, Enabled, Disabling, Disabled, Updating or Deleting. */
  readonly state: string;
  readonly lastProcessingResult?: string;
}

/** Lambda's event source mappings that read one source (a stream), whatever function they feed. */
export class EventSourceMappings {
  constructor(
    private readonly gateway: AwsGateway,
    private readonly clients: AwsClients,
  ) {}

  /** Every mapping that reads the source (all pages); none when Lambda knows none. */
  async ofSource(region: string, eventSourceArn: string, options?: CallOptions): Promise<EventSourceMappingView[]> {
    const views: EventSourceMappingView[] = [];
    let marker: string | undefined;
    try {
      do {
        const out = await this.gateway.call('lambda', region, 'ListEventSourceMappings', (abortSignal) => this.clients.lambda(region).send(new ListEventSourceMappingsCommand({ EventSourceArn: eventSourceArn, Marker: marker }), { abortSignal }), options);
        (out.EventSourceMappings ?? []).forEach((mapping) =>
          views.push({ uuid: mapping.UUID ?? '', eventSourceArn: mapping.EventSourceArn ?? '', functionArn: mapping.FunctionArn ?? '', state: mapping.State ?? 'unknown', lastProcessingResult: mapping.LastProcessingResult }),
        );
        marker = out.NextMarker;
      } while (marker);
    } catch (error) {
      if (error instanceof AwsCallError && error.kind === 'not-found') return [];
      throw error;
    }
    return views;
  }
}
