import type { LagSample } from '../../aws/replica-lag';
import { isoTime } from '../../core/format';
import { pollUntil } from '../poll';
import type { Step } from '../step';
import type { InstanceRef } from './promote';
import type { Fact } from '../facts';

export interface LagWait {
  readonly id: string;
  readonly title: string;
  readonly replica: InstanceRef;
  readonly maxLagSeconds: number;
  /** Only a datapoint taken at or after the time recorded in this fact counts. */
  readonly notBeforeFact?: Fact<number>;
  readonly timeoutMs: number;
  readonly ifItFails: string;
}

/** Waits on CloudWatch ReplicaLag (polled at the metric's own one-minute cadence). */
export function lagWaitStep(spec: LagWait): Step {
  const { region, id } = spec.replica;
  return {
    id: spec.id,
    title: spec.title,
    timeoutMs: spec.timeoutMs,
    calls: [],
    waitsFor: `CloudWatch ReplicaLag of ${id} at or below ${spec.maxLagSeconds} s${spec.notBeforeFact ? ' in a datapoint taken after the fence' : ''}`,
    ifItFails: spec.ifItFails,
    async run(ctx) {
      const notBefore = spec.notBeforeFact ? (ctx.memory.fact(spec.notBeforeFact) ?? 0) : 0;
      const sample = await pollUntil<LagSample | undefined>(ctx, {
        what: `ReplicaLag of ${id}`,
        intervalMs: ctx.timing.lagPollIntervalMs,
        probe: () => ctx.aws.lag.latest(region, id, { deadline: ctx.deadline }),
        done: (latest) => latest !== undefined && latest.seconds <= spec.maxLagSeconds && latest.at >= notBefore,
        show: (latest) => (latest ? `${latest.seconds} s${latest.at < notBefore ? ` (datapoint of ${isoTime(latest.at)}, before the fence)` : ''}` : 'no datapoint yet'),
      });
      return { summary: `ReplicaLag of ${id} is ${sample?.seconds ?? '?'} s` };
    },
  };
}
