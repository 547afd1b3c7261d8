import type { Topology } from './model';

/** What the AWS provider of a region's stacks adds to every resource it creates (`default_tags`). */
export function providerDefaultTags(topology: Topology, region: string): Record<string, string> {
  return { ...topology.tags, Region: region };
}

/** The tags every resource of a region stack carries on its own: the stack whose state manages it. */
export function stackTags(stackName: string): Record<string, string> {
  return { Stack: stackName };
}
