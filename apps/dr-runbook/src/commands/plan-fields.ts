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

/** What failover and failback both plan: the primary they move away from and the replica they promote. */
export interface PromotionEnds {
  readonly from: string;
  readonly fromId: string;
  readonly fromParameterGroup: string;
  readonly to: string;
  readonly toId: string;
  readonly toEndpoint?: string;
}

/** The regions a promotion to `to` involves: the primary it leaves, its target, and every other region. */
export function promotionRegions(topology: Topology, to: string) {
  const from = primaryRegionOf(topology);
  const target = regionByName(topology, to);
  return {
    from,
    target,
    fromId: from.names.dbInstanceIdentifier,
    toId: target.names.dbInstanceIdentifier,
    others: topology.regions.filter((region) => region.region !== from.region && region.region !== target.region),
  };
}

export function promotionEndsFields(topology: Topology) {
  return {
    from: platformRegion(topology),
    fromId: z.string(),
    fromParameterGroup: z.string(),
    to: z.string(),
    toId: z.string(),
    toEndpoint: z.string().optional(),
  };
}

/** Checks both ends against the request and the topology; the names of the region left, when it is a platform region. */
export function expectPromotionEnds(ctx: RequestContext, issues: Issues, plan: PromotionEnds, to: string): RegionResourceNames | undefined {
  expectValue(issues, ['to'], plan.to, to, 'the region of the request');
  const from = namesOf(ctx.topology, plan.from);
  const target = namesOf(ctx.topology, to);
  if (!from || !target) return undefined;
  if (plan.from === to) issues.addIssue({ code: 'custom', path: ['from'], message: 'the target region itself' });
  expectTopologyPrimary(ctx, issues, ['from'], plan.from);
  expectValue(issues, ['fromId'], plan.fromId, from.dbInstanceIdentifier, `the identifier the topology gives ${plan.from}`);
  expectValue(issues, ['fromParameterGroup'], plan.fromParameterGroup, from.dbParameterGroup, `the parameter group the topology gives ${plan.from}`);
  expectValue(issues, ['toId'], plan.toId, target.dbInstanceIdentifier, `the identifier the topology gives ${to}`);
  return from;
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
