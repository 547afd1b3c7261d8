import type { Topology } from '@xyz/topology';
import { AwsCallError } from '../../aws/gateway';
import { type InstanceView, isWritablePrimary } from '../../aws/instance-view';
import { StepError } from '../../core/errors';
import { found, pollUntil } from '../poll';
import { requestOnce } from '../request-once';
import type { Step } from '../step';
import { STEP } from '../step-ids';
import { z } from 'zod';
import { epochMs, fact } from '../facts';

export const PROMOTE_FACTS = {
  requestedAt: fact('promoteRequestedAt', epochMs),
  promotedAt: fact('promotedAt', epochMs),
  /** ReplicaLag just before the promotion: the estimated RPO (null: no datapoint). */
  lagAtPromotionSeconds: fact('lagAtPromotionSeconds', z.number().nonnegative().nullable()),
};

export interface InstanceRef {
  readonly region: string;
  readonly id: string;
}

/** PromoteReadReplica resets backup retention to 1 day unless it is passed: always pass the policy. */
export function promoteInput(topology: Topology, id: string) {
  return { DBInstanceIdentifier: id, BackupRetentionPeriod: topology.database.backupRetentionDays, PreferredBackupWindow: topology.database.backupWindow };
}

function show(view: InstanceView | undefined): string {
  if (!view) return 'not found';
  return `status ${view.status}, ${view.sourceArn ? 'still a replica' : 'no longer a replica'}`;
}

export function promoteStep(target: InstanceRef, topology: Topology): Step {
  const { region, id } = target;
  const input = promoteInput(topology, id);
  return {
    id: STEP.promote,
    title: `Promote ${id} (${region}) to a standalone primary`,
    timeoutMs: 45 * 60_000,
    calls: [{ service: 'rds', region, operation: 'PromoteReadReplica', input }],
    facts: Object.values(PROMOTE_FACTS),
    waitsFor: 'DescribeDBInstances shows no replication source and status available or backing-up ("available" alone is not enough: RDS still reports it for a while after the request)',
    ifItFails: `${id} may be part-way through its promotion. Do not promote another region. Check \`npm run dr-runbook -- status\`, fix the cause, then resume.`,
    async run(ctx) {
      const describe = () => ctx.aws.rds.describe(region, id, { deadline: ctx.deadline });
      let current = await describe();
      if (!current) throw new StepError(`${id} does not exist in ${region}`);
      if (isWritablePrimary(current)) {
        if (ctx.memory.fact(PROMOTE_FACTS.promotedAt) === undefined) ctx.memory.setFact(PROMOTE_FACTS.promotedAt, ctx.clock.now());
        return { summary: `${id} is already a standalone primary (nothing sent)` };
      }
      if (current.sourceArn && ctx.memory.intent('promote') === undefined) {
        if (current.status !== 'available') {
          current = await pollUntil(ctx, {
            what: `${id} to become promotable`,
            subject: target,
            probe: describe,
            done: (view) => view === undefined || view.status === 'available' || view.sourceArn === undefined,
            show: (view) => (view?.status === 'backing-up' ? 'backing-up (RDS cannot promote a replica while it backs up)' : show(view)),
          });
          if (!current) throw new StepError(`${id} disappeared from ${region}`);
        }
        const lag = await ctx.aws.lag.latest(region, id, { deadline: ctx.deadline }).catch(() => undefined);
        ctx.memory.setFact(PROMOTE_FACTS.lagAtPromotionSeconds, lag ? lag.seconds : null);
      }
      if (current?.sourceArn) {
        await requestOnce(ctx, {
          key: 'promote',
          what: 'PromoteReadReplica',
          subject: target,
          visible: async () => {
            const view = await describe();
            return view === undefined || view.sourceArn === undefined || view.status !== 'available';
          },
          send: async () => {
            ctx.memory.setFact(PROMOTE_FACTS.requestedAt, ctx.clock.now());
            try {
              await ctx.aws.rds.promote(region, input, { deadline: ctx.deadline });
            } catch (error) {
              // Refused because a promotion is already under way (sent by an attempt that died)?
              if (!(error instanceof AwsCallError && error.kind === 'invalid-state')) throw error;
              const view = await describe();
              if (!view || view.sourceArn === undefined || view.status === 'modifying') return;
              throw error;
            }
          },
        });
      }
      const promoted = found(await pollUntil(ctx, {
        what: `promotion of ${id}`,
        subject: target,
        probe: describe,
        done: (view) => isWritablePrimary(view),
        show,
      }), id);
      ctx.memory.setFact(PROMOTE_FACTS.promotedAt, ctx.clock.now());
      return { summary: `${id} is a standalone primary (status ${promoted.status}, backup retention ${promoted.backupRetentionDays} d)` };
    },
  };
}
