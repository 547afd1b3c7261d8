import { isPlatformRegion, primaryRegionOf, regionByName, type RegionResourceNames, type Topology } from '@xyz/topology';
import { z } from 'zod';
import type { RequestContext } from '../runbook/command';
import { platformRegion } from './request-fields';
import { instanceArn } from './shared';

/*
 * A plan read back from a journal names instances, groups and ARNs. Each must be the one the
 * topology gives its region, or a resumed run could act on a database the run never planned for.
 */

type Issues = z.core.$RefinementCtx;

/** Adds an issue when a value differs from the one the topology derives. */
export function expectValue(issues: Issues, path: (string | number)[], actual: unknown, expected: unknown, what: string): void {
  if (actual !== expected) issues.addIssue({ code: 'custom', path, message: `not ${what} (${JSON.stringify(expected)})` });
}

/** The names of a platform region, or undefined (the region's own check reports it). */
export function namesOf(topology: Topology, region: string): RegionResourceNames | undefined {
  return isPlatformRegion(topology, region) ? regionByName(topology, region).names : undefined;
}

/** Until its target is promoted, a run acts on the primary the topology names. */
export function expectTopologyPrimary(ctx: RequestContext, issues: Issues, path: (string | number)[], region: string): void {
  if (!ctx.targetPromoted) expectValue(issues, path, region, primaryRegionOf(ctx.topology).region, "the topology's primary region");
}

const securityGroupId = z.string().regex(/^sg-[0-9a-z]+$/, 'not a security group id');

export const placementSchema = z.object({ securityGroupIds: z.array(securityGroupId).min(1) });

export interface ExpectedSource {
  readonly region: string;
  readonly id: string;
}

/** A replica to rebuild: a region the run may rebuild, its standard identifier, and the run's new source. */
export function replicaSpecSchema(topology: Topology, source: ExpectedSource | undefined, regions: readonly string[]) {
  return z
    .object({
      region: platformRegion(topology),
      id: z.string(),
      staleId: z.string(),
      sourceRegion: z.string(),
      sourceId: z.string(),
      sourceArn: z.string(),
      replacesStandalone: z.boolean().optional(),
      placement: placementSchema.optional(),
    })
    .superRefine((spec, issues) => {
      const names = namesOf(topology, spec.region);
      if (!names) return;
      if (!regions.includes(spec.region)) issues.addIssue({ code: 'custom', path: ['region'], message: `not a region this run rebuilds (${regions.join(', ') || 'none'})` });
      expectValue(issues, ['id'], spec.id, names.dbInstanceIdentifier, `the identifier the topology gives ${spec.region}`);
      if (!new RegExp(`^${spec.id}-stale-\\d{12}$`).test(spec.staleId)) issues.addIssue({ code: 'custom', path: ['staleId'], message: `not ${names.dbInstanceIdentifier}-stale-<yyyymmddhhmm>` });
      if (!source) return;
      expectValue(issues, ['sourceRegion'], spec.sourceRegion, source.region, "the run's new source region");
      expectValue(issues, ['sourceId'], spec.sourceId, source.id, "the run's new source");
      if (isPlatformRegion(topology, source.region)) expectValue(issues, ['sourceArn'], spec.sourceArn, instanceArn(topology, regionByName(topology, source.region)), "the ARN of the run's new source");
    });
}
