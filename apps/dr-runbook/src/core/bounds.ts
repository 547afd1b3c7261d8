/** The range a number of seconds must be in, so that no value can quietly switch a check off. */
export interface SecondsBounds {
  readonly min: number;
  readonly max: number;
  /** The maximum in words, e.g. "24 h". */
  readonly maxInWords: string;
}

export function boundsText(bounds: SecondsBounds): string {
  return `between ${bounds.min} and ${bounds.max} seconds (${bounds.maxInWords})`;
}

export function withinBounds(value: number, bounds: SecondsBounds): boolean {
  return Number.isFinite(value) && value >= bounds.min && value <= bounds.max;
}
