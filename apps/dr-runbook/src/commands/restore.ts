import { describedInstanceFields } from '../aws/instance-input';
import type { RestoreDBInstanceToPointInTimeCommandInput } from '@aws-sdk/client-rds';
import { databaseInstanceSettings, type DatabaseInstanceSettings, isPlatformRegion, regionByName, type Topology } from '@xyz/topology';
import { z } from 'zod';
import { AwsCallError } from '../aws/gateway';
import { BRIEF_RETRY } from '../aws/retry-policy';
import { InputError, StepError } from '../core/errors';
import { compactTimestamp, formatDuration } from '../core/format';
import type { ChangingCommand, CheckResult, CommandEnv, RequestContext, RunIdentity } from '../runbook/command';
import { found, pollUntil } from '../runbook/poll';
import type { Step } from '../runbook/step';
import { expectValue, namesOf, placementSchema } from './plan-fields';
import { dbIdentifier, parseIsoTime } from '../cli/parse';
import { pastTime, platformRegion, rdsIdentifier } from './request-fields';
import { probeInstance } from './shared';
import { STEP } from '../runbook/step-ids';
import { epochMs, fact, readFact } from '../runbook/facts';

export interface RestoreRequest {
  readonly region: string;
  readonly source: string;
  /** ISO-8601 with a zone; null means the latest restorable time. */
  readonly time: string | null;
  readonly targetId: string;
}

export interface RestorePlan {
  readonly region: string;
  readonly source: string;
  readonly targetId: string;
  readonly time: string | null;
  readonly securityGroupIds: readonly string[];
  readonly sourceKmsKeyId?: string;
}

/** Tag that marks the instance as this run's, so a resumed run recognises it. */
export const RUN_TAG = 'xyz:dr-runbook-run';

/**
 * A copy of the source beside it, set up from the topology's description of the region's instance
 * (the one Terraform builds): same groups, class, storage, certificate, logs and protection.
 * RestoreDBInstanceToPointInTime takes no KMS key (the copy keeps the source's), no monitoring and
 * no Performance Insights settings; it is single-AZ because it is a copy to read from, not a primary.
 * It carries the platform's tags but not the stack's: no Terraform state manages it.
 */
export function restoreInput(plan: RestorePlan, settings: DatabaseInstanceSettings, runId: string): RestoreDBInstanceToPointInTimeCommandInput {
  return {
    SourceDBInstanceIdentifier: plan.source,
    TargetDBInstanceIdentifier: plan.targetId,
    ...(plan.time ? { RestoreTime: new Date(plan.time) } : { UseLatestRestorableTime: true }),
    ...describedInstanceFields(settings, plan.securityGroupIds),
    MultiAZ: false,
    EngineLifecycleSupport: settings.engine.lifecycleSupport,
    BackupRetentionPeriod: settings.primary.backupRetentionDays,
    PreferredBackupWindow: settings.primary.backupWindow,
    Tags: [
      ...Object.entries(settings.inheritedTags).map(([Key, Value]) => ({ Key, Value })),
      { Key: RUN_TAG, Value: runId },
      { Key: 'xyz:restored-from', Value: `${plan.source}@${plan.time ?? 'latest'}` },
    ],
  };
}

async function prepare(env: CommandEnv, request: RestoreRequest) {
  const { aws, clock } = env;
  const [source, target, window] = await Promise.all([
    probeInstance(aws.rds, request.region, request.source, { retry: BRIEF_RETRY }),
    probeInstance(aws.rds, request.region, request.targetId, { retry: BRIEF_RETRY }),
    aws.rds.restoreWindow(request.region, request.source, { retry: BRIEF_RETRY }).catch(() => undefined),
  ]);
  const checks: CheckResult[] = [];
  const check = (ok: boolean, text: string) => checks.push({ ok, text, guards: [STEP.restore] });
  const regionKey = regionByName(env.topology, request.region).names.kmsAlias;
  const notes: string[] = [];
  if (!source.reachable) check(false, `could not read ${request.source} in ${request.region}: ${source.error}`);
  else if (!source.view) check(false, `the source ${request.source} does not exist in ${request.region}`);
  else {
    const view = source.view;
    check(view.backupRetentionDays > 0, view.backupRetentionDays > 0 ? `${request.source} keeps automated backups (${view.backupRetentionDays} d)` : `${request.source} has no automated backups (retention 0): nothing to restore from`);
    const earliest = window?.earliest ? Date.parse(window.earliest) : clock.now() - view.backupRetentionDays * 86_400_000;
    const latest = window?.latest ?? view.latestRestorableTime;
    if (request.time) {
      const at = Date.parse(request.time);
      if (at < earliest) check(false, `${request.time} is before the earliest restorable time ${new Date(earliest).toISOString()}`);
      else if (latest && at > Date.parse(latest)) check(false, `${request.time} is after the latest restorable time ${latest}`);
      else check(true, `${request.time} is inside the restore window (${new Date(earliest).toISOString()} .. ${latest ?? 'now'})`);
    } else check(latest !== undefined, latest ? `latest restorable time is ${latest}` : `RDS reports no latest restorable time for ${request.source}`);
    check(view.securityGroupIds.length > 0, `security groups copied from ${request.source}: ${view.securityGroupIds.join(', ') || 'none found'}`);
    notes.push(`the new instance is encrypted with the source's KMS key (${view.kmsKeyId ?? 'unknown'}); RestoreDBInstanceToPointInTime takes no key of its own. The region's key is ${regionKey}.`);
  }
  if (!target.reachable) check(false, `could not check ${request.targetId}: ${target.error}`);
  else if (target.view) check(false, `${request.targetId} already exists in ${request.region}; choose another --target-id`);
  else check(true, `${request.targetId} is free`);
  const plan: RestorePlan | undefined =
    checks.every((entry) => entry.ok) && source.reachable && source.view
      ? { region: request.region, source: request.source, targetId: request.targetId, time: request.time, securityGroupIds: source.view.securityGroupIds, sourceKmsKeyId: source.view.kmsKeyId }
      : undefined;
  return { checks, notes, plan };
}

const RESTORE_FACTS = {
  requestedAt: fact('restoreRequestedAt', epochMs),
  restoredAt: fact('restoredAt', epochMs),
  /** address:port of the new instance. */
  endpoint: fact('restoredEndpoint', z.string()),
};

function restoreStep(plan: RestorePlan, topology: Topology, run: RunIdentity): Step {
  const input = restoreInput(plan, databaseInstanceSettings(topology, plan.region), run.runId);
  return {
    id: STEP.restore,
    title: `Restore ${plan.source} to ${plan.time ?? 'its latest restorable time'} as ${plan.targetId} (${plan.region})`,
    timeoutMs: 240 * 60_000,
    calls: [{ service: 'rds', region: plan.region, operation: 'RestoreDBInstanceToPointInTime', input }],
    waitsFor: `DescribeDBInstances shows ${plan.targetId} available with an endpoint`,
    facts: Object.values(RESTORE_FACTS),
    ifItFails: `${plan.targetId} may exist and still be creating; the source is untouched. Resume to keep waiting.`,
    async run(ctx) {
      const describe = () => ctx.aws.rds.describe(plan.region, plan.targetId, { deadline: ctx.deadline });
      const existing = await describe();
      if (existing && existing.tags[RUN_TAG] !== run.runId) throw new StepError(`${plan.targetId} already exists and was not created by this run (${RUN_TAG}=${existing.tags[RUN_TAG] ?? 'none'}); nothing was restored`);
      if (!existing) {
        ctx.memory.setFact(RESTORE_FACTS.requestedAt, ctx.clock.now());
        try {
          await ctx.aws.rds.restoreToPointInTime(plan.region, input, { deadline: ctx.deadline });
        } catch (error) {
          if (!(error instanceof AwsCallError && error.kind === 'already-exists')) throw error;
          const again = await describe();
          if (again?.tags[RUN_TAG] !== run.runId) throw error;
        }
      }
      const ready = found(await pollUntil(ctx, {
        what: `restore of ${plan.targetId}`,
        subject: { region: plan.region, id: plan.targetId },
        probe: describe,
        done: (view) => view?.status === 'available' && view.endpointAddress !== undefined,
        show: (view) => `status ${view?.status ?? 'not visible yet'}`,
      }), plan.targetId);
      ctx.memory.setFact(RESTORE_FACTS.restoredAt, ctx.clock.now());
      ctx.memory.setFact(RESTORE_FACTS.endpoint, `${ready.endpointAddress}:${ready.port ?? 3306}`);
      return { summary: `${plan.targetId} is available at ${ready.endpointAddress}:${ready.port ?? 3306}` };
    },
  };
}

function requestSchema(ctx: RequestContext) {
  const { topology } = ctx;
  const standardIds = topology.regions.map((region) => region.names.dbInstanceIdentifier);
  return z
    .strictObject({
      region: platformRegion(topology),
      source: rdsIdentifier(),
      time: pastTime(ctx).nullable(),
      targetId: rdsIdentifier(),
    })
    .superRefine((request, issues) => {
      const names = namesOf(topology, request.region);
      if (!names) return;
      // The region's database, or an instance kept aside from it (a -stale- copy, an earlier restore).
      const own = names.dbInstanceIdentifier;
      if (request.source !== own && !request.source.startsWith(`${own}-`)) issues.addIssue({ code: 'custom', path: ['source'], message: `not a database of the platform in ${request.region} (${own}, or one kept aside as ${own}-...)` });
      if (request.targetId === request.source) issues.addIssue({ code: 'custom', path: ['targetId'], message: 'the source itself; the restore goes into a new instance' });
      else if (standardIds.includes(request.targetId)) issues.addIssue({ code: 'custom', path: ['targetId'], message: 'the identifier of a platform database; choose a new name' });
    });
}

function planSchema(_ctx: RequestContext, request: RestoreRequest) {
  return z
    .object({
      region: z.string(),
      source: z.string(),
      targetId: z.string(),
      time: z.string().nullable(),
      securityGroupIds: placementSchema.shape.securityGroupIds,
      sourceKmsKeyId: z.string().optional(),
    })
    .superRefine((plan, issues) => {
      (['region', 'source', 'targetId', 'time'] as const).forEach((key) => expectValue(issues, [key], plan[key], request[key], `the ${key} of the request`));
    });
}

export const restoreCommand: ChangingCommand<RestoreRequest, RestorePlan> = {
  kind: 'changing',
  name: 'restore',
  resumeOverridable: [],
  usage: 'restore',
  summary: "point-in-time restore into a NEW instance (the source is untouched), with the region's security groups, parameter group and subnet group; prints its endpoint",
  guide: {
    synopsis: 'restore --time <ISO>|--latest',
    when: 'Bad data written (a bad deploy, a DELETE without WHERE): restore to a new instance beside the primary and print its endpoint.',
  },
  details: `The time must be inside the source's restore window (its automated backup retention).

Example:
  npm run dr-runbook -- restore --time 2025-03-01T02:15:00Z --target-id orders-before-bad-deploy --execute`,
  options: [
    { flags: '--time <iso-8601>', description: 'restore time with a zone, e.g. 2025-03-01T02:15:00Z', field: 'time', parse: parseIsoTime, conflicts: 'latest' },
    { flags: '--latest', description: 'restore to the latest restorable time' },
    { flags: '--region <region>', description: 'region of the source (default: the primary region)', field: 'region' },
    { flags: '--source <id>', description: "source instance (default: the region's instance from the topology)", field: 'source', parse: dbIdentifier },
    { flags: '--target-id <id>', description: 'identifier of the new instance (default: <source>-pitr-<yyyymmddhhmm>)', field: 'targetId', parse: dbIdentifier },
  ],
  request(options, { topology, now }) {
    const time = typeof options.time === 'string' ? options.time : undefined;
    if (!time && options.latest !== true) throw new InputError('restore: give --time <ISO-8601> or --latest');
    const region = typeof options.region === 'string' ? options.region : topology.primaryRegion;
    // An unknown region is reported by the request schema; the source then has no default.
    const source = typeof options.source === 'string' ? options.source : isPlatformRegion(topology, region) ? regionByName(topology, region).names.dbInstanceIdentifier : '';
    const targetId = typeof options.targetId === 'string' ? options.targetId : `${source}-pitr-${compactTimestamp(now).replace('T', '').slice(0, 12)}`;
    if (targetId.length > 63) throw new InputError(`restore: the default target identifier ${targetId} is too long; pass --target-id`);
    return { region, source, time: time ?? null, targetId };
  },
  requestSchema,
  planSchema,
  headline: (request) => `Point-in-time restore of ${request.source} (${request.region}) to ${request.time ?? 'the latest restorable time'}`,
  target: (request) => request.targetId,
  prepare,
  steps: (env, _request, plan, run) => [restoreStep(plan, env.topology, run)],
  confirmation: (plan) => plan.targetId,
  measures(_env, doc, _request, plan) {
    const requested = readFact(doc.facts, RESTORE_FACTS.requestedAt);
    const restored = readFact(doc.facts, RESTORE_FACTS.restoredAt);
    const endpoint = readFact(doc.facts, RESTORE_FACTS.endpoint);
    return {
      headline: `Point-in-time restore of ${plan.source} as ${plan.targetId} (${plan.region})`,
      results: {
        'Restored to': plan.time ?? 'latest restorable time',
        ...(endpoint !== undefined ? { Endpoint: endpoint } : {}),
        ...(requested !== undefined && restored !== undefined ? { 'Restore took': formatDuration(restored - requested) } : {}),
      },
      nextSteps:
        endpoint !== undefined
          ? [
              `Connect to ${endpoint} (master credentials as for ${plan.source}) to inspect or copy data. It is not managed by Terraform.`,
              `Delete it when done: aws rds modify-db-instance --region ${plan.region} --db-instance-identifier ${plan.targetId} --no-deletion-protection --apply-immediately && aws rds delete-db-instance --region ${plan.region} --db-instance-identifier ${plan.targetId} --skip-final-snapshot`,
            ]
          : [],
    };
  },
};
