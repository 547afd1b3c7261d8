/**
 * Commercial AWS regions this platform may be placed in, with the short code used in
 * resource names (names must stay short: ElastiCache ids are limited to 40 characters).
 */
export const AWS_REGIONS = {
  'us-east-1': 'use1',
  'us-east-2': 'use2',
  'us-west-1': 'usw1',
  'us-west-2': 'usw2',
  'ca-central-1': 'cac1',
  'eu-west-1': 'euw1',
  'eu-west-2': 'euw2',
  'eu-west-3': 'euw3',
  'eu-central-1': 'euc1',
  'eu-north-1': 'eun1',
  'ap-south-1': 'aps1',
  'ap-northeast-1': 'apne1',
  'ap-northeast-2': 'apne2',
  'ap-southeast-1': 'apse1',
  'ap-southeast-2': 'apse2',
  'sa-east-1': 'sae1',
} as const;

export type AwsRegion = keyof typeof AWS_REGIONS;

export function isAwsRegion(value: string): value is AwsRegion {
  return Object.prototype.hasOwnProperty.call(AWS_REGIONS, value);
}

export function regionShortCode(region: AwsRegion): string {
  return AWS_REGIONS[region];
}
