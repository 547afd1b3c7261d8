import { regionByName, type Topology } from '@xyz/topology';

/** The standard identifiers the topology gives each region, so tests never hard-code a naming rule. */
export function platformIds(topology: Topology) {
  const id = (region: string) => regionByName(topology, region).names.dbInstanceIdentifier;
  const arn = (region: string) => `arn:aws:rds:${region}:${topology.accountId}:db:${id(region)}`;
  return { use1: id('us-east-1'), usw2: id('us-west-2'), use2: id('us-east-2'), arn, names: (region: string) => regionByName(topology, region).names };
}
