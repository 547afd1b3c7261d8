/** arn:aws:rds:<region>:<account>:db:<id>: cross-region replicas must name their source this way. */
export function dbInstanceArn(region: string, accountId: string, id: string): string {
  return `arn:aws:rds:${region}:${accountId}:db:${id}`;
}

export interface ParsedDbArn {
  readonly region: string;
  readonly accountId: string;
  readonly id: string;
}

export function parseDbInstanceArn(arn: string): ParsedDbArn | undefined {
  const match = /^arn:aws[a-z-]*:rds:([a-z0-9-]+):(\d{12}):db:([A-Za-z0-9-]+)$/.exec(arn);
  return match ? { region: match[1], accountId: match[2], id: match[3] } : undefined;
}
