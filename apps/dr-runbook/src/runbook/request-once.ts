import { StepTimeoutError } from '../core/errors';
import { formatDuration } from '../core/format';
import { pollUntil } from './poll';
import type { StepContext } from './step';

export interface OnceRequest {
  /** Journal key of the intent, unique within the step. */
  readonly key: string;
  readonly what: string;
  /** The instance whose state `visible` reads, for the structured log. */
  readonly subject?: { readonly region: string; readonly id: string };
  /** Does AWS show the effect of the request yet? */
  visible(): Promise<boolean>;
  send(): Promise<void>;
}

/**
 * Sends a mutating request that must not be sent twice (a promotion, a rename). The intent is
 * written to the journal before the call, so a run killed right after the call knows on `--resume`
 * that it was probably sent: it then waits up to the grace period for the effect to show and only
 * sends again if it never does (the request never reached AWS).
 */
export async function requestOnce(ctx: StepContext, request: OnceRequest): Promise<'sent' | 'sent-earlier'> {
  if (ctx.memory.intent(request.key) !== undefined) {
    const graceEnd = ctx.clock.now() + ctx.timing.visibilityGraceMs;
    const seen = await pollUntil({ ...ctx, deadline: Math.min(ctx.deadline, graceEnd) }, {
      what: `effect of the ${request.what} request sent by the interrupted attempt`,
      subject: request.subject,
      probe: () => request.visible(),
      done: (visible) => visible,
      show: () => 'not visible yet',
    }).catch((error: unknown) => {
      if (error instanceof StepTimeoutError && ctx.clock.now() < ctx.deadline) return false;
      throw error;
    });
    if (seen) return 'sent-earlier';
    ctx.progress(`the earlier ${request.what} request shows no effect after ${formatDuration(ctx.timing.visibilityGraceMs)}; sending it again`);
  }
  ctx.memory.recordIntent(request.key);
  await request.send();
  return 'sent';
}
