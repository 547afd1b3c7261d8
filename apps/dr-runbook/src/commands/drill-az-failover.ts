import { primaryRegionOf } from '@xyz/topology';
import { z } from 'zod';
import type { InstanceView } from '../aws/instance-view';
import { PERSISTENT_RETRY } from '../aws/retry-policy';
import { StepError } from '../core/errors';
import { formatDuration } from '../core/format';
import type { ChangingCommand, CheckResult, CommandEnv, RequestContext } from '../runbook/command';
import { found, pollUntil } from '../runbook/poll';
import { requestOnce } from '../runbook/request-once';
import type { Step } from '../runbook/step';
import { expectTopologyPrimary, expectValue, namesOf } from './plan-fields';
import { platformRegion } from './request-fields';
import { probeInstance } from './shared';
import { STEP } from '../runbook/step-ids';
import { epochMs, fact, readFact } from '../runbook/facts';

export type DrillRequest = Record<string, never>;

export interface DrillPlan {
  readonly region: string;
  readonly id: string;
  readonly availabilityZone?: string;
  readonly standbyZone?: string;
}

async function prepare(env: CommandEnv) {
  const primary = primaryRegionOf(env.topology);
  const id = primary.names.dbInstanceIdentifier;
  const probe = await probeInstance(env.aws.rds, primary.region, id, { retry: PERSISTENT_RETRY });
  const checks: CheckResult[] = [];
  const check = (ok: boolean, text: string) => checks.push({ ok, text, guards: [STEP.forcedFailover] });
  let view: InstanceView | undefined;
  if (!probe.reachable) check(false, `could not read ${id} in ${primary.region}: ${probe.error}`);
  else if (!probe.view) check(false, `the primary ${id} does not exist in ${primary.region}`);
  else {
    view = probe.view;
    check(!view.sourceArn, view.sourceArn ? `${id} is a replica of ${view.sourceArn}, not the primary: the topology does not match AWS. Run \`status\`.` : `${id} (${primary.region}) is the primary`);
    check(view.multiAZ, view.multiAZ ? `${id} is Multi-AZ (standby in ${view.secondaryAvailabilityZone ?? 'an unknown zone'})` : `${id} is single-AZ: RDS refuses a forced failover (RebootDBInstance ForceFailover) without a standby`);
    if (view.status === 'rebooting') check(false, `${id} is already rebooting; wait until it is available`);
    else check(view.status === 'available', view.status === 'available' ? `${id} is available` : `${id} is ${view.status}, not available`);
  }
  const plan: DrillPlan | undefined = checks.every((entry) => entry.ok) && view ? { region: primary.region, id, availabilityZone: view.availabilityZone, standbyZone: view.secondaryAvailabilityZone } : undefined;
  return { checks, notes: ['connections to the primary drop during the failover (typically 60-120 s); applications must reconnect'], plan };
}

const DRILL_FACTS = {
  rebootRequestedAt: fact('rebootRequestedAt', epochMs),
  availableAgainAt: fact('availableAgainAt', epochMs),
  availabilityZoneAfter: fact('availabilityZoneAfter', z.string().nullable()),
};

function forcedFailoverStep(plan: DrillPlan): Step {
  const input = { DBInstanceIdentifier: plan.id, ForceFailover: true };
  return {
    id: STEP.forcedFailover,
    title: `Force a Multi-AZ failover of ${plan.id} (${plan.region})`,
    timeoutMs: 20 * 60_000,
    calls: [{ service: 'rds', region: plan.region, operation: 'RebootDBInstance', input }],
    waitsFor: 'DescribeDBInstances shows the reboot started (status rebooting or a new zone), then status available',
    facts: Object.values(DRILL_FACTS),
    ifItFails: `${plan.id} may still be failing over. Check \`npm run dr-runbook -- status\`; resume to keep measuring.`,
    async run(ctx) {
      const describe = () => ctx.aws.rds.describe(plan.region, plan.id, { deadline: ctx.deadline });
      const moved = (view: InstanceView | undefined) => view !== undefined && plan.availabilityZone !== undefined && view.availabilityZone !== plan.availabilityZone;
      const current = await describe();
      if (!current) throw new StepError(`${plan.id} does not exist in ${plan.region}`);
      if (ctx.memory.intent('reboot') === undefined && current.status !== 'available') {
        await pollUntil(ctx, { what: `${plan.id} to be available`, subject: plan, probe: describe, done: (view) => view?.status === 'available', show: (view) => `status ${view?.status ?? 'not found'}` });
      }
      await requestOnce(ctx, {
        key: 'reboot',
        what: 'RebootDBInstance (ForceFailover)',
        subject: plan,
        visible: async () => {
          const view = await describe();
          return view === undefined || view.status !== 'available' || moved(view);
        },
        send: async () => {
          ctx.memory.setFact(DRILL_FACTS.rebootRequestedAt, ctx.clock.now());
          await ctx.aws.rds.reboot(plan.region, input, { deadline: ctx.deadline });
        },
      });
      const done = found(await pollUntil(ctx, {
        what: `failover of ${plan.id}`,
        subject: plan,
        probe: describe,
        started: (view) => view === undefined || view.status !== 'available' || moved(view),
        done: (view, started) => started && view?.status === 'available',
        show: (view) => (view ? `status ${view.status} in ${view.availabilityZone ?? '?'}` : 'not found'),
      }), plan.id);
      ctx.memory.setFact(DRILL_FACTS.availableAgainAt, ctx.clock.now());
      ctx.memory.setFact(DRILL_FACTS.availabilityZoneAfter, done.availabilityZone ?? null);
      const requested = ctx.memory.fact(DRILL_FACTS.rebootRequestedAt);
      const took = requested !== undefined ? ` in ${formatDuration(ctx.clock.now() - requested)}` : '';
      if (!moved(done)) {
        return { summary: `${plan.id} is available again${took}`, warnings: [`${plan.id} is still in ${done.availabilityZone ?? 'the same zone'}: RDS did not report a zone change`] };
      }
      return { summary: `${plan.id} failed over from ${plan.availabilityZone} to ${done.availabilityZone}${took}` };
    },
  };
}

/** A drill acts on the primary the topology names, under its standard identifier. */
function planSchema(ctx: RequestContext) {
  const { topology } = ctx;
  return z
    .object({ region: platformRegion(topology), id: z.string(), availabilityZone: z.string().optional(), standbyZone: z.string().optional() })
    .superRefine((plan, issues) => {
      const names = namesOf(topology, plan.region);
      if (!names) return;
      expectTopologyPrimary({ ...ctx, targetPromoted: false }, issues, ['region'], plan.region);
      expectValue(issues, ['id'], plan.id, names.dbInstanceIdentifier, `the identifier the topology gives ${plan.region}`);
    });
}

export const drillAzFailoverCommand: ChangingCommand<DrillRequest, DrillPlan> = {
  kind: 'changing',
  name: 'drill-az-failover',
  resumeOverridable: [],
  usage: 'drill az-failover',
  summary: 'force a Multi-AZ failover of the primary (RebootDBInstance ForceFailover) and measure the time until it is available again',
  guide: {
    synopsis: 'drill az-failover',
    when: 'Rehearsal in a quiet hour: forces a Multi-AZ failover of the primary and measures how long writes were unavailable (~1-2 min).',
  },
  details: `Pre-checks: the primary is Multi-AZ, available and not already rebooting.
Connections drop for about 1-2 minutes; run it in a quiet hour.`,
  options: [],
  request: () => ({}),
  requestSchema: () => z.strictObject({}),
  planSchema,
  headline: () => 'Drill: forced Multi-AZ failover of the primary',
  target: () => 'primary',
  prepare: (env) => prepare(env),
  steps: (_env, _request, plan) => [forcedFailoverStep(plan)],
  confirmation: (plan) => plan.id,
  measures(_env, doc, _request, plan) {
    const requested = readFact(doc.facts, DRILL_FACTS.rebootRequestedAt);
    const available = readFact(doc.facts, DRILL_FACTS.availableAgainAt);
    const after = readFact(doc.facts, DRILL_FACTS.availabilityZoneAfter);
    return {
      headline: `Multi-AZ failover drill on ${plan.id} (${plan.region})`,
      rto: requested !== undefined && available !== undefined ? { ms: available - requested, definition: 'from RebootDBInstance (ForceFailover) until the instance was available again' } : undefined,
      results: {
        'Availability zone': `${plan.availabilityZone ?? '?'} -> ${after ?? '?'}`,
      },
      nextSteps: available !== undefined ? ['Record the measured failover time in the DR log; applications should have reconnected on their own.'] : [],
    };
  },
};
