import { regionByName } from '@xyz/topology';
import { z } from 'zod';
import { BRIEF_RETRY, PERSISTENT_RETRY, PROBE_RETRY } from '../aws/retry-policy';
import { formatDuration } from '../core/format';
import { ENDPOINT_FACTS } from '../runbook/actions/endpoint';
import { FENCE_FACTS, fenceStep } from '../runbook/actions/fence';
import { PROMOTE_FACTS } from '../runbook/actions/promote';
import { TOPOLOGY_FACTS } from '../runbook/actions/topology-change';
import { readFact } from '../runbook/facts';
import type { ReplicaSpec } from '../runbook/actions/replica';
import type { ChangingCommand, CheckResult, CommandEnv, RequestContext } from '../runbook/command';
import type { Step } from '../runbook/step';
import { instanceArn, probeInstance, staleCleanupHint, staleFacts } from './shared';
import { promotionSteps } from './promotion-steps';
import { expectPromotionEnds, expectValue, namesOf, type PromotionEnds, promotionEndsFields, promotionRegions, replicaSpecSchema } from './plan-fields';
import { planReplicaRebuilds } from './replica-rebuilds';
import { boundsText } from '../core/bounds';
import { secondsIn } from '../cli/parse';
import { MAX_LAG_BOUNDS, promotionRequestSchema, requiredTarget, seconds } from './request-fields';
import { stateRebindNote, stateRebinds, stateRebindSteps } from './state-rebind';
import { STEP } from '../runbook/step-ids';

export interface FailoverRequest {
  readonly to: string;
  readonly force: boolean;
  readonly maxLagSeconds: number;
  readonly writeTopology: boolean;
}

export interface FailoverPlan extends PromotionEnds {
  readonly fromArn: string;
  /** The old primary answered while planning: fence its writes before promoting. */
  readonly fenceOldPrimary: boolean;
  /** The old primary's region did not answer while planning (not: answered without the instance). */
  readonly oldPrimaryUnreachable?: boolean;
  readonly lagSeconds: number | null;
  readonly replicas: readonly ReplicaSpec[];
}

async function prepare(env: CommandEnv, request: FailoverRequest, runStartedAt: number) {
  const { topology, aws } = env;
  const { from: primary, target, fromId, toId, others: survivors } = promotionRegions(topology, request.to);
  const fromArn = instanceArn(topology, primary);
  const [targetProbe, primaryProbe, lag, survivorProbes] = await Promise.all([
    probeInstance(aws.rds, target.region, toId, { retry: PERSISTENT_RETRY }),
    // With --force the user says the region is down: one quick probe, do not wait out an outage.
    probeInstance(aws.rds, primary.region, fromId, { retry: request.force ? PROBE_RETRY : BRIEF_RETRY }),
    aws.lag.latest(target.region, toId, { retry: PERSISTENT_RETRY }).catch(() => undefined),
    Promise.all(survivors.map((region) => probeInstance(aws.rds, region.region, region.names.dbInstanceIdentifier, { retry: BRIEF_RETRY }))),
  ]);
  const checks: CheckResult[] = [];
  const notes: string[] = [];
  // What the promotion needs; the fence (when there is one) runs before it and needs the same.
  const beforePromotion = [STEP.fence, STEP.promote];
  const check = (ok: boolean, text: string) => checks.push({ ok, text, guards: beforePromotion });

  if (!targetProbe.reachable) check(false, `could not read ${toId} in ${target.region}: ${targetProbe.error}`);
  else if (!targetProbe.view) check(false, `${toId} does not exist in ${target.region}`);
  else {
    const view = targetProbe.view;
    if (!view.sourceArn) check(false, `${toId} is not a read replica (it is already standalone): has a failover already happened? Run \`status\`.`);
    else if (view.sourceArn !== fromArn) check(false, `${toId} replicates from ${view.sourceArn}, not from the current primary ${fromArn}`);
    else check(true, `${toId} (${target.region}) is a replica of the current primary ${fromId} (${primary.region})`);
    if (view.status === 'backing-up') check(false, `${toId} is backing-up: RDS cannot promote a replica while it backs up. Wait until it is available and run again.`);
    else if (view.status !== 'available') check(false, `${toId} is ${view.status}, not available`);
    else check(true, `${toId} is available`);
  }

  if (request.force) check(true, `replica lag check skipped (--force); last ReplicaLag: ${lag ? `${lag.seconds} s` : 'unknown'}`);
  else if (!lag) check(false, `no ReplicaLag datapoint for ${toId} in the last 10 minutes, so the data loss cannot be estimated. If the primary's region is down, re-run with --force.`);
  else if (lag.seconds > request.maxLagSeconds) check(false, `ReplicaLag of ${toId} is ${lag.seconds} s, above --max-lag ${request.maxLagSeconds} s: promoting now loses about that much of the latest writes. Wait for it to catch up, or re-run with --force if the primary's region is down.`);
  else check(true, `ReplicaLag of ${toId} is ${lag.seconds} s (limit ${request.maxLagSeconds} s)`);

  let fenceOldPrimary = false;
  if (!primaryProbe.reachable) {
    if (request.force) notes.push(`the primary ${fromId} (${primary.region}) could not be read (${primaryProbe.error}): its writes cannot be fenced. Writes it took that were not replicated are lost.`);
    else check(false, `the primary ${fromId} (${primary.region}) could not be read (${primaryProbe.error}). If ${primary.region} is down, re-run with --force.`);
  } else if (!primaryProbe.view) {
    if (request.force) notes.push(`the primary ${fromId} does not exist in ${primary.region}`);
    else check(false, `the primary ${fromId} does not exist in ${primary.region}; run \`status\`, and re-run with --force if you are sure`);
  } else if (primaryProbe.view.sourceArn) {
    check(false, `${fromId} (${primary.region}) is itself a replica of ${primaryProbe.view.sourceArn}: the topology does not match AWS. Run \`status\`.`);
  } else {
    fenceOldPrimary = true;
    check(true, `the primary ${fromId} answers (status ${primaryProbe.view.status}): its writes are fenced before the promotion`);
  }

  // The old primary's region is not rebuilt: it is down or fenced, and `failback` brings it back.
  const rebuilds = planReplicaRebuilds({
    source: { region: target.region, id: toId, arn: instanceArn(topology, target) },
    candidates: survivors.map((region, i) => ({ region, probe: survivorProbes[i] })),
    runStartedAt,
    stepId: STEP.rebuildReplicas,
  });
  checks.push(...rebuilds.checks);
  notes.push(...rebuilds.notes);

  const rebindNote = stateRebindNote(topology, rebuilds.specs.map((spec) => spec.region));
  if (rebindNote) notes.push(rebindNote);

  const ready = checks.every((entry) => entry.ok) && targetProbe.reachable && targetProbe.view;
  const plan: FailoverPlan | undefined = ready
    ? {
        from: primary.region,
        fromId,
        fromArn,
        fromParameterGroup: primary.names.dbParameterGroup,
        fenceOldPrimary,
        oldPrimaryUnreachable: !primaryProbe.reachable,
        to: target.region,
        toId,
        toEndpoint: targetProbe.view?.endpointAddress,
        lagSeconds: lag ? lag.seconds : null,
        replicas: rebuilds.specs,
      }
    : undefined;
  return { checks, notes, plan };
}

function requestSchema(ctx: RequestContext) {
  return promotionRequestSchema(ctx, { force: z.boolean(), maxLagSeconds: seconds(MAX_LAG_BOUNDS) });
}

function planSchema(ctx: RequestContext, request: FailoverRequest) {
  const { topology } = ctx;
  const survivors = topology.regions.map((region) => region.region).filter((region) => region !== request.to);
  return z
    .object({
      ...promotionEndsFields(topology),
      fromArn: z.string(),
      fenceOldPrimary: z.boolean(),
      oldPrimaryUnreachable: z.boolean().optional(),
      lagSeconds: z.number().nullable(),
      replicas: z.array(replicaSpecSchema(topology, { region: request.to, id: namesOf(topology, request.to)?.dbInstanceIdentifier ?? '' }, survivors)),
    })
    .superRefine((plan, issues) => {
      const from = expectPromotionEnds(ctx, issues, plan, request.to);
      if (!from) return;
      expectValue(issues, ['fromArn'], plan.fromArn, instanceArn(topology, regionByName(topology, plan.from)), `the ARN of ${from.dbInstanceIdentifier}`);
      plan.replicas.forEach((spec, i) => {
        if (spec.region === plan.from) issues.addIssue({ code: 'custom', path: ['replicas', i, 'region'], message: 'the old primary region, which a failover does not rebuild' });
      });
    });
}

export const failoverCommand: ChangingCommand<FailoverRequest, FailoverPlan> = {
  kind: 'changing',
  name: 'failover',
  resumeOverridable: ['writeTopology'],
  usage: 'failover',
  summary: 'regional failover: promote the replica in --to, make it Multi-AZ, switch the writer endpoint, rebuild the other replicas, update the topology',
  guide: {
    synopsis: 'failover --to <region>',
    when: "The primary's region is failing: promote that region's replica, make it Multi-AZ, switch the writer endpoint, rebuild the other replicas, and print (or --write-topology) the one-value topology change. Add --force when the primary's region is down (skips the lag check).",
  },
  details: `Steps: fence the old primary if it answers (read_only=1), promote with the topology's backup
retention, start Multi-AZ, point the writer endpoint parameter at it in every region, wait for
Multi-AZ, rebuild the surviving replicas (the old ones are renamed *-stale-* and kept), then the
topology change. Pre-checks: the target is an available replica of the current primary, not
backing-up, and its lag is under --max-lag (unless --force).

Examples:
  npm run dr-runbook -- failover --to us-west-2                    # checks and plan only
  npm run dr-runbook -- failover --to us-west-2 --force --execute  # us-east-1 is down
  npm run dr-runbook -- failover --resume --execute                # continue a stopped run`,
  options: [
    { flags: '--to <region>', description: 'region whose replica becomes the primary', field: 'to' },
    { flags: '--force', description: "the primary's region is down: skip the replica lag check and do not require the primary to answer", field: 'force' },
    {
      flags: '--max-lag <seconds>',
      description: `refuse (without --force) when ReplicaLag is above this, ${boundsText(MAX_LAG_BOUNDS)} (default: the topology alarm threshold)`,
      field: 'maxLagSeconds',
      parse: secondsIn(MAX_LAG_BOUNDS),
    },
    { flags: '--write-topology', description: 'write the new primaryRegion into the topology file (otherwise the change is printed)', field: 'writeTopology' },
  ],
  request: (options, { topology }) => ({
    to: requiredTarget(options.to, 'failover'),
    force: options.force === true,
    maxLagSeconds: typeof options.maxLag === 'number' ? options.maxLag : topology.alarms.rdsReplicaLagSeconds,
    writeTopology: options.writeTopology === true,
  }),
  requestSchema,
  planSchema,
  headline: (request) => `Regional failover to ${request.to}`,
  target: (request) => request.to,
  newPrimary: (request) => request.to,
  prepare,
  steps(env, request, plan): Step[] {
    return [
      ...(plan.fenceOldPrimary ? [fenceStep({ region: plan.from, id: plan.fromId, parameterGroup: plan.fromParameterGroup, required: false })] : []),
      ...promotionSteps(env, plan, request.writeTopology),
    ];
  },
  confirmation: (plan) => plan.toId,
  measures(env, doc, request, plan) {
    const started = Date.parse(doc.startedAt);
    const switched = readFact(doc.facts, ENDPOINT_FACTS.switchedAt);
    const lag = readFact(doc.facts, PROMOTE_FACTS.lagAtPromotionSeconds);
    const promotedAt = readFact(doc.facts, PROMOTE_FACTS.promotedAt);
    const promoteRequestedAt = readFact(doc.facts, PROMOTE_FACTS.requestedAt);
    const writerEndpoint = readFact(doc.facts, ENDPOINT_FACTS.address);
    const topologyDone = doc.steps.find((step) => step.id === STEP.topology)?.status === 'done';
    const oldPrimaryStack = env.topology.regions.find((region) => region.region === plan.from)?.stackName ?? plan.from;
    const rebinds = stateRebinds(env.topology, doc.facts);
    const rebindFirst = rebinds.length > 0 ? ' and rebind the Terraform state as below' : '';
    const nextSteps = [
      // The old primary's region did not answer while planning: it is down for the stacks too.
      ...(plan.oldPrimaryUnreachable !== true
        ? []
        : [`Declare ${plan.from} down before you plan (export XYZ_REGIONS_DOWN=${plan.from}, and for CI: gh variable set XYZ_REGIONS_DOWN --body ${plan.from}): Nx then plans and deploys only the stacks whose region is up. Remove it once ${plan.from} answers again.`]),
      topologyDone && readFact(doc.facts, TOPOLOGY_FACTS.pending) === false
        ? `Commit ${env.topologyFileShown}${rebindFirst}, then run the stacks' plan: ${plan.toId} should be updated in place (no replicate_source_db), not replaced.`
        : `Set "primaryRegion": "${plan.to}" in ${env.topologyFileShown} (or resume with --write-topology)${rebindFirst}, then run the stacks' plan: ${plan.toId} should be updated in place, not replaced.`,
      ...stateRebindSteps(rebinds),
      `The old primary ${plan.fromId} (${plan.from}) is ${readFact(doc.facts, FENCE_FACTS.fencedAt) !== undefined ? 'fenced (read_only=1)' : 'not fenced'} and no longer replicated. Do not apply the ${oldPrimaryStack} stack until a replica exists there (Terraform would replace that instance). When ${plan.from} is healthy, run: npm run dr-runbook -- failback --to ${plan.from}`,
      ...staleCleanupHint(doc.facts),
    ];
    const stale = staleFacts(doc.facts);
    return {
      headline: `Regional failover from ${plan.from} to ${plan.to}`,
      rto: switched !== undefined ? { ms: switched - started, definition: 'from the start of the run until the writer endpoint named the promoted primary' } : undefined,
      rpo: doc.steps.find((step) => step.id === STEP.promote)?.status === 'done' || lag !== undefined ? { seconds: lag ?? null, definition: 'CloudWatch ReplicaLag of the replica just before its promotion' } : undefined,
      results: {
        'New primary': `${plan.toId} (${plan.to})`,
        ...(writerEndpoint !== undefined ? { 'Writer endpoint': writerEndpoint } : {}),
        ...(promotedAt !== undefined && promoteRequestedAt !== undefined ? { 'Promotion took': formatDuration(promotedAt - promoteRequestedAt) } : {}),
        ...(stale.length > 0 ? { 'Kept aside': stale.join(', ') } : {}),
        ...(request.force ? { Forced: 'yes (--force)' } : {}),
      },
      nextSteps,
      stateRebinds: rebinds,
    };
  },
};
