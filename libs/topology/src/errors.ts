/** A topology that cannot be used. The message names the file (when there is one) and the field. */
export class TopologyError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
    readonly source?: string,
  ) {
    super(`${source ? `${source}: ` : ''}${field}: ${problem}`);
    this.name = 'TopologyError';
  }
}
