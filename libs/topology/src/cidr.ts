export interface Ipv4Range {
  readonly first: number;
  readonly last: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses "a.b.c.d/n"; returns undefined for anything that is not a canonical IPv4 CIDR. */
export function parseCidr(cidr: string): Ipv4Range | undefined {
  const match = CIDR_PATTERN.exec(cidr);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  if (address % size !== 0) return undefined;
  return { first: address, last: address + size - 1 };
}

export function cidrPrefixLength(cidr: string): number {
  return Number(cidr.split('/')[1]);
}

export function rangesOverlap(a: Ipv4Range, b: Ipv4Range): boolean {
  return a.first <= b.last && b.first <= a.last;
}

function formatAddress(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

/**
 * The index-th subnet of newPrefix length inside cidr, like Terraform's cidrsubnet().
 * Computed here rather than in HCL so that the plan shows literal CIDRs a reviewer can read.
 */
export function subnetCidr(cidr: string, newPrefix: number, index: number): string {
  const range = parseCidr(cidr);
  if (!range) throw new Error(`not an IPv4 CIDR: ${cidr}`);
  const size = 2 ** (32 - newPrefix);
  const first = range.first + index * size;
  if (newPrefix < cidrPrefixLength(cidr) || first + size - 1 > range.last) {
    throw new Error(`subnet ${index} of /${newPrefix} does not fit in ${cidr}`);
  }
  return `${formatAddress(first)}/${newPrefix}`;
}
