import { AwsCallError } from '../../aws/gateway';
import { isRetryable } from '../../aws/error-kind';
import { SERVING_STATUSES } from '../../aws/instance-view';
import { BRIEF_RETRY, PERSISTENT_RETRY } from '../../aws/retry-policy';
import { StepError, StepTimeoutError } from '../../core/errors';
import { pollUntil } from '../poll';
import type { Step, StepContext } from '../step';
import type { InstanceRef } from './promote';
import { STEP } from '../step-ids';
import { epochMs, fact } from '../facts';

/**
 * Writes are fenced with MySQL's read_only, set to 1 in the instance's own parameter group (one group
 * per region). It is dynamic, applies without a reboot, and binds the RDS master user too (RDS does
 * not grant SUPER). It is cleared again when a replica is rebuilt in that region.
 */
export function fenceInput(parameterGroup: string) {
  return { DBParameterGroupName: parameterGroup, Parameters: [{ ParameterName: 'read_only', ParameterValue: '1', ApplyMethod: 'immediate' as const }] };
}

export function unfenceInput(parameterGroup: string) {
  return { DBParameterGroupName: parameterGroup, Parameters: [{ ParameterName: 'read_only', ApplyMethod: 'immediate' as const }] };
}

export const FENCE_FACTS = {
  /** When read_only=1 was first requested: writes start failing (the failback's RTO begins). */
  requestedAt: fact('fenceRequestedAt', epochMs),
  /** When RDS showed it applied. */
  fencedAt: fact('fencedAt', epochMs),
};

const OPTIONAL_FENCE_WAIT_MS = 3 * 60_000;

export interface FenceTarget extends InstanceRef {
  readonly parameterGroup: string;
  /** Failback must fence; a failover fences the old primary only if it can still be reached. */
  readonly required: boolean;
}

export function fenceStep(target: FenceTarget): Step {
  const { region, id, parameterGroup } = target;
  return {
    id: STEP.fence,
    title: `Fence writes on ${id} (${region}): read_only=1 in ${parameterGroup}`,
    timeoutMs: 15 * 60_000,
    calls: [{ service: 'rds', region, operation: 'ModifyDBParameterGroup', input: fenceInput(parameterGroup), when: 'unless read_only is already 1' }],
    waitsFor: `DescribeDBInstances shows the parameter group of ${id} in-sync again`,
    facts: Object.values(FENCE_FACTS),
    ifItFails: target.required
      ? `${id} may already refuse writes (read_only=1). Resume to continue the failback, or clear the fence with: aws rds reset-db-parameter-group --region ${region} --db-parameter-group-name ${parameterGroup} --parameters ParameterName=read_only,ApplyMethod=immediate`
      : `nothing has been promoted yet. Resume, or re-run with --force if ${region} is down.`,
    async run(ctx) {
      const retry = target.required ? PERSISTENT_RETRY : BRIEF_RETRY;
      const skipped = (why: string) => ({
        summary: `writes on ${id} are not fenced: ${why}`,
        warnings: [`the old primary ${id} could not be fenced (${why}); if it takes writes again, nobody replicates them. Fence or stop it as soon as ${region} answers.`],
      });
      try {
        if (!target.required) {
          const view = await ctx.aws.rds.describe(region, id, { retry, deadline: ctx.deadline });
          if (!view || !SERVING_STATUSES.includes(view.status)) return skipped(view ? `it is ${view.status}` : 'it no longer exists');
        }
        const current = await ctx.aws.rds.userParameter(region, parameterGroup, 'read_only', { retry, deadline: ctx.deadline });
        if (current !== '1') {
          if (ctx.memory.fact(FENCE_FACTS.requestedAt) === undefined) ctx.memory.setFact(FENCE_FACTS.requestedAt, ctx.clock.now());
          await ctx.aws.rds.modifyParameterGroup(region, fenceInput(parameterGroup), { retry, deadline: ctx.deadline });
        }
        // A failover must not wait long for an old primary that is failing anyway.
        const deadline = target.required ? ctx.deadline : Math.min(ctx.deadline, ctx.clock.now() + OPTIONAL_FENCE_WAIT_MS);
        await waitInSync({ ...ctx, deadline }, target);
      } catch (error) {
        if (target.required) throw error;
        if (error instanceof AwsCallError && isRetryable(error.kind)) return skipped(`${region} does not answer: ${error.code}`);
        if (error instanceof StepTimeoutError) return skipped('RDS did not confirm read_only in time');
        throw error;
      }
      ctx.memory.setFact(FENCE_FACTS.fencedAt, ctx.clock.now());
      return { summary: `writes on ${id} are fenced (read_only=1 applied)` };
    },
  };
}

async function waitInSync(ctx: StepContext, target: FenceTarget): Promise<void> {
  const begin = ctx.clock.now();
  // A dynamic parameter can apply faster than one poll, so "applying" may never be seen: accept
  // in-sync after it has been seen applying, or after three polls.
  await pollUntil(ctx, {
    what: `read_only on ${target.id}`,
    subject: target,
    probe: () => ctx.aws.rds.describe(target.region, target.id, { deadline: ctx.deadline }),
    started: (view) => view?.parameterApplyStatus === 'applying',
    done: (view, started) => view !== undefined && view.parameterApplyStatus === 'in-sync' && (started || ctx.clock.now() - begin >= ctx.timing.pollIntervalMs * 3),
    show: (view) => (view ? `parameter group ${view.parameterApplyStatus ?? 'unknown'}` : 'not found'),
  });
  const view = await ctx.aws.rds.describe(target.region, target.id, { deadline: ctx.deadline });
  if (!view) throw new StepError(`${target.id} disappeared from ${target.region} while it was being fenced`);
}

/** Clears a fence left on a region's parameter group (called once a replica is rebuilt there). */
export async function clearFence(ctx: StepContext, region: string, parameterGroup: string): Promise<boolean> {
  const current = await ctx.aws.rds.userParameter(region, parameterGroup, 'read_only', { deadline: ctx.deadline });
  if (current !== '1') return false;
  await ctx.aws.rds.resetParameterGroup(region, unfenceInput(parameterGroup), { deadline: ctx.deadline });
  return true;
}
