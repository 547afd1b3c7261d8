import { isAwsRegion, isPlatformRegion, primaryRegionOf, type Topology } from '@xyz/topology';
import { z } from 'zod';
import { boundsText, type SecondsBounds, withinBounds } from '../core/bounds';
import { InputError } from '../core/errors';
import type { RequestContext } from '../runbook/command';

/*
 * The rules every request field follows, whether it was typed on the command line or read back
 * from a journal by `--resume`: the CLI parsers and the request schemas both use these.
 */

/** --max-lag: how far behind a replica may be and still be promoted without --force. */
export const MAX_LAG_BOUNDS: SecondsBounds = { min: 0, max: 86_400, maxInWords: '24 h' };
/** --catch-up-lag: writes stay fenced while the replica applies this much, so it is kept short. */
export const CATCH_UP_LAG_BOUNDS: SecondsBounds = { min: 0, max: 300, maxInWords: '5 min' };

export function seconds(bounds: SecondsBounds) {
  return z.number().refine((value) => withinBounds(value, bounds), `out of range: ${boundsText(bounds)}`);
}

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * An ISO-8601 date-time with an explicit zone (Z or +hh:mm), normalised to UTC; undefined when it
 * is not one. A time without a zone is refused: at 3 a.m. nobody should have to guess the zone.
 */
export function readIsoTime(value: string): string | undefined {
  const match = ISO_8601.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export const ISO_TIME_PROBLEM = 'not an ISO-8601 time with a zone, such as 2025-03-01T02:15:00Z';

/** RDS identifier rules: 1-63 characters, letters, digits and hyphens, starts with a letter, no -- or trailing -. */
export function isRdsIdentifier(value: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9-]{0,62}$/.test(value) && !value.includes('--') && !value.endsWith('-');
}

export const IDENTIFIER_PROBLEM = 'not a valid RDS instance identifier (1-63 letters, digits or hyphens, starting with a letter, no "--", not ending in "-")';

export function rdsIdentifier() {
  return z
    .string()
    .refine(isRdsIdentifier, IDENTIFIER_PROBLEM)
    .transform((value) => value.toLowerCase());
}

/** A time in the past (ISO-8601 with a zone), normalised to UTC. */
export function pastTime(ctx: RequestContext) {
  return z
    .string()
    .refine((value) => readIsoTime(value) !== undefined, ISO_TIME_PROBLEM)
    .transform((value) => readIsoTime(value) ?? value)
    .refine((value) => Date.parse(value) <= ctx.now, `in the future (it is ${new Date(ctx.now).toISOString()} now)`);
}

/** A region of this platform. */
export function platformRegion(topology: Topology) {
  const known = topology.regions.map((region) => region.region).join(', ');
  return z.string().superRefine((value, issues) => {
    if (!isAwsRegion(value)) issues.addIssue({ code: 'custom', message: `not a known AWS region (this platform's regions: ${known})` });
    else if (!isPlatformRegion(topology, value)) issues.addIssue({ code: 'custom', message: `not a region of the ${topology.environment} platform (its regions: ${known})` });
  });
}

/** A region of this platform that becomes the primary: not the one the topology already names. */
export function targetRegion(ctx: RequestContext) {
  const primary = primaryRegionOf(ctx.topology);
  return platformRegion(ctx.topology).refine(
    (value) => ctx.targetPromoted || value !== primary.region,
    { error: (issue) => `${String(issue.input)} is already the primary region in the topology (${primary.names.dbInstanceIdentifier}). Run \`status\` to compare the topology with AWS.` },
  );
}

/** The request of a command that promotes a replica (failover, failback): its target, the topology write, and its own fields. */
export function promotionRequestSchema<Fields extends z.ZodRawShape>(ctx: RequestContext, fields: Fields) {
  return z.strictObject({ to: targetRegion(ctx), writeTopology: z.boolean(), ...fields });
}

/** --to of failover and failback: required, unless the run is resumed (its journal has it). */
export function requiredTarget(to: unknown, usage: string): string {
  if (typeof to !== 'string' || to === '') throw new InputError(`${usage}: --to <region> is required (or --resume to continue an unfinished run)`);
  return to;
}
