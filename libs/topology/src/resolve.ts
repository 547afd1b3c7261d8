import { type AwsRegion, isAwsRegion } from './aws-regions';
import { cidrPrefixLength, parseCidr, rangesOverlap, subnetCidr } from './cidr';
import { TopologyError } from './errors';
import type { RegionalStateStore, RegionTopology, Topology } from './model';
import { globalResourceNames, regionResourceNames, stateStoreNames } from './naming';
import { type TopologyDocument, topologySchema } from './schema';

export const STATE_BACKEND_STACK = 'state-backend';
const MIN_AVAILABILITY_ZONES = 2;
const SUBNET_BITS = 4;

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function knownRegion(value: string, field: string, source?: string): AwsRegion {
  if (!isAwsRegion(value)) throw new TopologyError(field, `"${value}" is not a known AWS region`, source);
  return value;
}

function checkRegions(doc: TopologyDocument, source?: string): void {
  const seenRegions = new Map<string, number>();
  const seenStacks = new Map<string, number>();
  doc.regions.forEach((entry, i) => {
    knownRegion(entry.region, `regions[${i}].region`, source);
    const earlier = seenRegions.get(entry.region);
    if (earlier !== undefined) {
      throw new TopologyError(`regions[${i}].region`, `"${entry.region}" is listed twice (also regions[${earlier}])`, source);
    }
    seenRegions.set(entry.region, i);
    const earlierStack = seenStacks.get(entry.stack);
    if (earlierStack !== undefined || entry.stack === STATE_BACKEND_STACK) {
      throw new TopologyError(`regions[${i}].stack`, `stack name "${entry.stack}" is already taken`, source);
    }
    seenStacks.set(entry.stack, i);
    checkAvailabilityZones(entry.region, entry.availabilityZones, `regions[${i}].availabilityZones`, source);
  });
  checkCidrs(doc, source);
}

function checkAvailabilityZones(region: string, zones: readonly string[], field: string, source?: string): void {
  if (zones.length < MIN_AVAILABILITY_ZONES) {
    throw new TopologyError(field, `needs at least ${MIN_AVAILABILITY_ZONES} availability zones for Multi-AZ, got ${zones.length}`, source);
  }
  zones.forEach((zone, j) => {
    if (!new RegExp(`^${region}[a-z]$`).test(zone)) {
      throw new TopologyError(`${field}[${j}]`, `"${zone}" is not an availability zone of ${region}`, source);
    }
    if (zones.indexOf(zone) !== j) throw new TopologyError(`${field}[${j}]`, `"${zone}" is listed twice`, source);
  });
}

function checkCidrs(doc: TopologyDocument, source?: string): void {
  const ranges = doc.regions.map((entry, i) => {
    const field = `regions[${i}].vpcCidr`;
    const range = parseCidr(entry.vpcCidr);
    if (!range) throw new TopologyError(field, `"${entry.vpcCidr}" is not a canonical IPv4 CIDR such as 10.10.0.0/16`, source);
    const prefix = cidrPrefixLength(entry.vpcCidr);
    if (prefix < 16 || prefix > 24) throw new TopologyError(field, `a VPC must be between /16 and /24, got /${prefix}`, source);
    return range;
  });
  ranges.forEach((range, i) => {
    ranges.slice(0, i).forEach((other, j) => {
      if (rangesOverlap(range, other)) {
        throw new TopologyError(
          `regions[${i}].vpcCidr`,
          `${doc.regions[i].vpcCidr} overlaps regions[${j}].vpcCidr ${doc.regions[j].vpcCidr}; VPCs must not overlap so they can be peered`,
          source,
        );
      }
    });
  });
}

/**
 * Replicas are every region but the primary, so a failover is a one-value change (primaryRegion).
 * A topology may still list replicaRegions explicitly; then the list must agree with regions.
 */
function checkReplicaRegions(doc: TopologyDocument, primary: AwsRegion, source?: string): void {
  const replicaRegions = doc.replicaRegions;
  if (!replicaRegions) return;
  const listed = doc.regions.map((entry) => entry.region);
  replicaRegions.forEach((region, i) => {
    const field = `replicaRegions[${i}]`;
    knownRegion(region, field, source);
    if (region === primary) throw new TopologyError(field, `"${region}" is the primary region; a replica must live in another region`, source);
    if (!listed.includes(region)) throw new TopologyError(field, `"${region}" has no entry in regions`, source);
    if (replicaRegions.indexOf(region) !== i) throw new TopologyError(field, `"${region}" is listed twice`, source);
  });
  listed.forEach((region, i) => {
    if (region !== primary && !replicaRegions.includes(region)) {
      throw new TopologyError(`regions[${i}].region`, `"${region}" is neither the primary region nor in replicaRegions`, source);
    }
  });
}

function resolveRegion(doc: TopologyDocument, index: number, primary: AwsRegion): RegionTopology {
  const entry = doc.regions[index];
  const region = entry.region as AwsRegion;
  const role = region === primary ? 'primary' : 'replica';
  const subnetPrefix = cidrPrefixLength(entry.vpcCidr) + SUBNET_BITS;
  return {
    region,
    stackName: entry.stack,
    role,
    sourceRegion: role === 'replica' ? primary : undefined,
    vpcCidr: entry.vpcCidr,
    availabilityZones: entry.availabilityZones,
    privateSubnets: entry.availabilityZones.map((availabilityZone, i) => ({
      availabilityZone,
      cidr: subnetCidr(entry.vpcCidr, subnetPrefix, i),
    })),
    names: regionResourceNames(doc.project, doc.environmentShort, region),
  };
}

/** The schema caps the prefix at 32 characters, so every bucket name stays within S3's 63. */
function resolveStateStore(doc: TopologyDocument, region: AwsRegion): RegionalStateStore {
  return { region, ...stateStoreNames(doc.stateBackend.bucketPrefix, doc.accountId, region) };
}

/**
 * Validates a topology document and resolves every region's role and names.
 * Throws TopologyError naming the first offending field.
 */
export function resolveTopology(input: unknown, source?: string): Topology {
  const parsed = topologySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TopologyError(formatPath(issue.path) || '(root)', issue.message, source);
  }
  const doc = parsed.data;
  checkRegions(doc, source);
  const primary = knownRegion(doc.primaryRegion, 'primaryRegion', source);
  if (!doc.regions.some((entry) => entry.region === primary)) {
    throw new TopologyError('primaryRegion', `"${primary}" has no entry in regions`, source);
  }
  checkReplicaRegions(doc, primary, source);
  if (doc.regions.length > 1 && doc.database.backupRetentionDays === 0) {
    throw new TopologyError('database.backupRetentionDays', 'must be at least 1 while read replicas exist (RDS needs automated backups on a replica source)', source);
  }
  if (doc.database.maxAllocatedStorageGb < doc.database.allocatedStorageGb) {
    throw new TopologyError('database.maxAllocatedStorageGb', 'must be at least allocatedStorageGb', source);
  }
  if (!doc.regions.some((entry) => entry.region === doc.stream.homeRegion)) {
    throw new TopologyError('stream.homeRegion', `"${doc.stream.homeRegion}" is not one of the platform's regions`, source);
  }
  const stateHome = knownRegion(doc.stateBackend.homeRegion, 'stateBackend.homeRegion', source);
  if (!doc.regions.some((entry) => entry.region === stateHome)) {
    throw new TopologyError('stateBackend.homeRegion', `"${stateHome}" is not one of the platform's regions`, source);
  }
  const regions = doc.regions.map((_, i) => resolveRegion(doc, i, primary));
  const stores = regions.map((entry) => resolveStateStore(doc, entry.region));
  return {
    project: doc.project,
    environment: doc.environment,
    environmentShort: doc.environmentShort,
    accountId: doc.accountId,
    primaryRegion: primary,
    regions,
    stateBackend: { stackName: STATE_BACKEND_STACK, homeRegion: stateHome, stores },
    database: doc.database,
    cache: doc.cache,
    stream: doc.stream,
    alarms: doc.alarms,
    alertEmail: doc.alertEmail,
    tags: { Project: doc.project, Environment: doc.environment, ManagedBy: 'cdktf', ...doc.tags },
    names: globalResourceNames(doc.project, doc.environmentShort),
  };
}
