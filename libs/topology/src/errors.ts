/** A topology that cannot be used. The message always starts with the offending field. */
export class TopologyError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
    readonly source = 'topology',
  ) {
    super(`${source}: ${field}: ${problem}`);
    this.name = 'TopologyError';
  }
}
