import type { CreateDBInstanceReadReplicaCommandInput } from '@aws-sdk/client-rds';
import type { Topology } from '@xyz/topology';
import { regionByName } from '@xyz/topology';
import { isRetryable } from '../../aws/error-kind';
import { AwsCallError } from '../../aws/gateway';
import type { InstanceView } from '../../aws/instance-view';
import { StepError, StepTimeoutError } from '../../core/errors';
import { found, pollUntil } from '../poll';
import { requestOnce } from '../request-once';
import type { PlannedCall, Step, StepContext, StepOutcome } from '../step';
import { clearFence } from './fence';

/** Settings copied from the instance being replaced, so the new replica matches what Terraform made. */
export interface ReplicaTemplate {
  readonly securityGroupIds: readonly string[];
  readonly multiAZ: boolean;
  readonly logExports: readonly string[];
  readonly monitoringInterval?: number;
  readonly monitoringRoleArn?: string;
  readonly iamAuth: boolean;
  readonly deletionProtection: boolean;
  readonly performanceInsights: boolean;
  readonly performanceInsightsRetentionDays?: number;
  readonly tags: Readonly<Record<string, string>>;
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
  /** Unknown when the region could not be reached while planning; read again at run time. */
  readonly template?: ReplicaTemplate;
}

export function templateFrom(view: InstanceView): ReplicaTemplate {
  const tags: Record<string, string> = {};
  Object.entries(view.tags).forEach(([key, value]) => {
    if (!key.startsWith('aws:')) tags[key] = value;
  });
  return {
    securityGroupIds: view.securityGroupIds,
    multiAZ: view.sourceArn ? view.multiAZ : false,
    logExports: view.logExports,
    monitoringInterval: view.monitoringInterval,
    monitoringRoleArn: view.monitoringRoleArn,
    iamAuth: view.iamAuth,
    deletionProtection: view.deletionProtection,
    performanceInsights: view.performanceInsights,
    performanceInsightsRetentionDays: view.performanceInsightsRetentionDays,
    tags,
  };
}

/** Journal fact `created:<region>`: this run sent the request that creates the instance under the standard identifier. */
const CREATED_FACT = 'created:';
/**
 * Journal fact `replaced:<region>`: the standard identifier now belongs to a ready replica this run
 * created. The region's Terraform state still tracks the instance it replaced (see state-rebind.ts).
 */
export const REPLACED_FACT = 'replaced:';

/** Identifier for the instance moved aside: `<id>-stale-<yyyymmddhhmm>`, fixed for the whole run. */
export function staleIdentifier(id: string, runStartedAt: number): string {
  const stamp = new Date(runStartedAt).toISOString().replace(/[-:T]/g, '').slice(0, 12);
  return `${id}-stale-${stamp}`;
}

export function renameInput(spec: ReplicaSpec) {
  return { DBInstanceIdentifier: spec.id, NewDBInstanceIdentifier: spec.staleId, ApplyImmediately: true };
}

/** Cross-region: source by ARN, the target region's KMS key, SourceRegion so the SDK presigns. */
export function createReplicaInput(spec: ReplicaSpec, topology: Topology, template: ReplicaTemplate): CreateDBInstanceReadReplicaCommandInput {
  const names = regionByName(topology, spec.region).names;
  const monitoring = template.monitoringInterval && template.monitoringRoleArn ? { MonitoringInterval: template.monitoringInterval, MonitoringRoleArn: template.monitoringRoleArn } : {};
  const insights = template.performanceInsights
    ? { EnablePerformanceInsights: true, PerformanceInsightsKMSKeyId: names.kmsAlias, PerformanceInsightsRetentionPeriod: template.performanceInsightsRetentionDays }
    : {};
  return {
    DBInstanceIdentifier: spec.id,
    SourceDBInstanceIdentifier: spec.sourceArn,
    ...(spec.sourceRegion !== spec.region ? { SourceRegion: spec.sourceRegion } : {}),
    KmsKeyId: names.kmsAlias,
    DBInstanceClass: topology.database.instanceClass,
    DBParameterGroupName: names.dbParameterGroup,
    DBSubnetGroupName: names.dbSubnetGroup,
    VpcSecurityGroupIds: [...template.securityGroupIds],
    MultiAZ: template.multiAZ,
    PubliclyAccessible: false,
    AutoMinorVersionUpgrade: true,
    CopyTagsToSnapshot: true,
    DeletionProtection: template.deletionProtection,
    EnableIAMDatabaseAuthentication: template.iamAuth,
    ...(template.logExports.length > 0 ? { EnableCloudwatchLogsExports: [...template.logExports] } : {}),
    ...monitoring,
    ...insights,
    Tags: Object.entries(template.tags).map(([Key, Value]) => ({ Key, Value })),
  };
}

export function plannedReplicaCalls(spec: ReplicaSpec, topology: Topology): PlannedCall[] {
  const template = spec.template;
  const create = template ? createReplicaInput(spec, topology, template) : { DBInstanceIdentifier: spec.id, SourceDBInstanceIdentifier: spec.sourceArn, note: 'settings read from the region when it answers' };
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

async function templateAtRunTime(ctx: StepContext, spec: ReplicaSpec): Promise<ReplicaTemplate> {
  if (spec.template) return spec.template;
  const stale = ctx.memory.fact(`stale:${spec.region}`);
  for (const id of [spec.id, typeof stale === 'string' ? stale : spec.staleId]) {
    const view = await ctx.aws.rds.describe(spec.region, id, { deadline: ctx.deadline });
    if (view) return templateFrom(view);
  }
  throw new StepError(`no instance in ${spec.region} to copy security groups and settings from; create the replica with the region's stack instead`);
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
  const template = await templateAtRunTime(ctx, spec);
  if (current && current.sourceArn !== spec.sourceArn) {
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
    ctx.memory.setFact(`stale:${region}`, spec.staleId);
    current = await describe();
  }
  if (!current) {
    say(`creating ${id} as a replica of ${spec.sourceArn}`);
    // Recorded before the request, so a resumed run knows the instance under `id` is one it made.
    ctx.memory.setFact(`${CREATED_FACT}${region}`, id);
    try {
      await ctx.aws.rds.createReadReplica(region, createReplicaInput(spec, topology, template), { deadline: ctx.deadline });
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
  const stale = ctx.memory.fact(`stale:${region}`);
  if (typeof stale === 'string' || ctx.memory.fact(`${CREATED_FACT}${region}`) !== undefined) ctx.memory.setFact(`${REPLACED_FACT}${region}`, id);
  return `${region}: ${id} replicates from ${spec.sourceId}${typeof stale === 'string' ? `; the previous instance is kept as ${stale}` : ''}`;
}

/** Rebuilds every region's replica in parallel; an unreachable region becomes a warning for --resume. */
export function rebuildReplicasStep(specs: readonly ReplicaSpec[], topology: Topology, stepId = 'rebuild-replicas'): Step {
  const regions = specs.map((spec) => spec.region).join(', ');
  const source = specs[0]?.sourceId ?? '?';
  return {
    id: stepId,
    title: specs.length === 1 ? `Make ${specs[0].id} (${specs[0].region}) a replica of ${source}` : `Rebuild the replicas in ${regions} from ${source}`,
    timeoutMs: 240 * 60_000,
    calls: specs.flatMap((spec) => plannedReplicaCalls(spec, topology)),
    waitsFor: 'DescribeDBInstances shows each replica available and replicating from the new source',
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
