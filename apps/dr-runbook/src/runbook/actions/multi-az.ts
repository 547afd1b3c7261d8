import type { Topology } from '@xyz/topology';
import { AwsCallError } from '../../aws/gateway';
import type { InstanceView } from '../../aws/instance-view';
import { StepError } from '../../core/errors';
import { found, pollUntil } from '../poll';
import type { Step, StepContext } from '../step';
import type { InstanceRef } from './promote';
import { STEP } from '../step-ids';
import { epochMs, fact } from '../facts';

/** Also re-applies the backup policy, in case the instance was promoted by hand without it. */
export function multiAzInput(topology: Topology, id: string) {
  return { DBInstanceIdentifier: id, MultiAZ: true, BackupRetentionPeriod: topology.database.backupRetentionDays, ApplyImmediately: true };
}

const MODIFIABLE = ['available', 'backing-up'];

const MULTI_AZ_FACTS = { requestedAt: fact('multiAzRequestedAt', epochMs) };

function isMultiAzDone(view: InstanceView | undefined, topology: Topology): boolean {
  return view !== undefined && view.multiAZ && !view.pendingMultiAZ && view.status === 'available' && view.backupRetentionDays === topology.database.backupRetentionDays;
}

async function sendMultiAz(ctx: StepContext, target: InstanceRef, topology: Topology): Promise<void> {
  const describe = () => ctx.aws.rds.describe(target.region, target.id, { deadline: ctx.deadline });
  for (;;) {
    try {
      await ctx.aws.rds.modify(target.region, multiAzInput(topology, target.id), { deadline: ctx.deadline });
      return;
    } catch (error) {
      if (!(error instanceof AwsCallError && error.kind === 'invalid-state')) throw error;
      ctx.progress(`RDS refused the change while ${target.id} is busy (${error.code}); waiting until it is available`);
      await pollUntil(ctx, {
        what: `${target.id} to accept the Multi-AZ change`,
        subject: target,
        probe: describe,
        done: (view) => view !== undefined && view.status === 'available',
        show: (view) => `status ${view?.status ?? 'not found'}`,
      });
    }
  }
}

/** Starts the conversion and moves on: the instance keeps serving writes meanwhile. */
export function requestMultiAzStep(target: InstanceRef, topology: Topology): Step {
  return {
    id: STEP.requestMultiAz,
    title: `Start converting ${target.id} (${target.region}) to Multi-AZ`,
    timeoutMs: 15 * 60_000,
    calls: [{ service: 'rds', region: target.region, operation: 'ModifyDBInstance', input: multiAzInput(topology, target.id) }],
    waitsFor: 'nothing: the conversion runs in the background while writes are served; a later step waits for it',
    facts: Object.values(MULTI_AZ_FACTS),
    ifItFails: `${target.id} is promoted and writable but not yet Multi-AZ. Resume, or convert it by hand (modify-db-instance --multi-az --apply-immediately).`,
    async run(ctx) {
      const view = await ctx.aws.rds.describe(target.region, target.id, { deadline: ctx.deadline });
      if (!view) throw new StepError(`${target.id} does not exist in ${target.region}`);
      if (isMultiAzDone(view, topology)) return { summary: `${target.id} is already Multi-AZ (nothing sent)` };
      if (view.pendingMultiAZ) return { summary: `the Multi-AZ conversion of ${target.id} is already pending (nothing sent)` };
      if (!MODIFIABLE.includes(view.status)) ctx.progress(`${target.id} is ${view.status}; RDS may refuse the change until it is available`);
      await sendMultiAz(ctx, target, topology);
      ctx.memory.setFact(MULTI_AZ_FACTS.requestedAt, ctx.clock.now());
      return { summary: `Multi-AZ conversion of ${target.id} requested; it continues in the background` };
    },
  };
}

export function waitMultiAzStep(target: InstanceRef, topology: Topology): Step {
  return {
    id: STEP.waitMultiAz,
    title: `Wait until ${target.id} (${target.region}) is Multi-AZ and available`,
    timeoutMs: 120 * 60_000,
    calls: [{ service: 'rds', region: target.region, operation: 'ModifyDBInstance', input: multiAzInput(topology, target.id), when: 'only if no Multi-AZ change is pending after the grace period: the request was lost' }],
    waitsFor: 'DescribeDBInstances shows MultiAZ true, no pending modification and status available',
    ifItFails: `${target.id} is the primary and serves writes, but may still be single-AZ. Resume to keep waiting; the replicas are rebuilt after this step.`,
    async run(ctx) {
      let lastSentAt = ctx.clock.now();
      const done = found(await pollUntil(ctx, {
        what: `Multi-AZ conversion of ${target.id}`,
        subject: target,
        probe: () => ctx.aws.rds.describe(target.region, target.id, { deadline: ctx.deadline }),
        done: (view) => isMultiAzDone(view, topology),
        show: (view) => (view ? `status ${view.status}, MultiAZ ${view.multiAZ}${view.pendingMultiAZ ? ' (pending)' : ''}` : 'not found'),
        onPending: async (view) => {
          const lost = view !== undefined && !view.multiAZ && !view.pendingMultiAZ && view.status === 'available';
          if (lost && ctx.clock.now() - lastSentAt >= ctx.timing.visibilityGraceMs) {
            ctx.progress(`no Multi-AZ change is pending on ${target.id}; sending the request again`);
            await sendMultiAz(ctx, target, topology);
            lastSentAt = ctx.clock.now();
          }
        },
      }), target.id);
      return { summary: `${target.id} is Multi-AZ (${done.availabilityZone ?? '?'} with standby in ${done.secondaryAvailabilityZone ?? '?'})` };
    },
  };
}
