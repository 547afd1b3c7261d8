import { regionByName } from '@xyz/topology';
import { z } from 'zod';
import { BRIEF_RETRY, PERSISTENT_RETRY } from '../aws/retry-policy';
import { ENDPOINT_FACTS } from '../runbook/actions/endpoint';
import { FENCE_FACTS, fenceStep } from '../runbook/actions/fence';
import { PROMOTE_FACTS } from '../runbook/actions/promote';
import { TOPOLOGY_FACTS } from '../runbook/actions/topology-change';
import { readFact } from '../runbook/facts';
import { lagWaitStep } from '../runbook/actions/lag-wait';
import { placementFrom, rebuildReplicasStep, type ReplicaSpec, staleIdentifier } from '../runbook/actions/replica';
import type { ChangingCommand, CheckResult, CommandEnv, RequestContext } from '../runbook/command';
import type { Step } from '../runbook/step';
import { instanceArn, probeInstance, staleCleanupHint, staleFacts } from './shared';
import { promotionSteps } from './promotion-steps';
import { expectPromotionEnds, expectValue, namesOf, type PromotionEnds, promotionEndsFields, promotionRegions, replicaSpecSchema } from './plan-fields';
import { planReplicaRebuilds } from './replica-rebuilds';
import { boundsText } from '../core/bounds';
import { secondsIn } from '../cli/parse';
import { CATCH_UP_LAG_BOUNDS, promotionRequestSchema, requiredTarget, seconds } from './request-fields';
import { stateRebindNote, stateRebinds, stateRebindSteps } from './state-rebind';
import { STEP } from '../runbook/step-ids';

export interface FailbackRequest {
  readonly to: string;
  /** "Near zero": the replica must be this close before writes are fenced. */
  readonly catchUpLagSeconds: number;
  readonly writeTopology: boolean;
}

export interface FailbackPlan extends PromotionEnds {
  /** The replica of the current primary created in the recovered region. */
  readonly newReplica: ReplicaSpec;
  /** Every other region, rebuilt from the new primary once it is promoted. */
  readonly replicas: readonly ReplicaSpec[];
}

async function prepare(env: CommandEnv, request: FailbackRequest, runStartedAt: number) {
  const { topology, aws } = env;
  const { from: current, target, fromId, toId, others } = promotionRegions(topology, request.to);
  const [primaryProbe, targetProbe, otherProbes, writer] = await Promise.all([
    probeInstance(aws.rds, current.region, fromId, { retry: PERSISTENT_RETRY }),
    probeInstance(aws.rds, target.region, toId, { retry: PERSISTENT_RETRY }),
    Promise.all(others.map((region) => probeInstance(aws.rds, region.region, region.names.dbInstanceIdentifier, { retry: BRIEF_RETRY }))),
    aws.endpoints.get(current.region, current.names.writerEndpointParameter, { retry: PERSISTENT_RETRY }).then(
      (value) => ({ value }),
      (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
    ),
  ]);
  const checks: CheckResult[] = [];
  const notes: string[] = [];
  // Until the promotion the current primary takes writes and is the source; from the fence on, it refuses them.
  const check = (ok: boolean, text: string, guards: readonly string[] = [STEP.createReplica, STEP.catchUp, STEP.fence, STEP.drain, STEP.promote]) => checks.push({ ok, text, guards });
  const staleOf = (id: string) => staleIdentifier(id, runStartedAt);

  if (!primaryProbe.reachable) check(false, `could not read the current primary ${fromId} (${current.region}): ${primaryProbe.error}. A failback needs it; use \`failover --force\` if its region is down.`);
  else if (!primaryProbe.view) check(false, `the current primary ${fromId} does not exist in ${current.region}; run \`status\``);
  else if (primaryProbe.view.sourceArn) check(false, `${fromId} (${current.region}) is a replica of ${primaryProbe.view.sourceArn}, not a primary: the topology does not match AWS. Run \`status\`.`);
  else if (primaryProbe.view.status !== 'available') check(false, `the current primary ${fromId} is ${primaryProbe.view.status}, not available`);
  else check(true, `the current primary ${fromId} (${current.region}) is available`);

  // The topology names the primary; the writer endpoint says where applications really write. If
  // they disagree (a failover whose topology change was never applied), a failback would move the
  // real primary aside: refuse.
  const primaryAddress = primaryProbe.reachable ? primaryProbe.view?.endpointAddress : undefined;
  if ('error' in writer) check(false, `could not read ${current.names.writerEndpointParameter} in ${current.region}: ${writer.error}`);
  else if (primaryAddress && writer.value !== primaryAddress) {
    check(false, `the writer endpoint ${current.names.writerEndpointParameter} in ${current.region} is ${writer.value ?? 'missing'}, not ${fromId}'s ${primaryAddress}: the topology does not match where applications write. Run \`status\`.`);
  } else if (primaryAddress) check(true, `the writer endpoint names ${fromId}`);

  const fromArn = instanceArn(topology, current);
  const targetCheck = (ok: boolean, text: string) => check(ok, text, [STEP.createReplica]);
  if (!targetProbe.reachable) targetCheck(false, `could not read ${toId} in ${target.region} (${targetProbe.error}): a failback needs the recovered region`);
  else if (!targetProbe.view) targetCheck(false, `there is no instance ${toId} in ${target.region} to copy its security groups from; deploy the region's stack first`);
  else if (targetProbe.view.sourceArn === fromArn) targetCheck(true, `${toId} (${target.region}) is already a replica of ${fromId}: it is reused`);
  else targetCheck(true, `${toId} (${target.region}) is ${targetProbe.view.sourceArn ? `a replica of ${targetProbe.view.sourceArn}` : 'standalone (the old primary)'}: it is renamed to ${staleOf(toId)} and kept, and a new replica takes its identifier`);

  // Once promoted, the recovered region is the source of every other region, the current primary's included.
  const rebuilds = planReplicaRebuilds({
    source: { region: target.region, id: toId, arn: instanceArn(topology, target) },
    candidates: [{ region: current, probe: primaryProbe }, ...others.map((region, i) => ({ region, probe: otherProbes[i] }))],
    formerPrimaryRegion: current.region,
    runStartedAt,
    stepId: STEP.rebuildReplicas,
  });
  checks.push(...rebuilds.checks);
  notes.push(...rebuilds.notes);
  notes.push(`writes are refused from the fence (step 3) until the writer endpoint names ${toId} (step 7); applications must retry or queue writes meanwhile`);
  const targetReused = targetProbe.reachable && targetProbe.view?.sourceArn === fromArn;
  const rebindNote = stateRebindNote(topology, [...(targetReused ? [] : [target.region]), ...rebuilds.specs.map((spec) => spec.region)]);
  if (rebindNote) notes.push(rebindNote);

  const ready = checks.every((entry) => entry.ok) && targetProbe.reachable && targetProbe.view;
  const plan: FailbackPlan | undefined = ready
    ? {
        from: current.region,
        fromId,
        fromParameterGroup: current.names.dbParameterGroup,
        to: target.region,
        toId,
        toEndpoint: targetProbe.view?.endpointAddress,
        newReplica: {
          region: target.region,
          id: toId,
          staleId: staleOf(toId),
          sourceRegion: current.region,
          sourceId: fromId,
          sourceArn: fromArn,
          // After a failover, the recovered region holds the old primary, fenced (or down) since.
          replacesStandalone: true,
          placement: targetProbe.view ? placementFrom(targetProbe.view) : undefined,
        },
        replicas: rebuilds.specs,
      }
    : undefined;
  return { checks, notes, plan };
}

function requestSchema(ctx: RequestContext) {
  return promotionRequestSchema(ctx, { catchUpLagSeconds: seconds(CATCH_UP_LAG_BOUNDS) });
}

function planSchema(ctx: RequestContext, request: FailbackRequest) {
  const { topology } = ctx;
  const toId = namesOf(topology, request.to)?.dbInstanceIdentifier ?? '';
  const others = topology.regions.map((region) => region.region).filter((region) => region !== request.to);
  return z
    .object({
      ...promotionEndsFields(topology),
      newReplica: replicaSpecSchema(topology, undefined, [request.to]),
      replicas: z.array(replicaSpecSchema(topology, { region: request.to, id: toId }, others)),
    })
    .superRefine((plan, issues) => {
      const from = expectPromotionEnds(ctx, issues, plan, request.to);
      if (!from) return;
      // The new replica in the recovered region replicates from the current primary.
      expectValue(issues, ['newReplica', 'sourceRegion'], plan.newReplica.sourceRegion, plan.from, 'the current primary region');
      expectValue(issues, ['newReplica', 'sourceId'], plan.newReplica.sourceId, from.dbInstanceIdentifier, 'the current primary');
      expectValue(issues, ['newReplica', 'sourceArn'], plan.newReplica.sourceArn, instanceArn(topology, regionByName(topology, plan.from)), 'the ARN of the current primary');
    });
}

/** "Near zero": writes are fenced once the new replica is this close. */
const DEFAULT_CATCH_UP_LAG_SECONDS = 5;

export const failbackCommand: ChangingCommand<FailbackRequest, FailbackPlan> = {
  kind: 'changing',
  name: 'failback',
  resumeOverridable: ['writeTopology'],
  usage: 'failback',
  summary: 'planned return of the primary to a recovered region: new replica there, catch up, fence writes, promote, switch the endpoint, rebuild the replicas',
  guide: {
    synopsis: 'failback --to <region>',
    when: 'After a failover, once the old region is healthy: planned move back with writes fenced, so nothing is lost.',
  },
  details: `Writes are fenced by setting read_only=1 in the current primary's parameter group (it binds the
RDS master user too); the runbook then waits until the replica reports ReplicaLag 0 after the
fence, so the promotion loses nothing. Writes fail from the fence until the endpoint switch.

Example:
  npm run dr-runbook -- failback --to us-east-1 --execute --write-topology`,
  options: [
    { flags: '--to <region>', description: 'recovered region that becomes the primary again', field: 'to' },
    {
      flags: '--catch-up-lag <seconds>',
      description: `ReplicaLag the new replica must reach before writes are fenced, ${boundsText(CATCH_UP_LAG_BOUNDS)}`,
      field: 'catchUpLagSeconds',
      parse: secondsIn(CATCH_UP_LAG_BOUNDS),
      defaultValue: DEFAULT_CATCH_UP_LAG_SECONDS,
    },
    { flags: '--write-topology', description: 'write the new primaryRegion into the topology file (otherwise the change is printed)', field: 'writeTopology' },
  ],
  request: (options) => ({
    to: requiredTarget(options.to, 'failback'),
    catchUpLagSeconds: typeof options.catchUpLag === 'number' ? options.catchUpLag : DEFAULT_CATCH_UP_LAG_SECONDS,
    writeTopology: options.writeTopology === true,
  }),
  requestSchema,
  planSchema,
  headline: (request) => `Planned failback of the primary to ${request.to}`,
  target: (request) => request.to,
  newPrimary: (request) => request.to,
  prepare,
  steps(env, request, plan): Step[] {
    const { topology } = env;
    const target = { region: plan.to, id: plan.toId };
    return [
      rebuildReplicasStep([plan.newReplica], topology, STEP.createReplica),
      lagWaitStep({
        id: STEP.catchUp,
        title: `Wait until ${plan.toId} has caught up (ReplicaLag <= ${request.catchUpLagSeconds} s)`,
        replica: target,
        maxLagSeconds: request.catchUpLagSeconds,
        timeoutMs: 240 * 60_000,
        ifItFails: `nothing is fenced yet and ${plan.fromId} still takes writes. Resume to keep waiting.`,
      }),
      fenceStep({ region: plan.from, id: plan.fromId, parameterGroup: plan.fromParameterGroup, required: true }),
      lagWaitStep({
        id: STEP.drain,
        title: `Wait until ${plan.toId} has applied every write (ReplicaLag 0 after the fence)`,
        replica: target,
        maxLagSeconds: 0,
        notBeforeFact: FENCE_FACTS.fencedAt,
        timeoutMs: 30 * 60_000,
        ifItFails: `writes are fenced on ${plan.fromId}: applications cannot write. Resume promptly, or clear the fence (see the fence step) to return to ${plan.from}.`,
      }),
      ...promotionSteps(env, plan, request.writeTopology),
    ];
  },
  confirmation: (plan) => plan.toId,
  measures(env, doc, _request, plan) {
    const fenced = readFact(doc.facts, FENCE_FACTS.requestedAt) ?? readFact(doc.facts, FENCE_FACTS.fencedAt);
    const switched = readFact(doc.facts, ENDPOINT_FACTS.switchedAt);
    const lag = readFact(doc.facts, PROMOTE_FACTS.lagAtPromotionSeconds);
    const writerEndpoint = readFact(doc.facts, ENDPOINT_FACTS.address);
    const topologyWritten = doc.steps.find((step) => step.id === STEP.topology)?.status === 'done' && readFact(doc.facts, TOPOLOGY_FACTS.pending) === false;
    const stale = staleFacts(doc.facts);
    const rebinds = stateRebinds(env.topology, doc.facts);
    const rebindFirst = rebinds.length > 0 ? ' and rebind the Terraform state as below' : '';
    return {
      headline: `Planned failback from ${plan.from} to ${plan.to}`,
      rto: fenced !== undefined && switched !== undefined ? { ms: switched - fenced, definition: 'writes refused: from the fence request until the writer endpoint named the new primary' } : undefined,
      rpo: lag !== undefined ? { seconds: lag, definition: 'CloudWatch ReplicaLag of the replica just before its promotion, after writes were fenced' } : undefined,
      results: {
        'New primary': `${plan.toId} (${plan.to})`,
        ...(writerEndpoint !== undefined ? { 'Writer endpoint': writerEndpoint } : {}),
        ...(stale.length > 0 ? { 'Kept aside': stale.join(', ') } : {}),
      },
      nextSteps: [
        topologyWritten
          ? `Commit ${env.topologyFileShown}${rebindFirst}, then run the stacks' plan: the databases should be updated in place, not replaced.`
          : `Set "primaryRegion": "${plan.to}" in ${env.topologyFileShown} (or resume with --write-topology)${rebindFirst}, then run the stacks' plan.`,
        ...stateRebindSteps(rebinds),
        ...staleCleanupHint(doc.facts),
      ],
      stateRebinds: rebinds,
    };
  },
};
