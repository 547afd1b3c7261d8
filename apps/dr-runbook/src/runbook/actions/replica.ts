import { describedInstanceFields } from '../../aws/instance-input';
import type { CreateDBInstanceReadReplicaCommandInput } from '@aws-sdk/client-rds';
import { z } from 'zod';
import { allDatabaseTags, databaseInstanceSettings, type DatabaseInstanceSettings, regionByName, type Topology } from '@xyz/topology';
import { isRetryable } from '../../aws/error-kind';
import { AwsCallError } from '../../aws/gateway';
import type { InstanceView } from '../../aws/instance-view';
import { StepError, StepTimeoutError } from '../../core/errors';
import { found, pollUntil } from '../poll';
import { requestOnce } from '../request-once';
import type { PlannedCall, Step, StepContext, StepOutcome } from '../step';
import { regionFact } from '../facts';
import { clearFence } from './fence';
import { STEP } from '../step-ids';

/**
 * What only AWS knows about where the new replica goes: the security groups of the instance it
 * replaces (the group Terraform attached, named by the topology; its id exists only in AWS).
 * Every other setting comes from the topology's description of the region's instance.
 */
export interface ReplicaPlacement {
  readonly securityGroupIds: readonly string[];
}

/** One region's replica, rebuilt from a new source under the topology's standard identifier. */
export interface ReplicaSpec {
  readonly region: string;
  readonly id: string;
  /** The identifier the instance currently holding `id` is renamed to. */
  readonly staleId: string;
  readonly sourceRegion: string;
  readonly sourceId: string;
  readonly sourceArn: string;
  /**
   * The instance under `id` may be standalone: it is the former primary, fenced by this run. Any
   * other standalone instance may take writes and is never moved aside.
   */
  readonly replacesStandalone?: boolean;
  /** Unknown when the region could not be reached while planning; read again at run time. */
  readonly placement?: ReplicaPlacement;
}

export function placementFrom(view: InstanceView): ReplicaPlacement {
  return { securityGroupIds: [...view.securityGroupIds] };
}

export const REPLICA_FACTS = {
  /** `stale:<region>`: the identifier the instance that held the standard one was renamed to. */
  stale: regionFact('stale:', z.string()),
  /** `created:<region>`: this run sent the request that creates the instance under the standard identifier. */
  created: regionFact('created:', z.string()),
  /**
   * `replaced:<region>`: the standard identifier now belongs to a ready replica this run created.
   * The region's Terraform state still tracks the instance it replaced (see state-rebind.ts).
   */
  replaced: regionFact('replaced:', z.string()),
};

/** Identifier for the instance moved aside: `<id>-stale-<yyyymmddhhmm>`, fixed for the whole run. */
export function staleIdentifier(id: string, runStartedAt: number): string {
  const stamp = new Date(runStartedAt).toISOString().replace(/[-:T]/g, '').slice(0, 12);
  return `${id}-stale-${stamp}`;
}

/** Why a standalone instance under the identifier is not renamed aside. */
export function standaloneRefusal(spec: Pick<ReplicaSpec, 'region' | 'id'>): string {
  return `${spec.id} (${spec.region}) is standalone, not a replica: refusing to replace a database that may take writes. Run \`status\`.`;
}

export function renameInput(spec: ReplicaSpec) {
  return { DBInstanceIdentifier: spec.id, NewDBInstanceIdentifier: spec.staleId, ApplyImmediately: true };
}

/**
 * The replica as Terraform would create it (same description, see @xyz/topology
 * databaseInstanceSettings). Cross-region: source by ARN, the target region's KMS key, SourceRegion
 * so that the SDK presigns the request.
 */
export function createReplicaInput(spec: ReplicaSpec, settings: DatabaseInstanceSettings, placement: ReplicaPlacement): CreateDBInstanceReadReplicaCommandInput {
  const monitoring = settings.enhancedMonitoring;
  const insights = settings.performanceInsights;
  return {
    DBInstanceIdentifier: spec.id,
    SourceDBInstanceIdentifier: spec.sourceArn,
    ...(spec.sourceRegion !== spec.region ? { SourceRegion: spec.sourceRegion } : {}),
    KmsKeyId: settings.storage.kmsKeyAlias,
    ...describedInstanceFields(settings, placement.securityGroupIds),
    MultiAZ: settings.replica.multiAz,
    ...(monitoring.intervalSeconds > 0 ? { MonitoringInterval: monitoring.intervalSeconds, MonitoringRoleArn: monitoring.roleArn } : {}),
    ...(insights.enabled ? { EnablePerformanceInsights: true, PerformanceInsightsKMSKeyId: insights.kmsKeyAlias, PerformanceInsightsRetentionPeriod: insights.retentionDays } : {}),
    Tags: Object.entries(allDatabaseTags(settings)).map(([Key, Value]) => ({ Key, Value })),
  };
}

export function plannedReplicaCalls(spec: ReplicaSpec, topology: Topology): PlannedCall[] {
  const settings = databaseInstanceSettings(topology, spec.region);
  const create = spec.placement
    ? createReplicaInput(spec, settings, spec.placement)
    : { ...createReplicaInput(spec, settings, { securityGroupIds: [] }), VpcSecurityGroupIds: `those of the instance it replaces, read when ${spec.region} answers` };
  const group = regionByName(topology, spec.region).names.dbParameterGroup;
  return [
    { service: 'rds', region: spec.region, operation: 'ModifyDBInstance', input: renameInput(spec), when: `if ${spec.id} is not already a replica of ${spec.sourceId}` },
    { service: 'rds', region: spec.region, operation: 'CreateDBInstanceReadReplica', input: create, when: `once ${spec.id} is free` },
    { service: 'rds', region: spec.region, operation: 'ResetDBParameterGroup', input: { DBParameterGroupName: group, Parameters: [{ ParameterName: 'read_only', ApplyMethod: 'immediate' }] }, when: 'if a write fence (read_only=1) is set there' },
  ];
}

function showReplica(view: InstanceView | undefined): string {
  if (!view) return 'not found';
  return `status ${view.status}${view.sourceArn ? '' : ', standalone'}`;
}

async function placementAtRunTime(ctx: StepContext, spec: ReplicaSpec): Promise<ReplicaPlacement> {
  if (spec.placement) return spec.placement;
  const stale = ctx.memory.fact(REPLICA_FACTS.stale.of(spec.region));
  for (const id of [spec.id, stale ?? spec.staleId]) {
    const view = await ctx.aws.rds.describe(spec.region, id, { deadline: ctx.deadline });
    if (view) return placementFrom(view);
  }
  throw new StepError(`no instance in ${spec.region} to copy the security groups from; create the replica with the region's stack instead`);
}

/**
 * Gives `spec.id` to a fresh replica of the new source. The instance holding the identifier (the
 * stale replica, or a former primary) is renamed aside and kept; nothing is deleted. Every stage
 * checks AWS first, so the routine can be re-run from any point.
 */
export async function rebuildReplica(ctx: StepContext, spec: ReplicaSpec, topology: Topology): Promise<string> {
  const { region, id } = spec;
  const describe = () => ctx.aws.rds.describe(region, id, { deadline: ctx.deadline });
  const say = (text: string) => ctx.progress(`${region}: ${text}`);
  let current = await describe();
  const placement = await placementAtRunTime(ctx, spec);
  if (current && current.sourceArn !== spec.sourceArn) {
    // Checked again here: the region may not have answered while planning, or changed since.
    if (current.sourceArn === undefined && spec.replacesStandalone !== true) throw new StepError(standaloneRefusal(spec));
    if (current.status !== 'available' && current.status !== 'renaming') {
      current = await pollUntil(ctx, {
        what: `${id} to be available before it is renamed`,
        subject: spec,
        probe: describe,
        done: (view) => view === undefined || view.status === 'available' || view.status === 'renaming',
        show: showReplica,
      });
    }
    if (current && current.status !== 'renaming') {
      say(`renaming ${id} to ${spec.staleId} to free the identifier`);
      await requestOnce(ctx, {
        key: `rename:${region}`,
        what: `rename of ${id}`,
        subject: spec,
        visible: async () => {
          const view = await describe();
          return view === undefined || view.status === 'renaming' || view.sourceArn === spec.sourceArn;
        },
        send: () => ctx.aws.rds.modify(region, renameInput(spec), { deadline: ctx.deadline }),
      });
    }
    await pollUntil(ctx, { what: `${region} rename of ${id}`, subject: spec, probe: describe, done: (view) => view === undefined || view.sourceArn === spec.sourceArn, show: showReplica });
    ctx.memory.setFact(REPLICA_FACTS.stale.of(region), spec.staleId);
    current = await describe();
  }
  if (!current) {
    say(`creating ${id} as a replica of ${spec.sourceArn}`);
    // Recorded before the request, so a resumed run knows the instance under `id` is one it made.
    ctx.memory.setFact(REPLICA_FACTS.created.of(region), id);
    try {
      await ctx.aws.rds.createReadReplica(region, createReplicaInput(spec, databaseInstanceSettings(topology, region), placement), { deadline: ctx.deadline });
    } catch (error) {
      if (!(error instanceof AwsCallError && error.kind === 'already-exists')) throw error;
    }
  }
  const ready = found(await pollUntil(ctx, {
    what: `replica ${id} in ${region}`,
    subject: spec,
    probe: describe,
    done: (view) => view !== undefined && view.status === 'available' && view.sourceArn === spec.sourceArn,
    show: showReplica,
  }), id);
  if (ready.sourceArn !== spec.sourceArn) throw new StepError(`${id} in ${region} replicates from ${ready.sourceArn}, not ${spec.sourceArn}`);
  const group = regionByName(topology, region).names.dbParameterGroup;
  if (await clearFence(ctx, region, group)) say(`cleared the write fence (read_only) on ${group}`);
  const stale = ctx.memory.fact(REPLICA_FACTS.stale.of(region));
  if (stale !== undefined || ctx.memory.fact(REPLICA_FACTS.created.of(region)) !== undefined) ctx.memory.setFact(REPLICA_FACTS.replaced.of(region), id);
  return `${region}: ${id} replicates from ${spec.sourceId}${stale !== undefined ? `; the previous instance is kept as ${stale}` : ''}`;
}

/** Rebuilds every region's replica in parallel; an unreachable region becomes a warning for --resume. */
export function rebuildReplicasStep(specs: readonly ReplicaSpec[], topology: Topology, stepId: string = STEP.rebuildReplicas): Step {
  const regions = specs.map((spec) => spec.region).join(', ');
  const source = specs[0]?.sourceId ?? '?';
  return {
    id: stepId,
    title: specs.length === 1 ? `Make ${specs[0].id} (${specs[0].region}) a replica of ${source}` : `Rebuild the replicas in ${regions} from ${source}`,
    timeoutMs: 240 * 60_000,
    calls: specs.flatMap((spec) => plannedReplicaCalls(spec, topology)),
    waitsFor: 'DescribeDBInstances shows each replica available and replicating from the new source',
    facts: Object.values(REPLICA_FACTS),
    ifItFails: 'the primary is serving writes; only replicas are missing. Resume to continue; stale instances are kept under their -stale- names.',
    async run(ctx): Promise<StepOutcome> {
      const results = await Promise.allSettled(specs.map((spec) => rebuildReplica(ctx, spec, topology)));
      const done: string[] = [];
      const warnings: string[] = [];
      const errors: string[] = [];
      results.forEach((result, i) => {
        if (result.status === 'fulfilled') {
          done.push(result.value);
          return;
        }
        const reason = result.reason as unknown;
        if (reason instanceof AwsCallError && isRetryable(reason.kind)) {
          warnings.push(`${specs[i].region}: replica not rebuilt, the region does not answer (${reason.message}). Resume when it does.`);
        } else if (reason instanceof Error && (reason.name === 'AbortedError' || reason instanceof StepTimeoutError)) {
          throw reason;
        } else {
          errors.push(`${specs[i].region}: ${reason instanceof Error ? reason.message : String(reason)}`);
        }
      });
      if (errors.length > 0) throw new StepError(errors.join('; '));
      return { summary: done.join('; ') || 'no replica rebuilt', warnings };
    },
  };
}
