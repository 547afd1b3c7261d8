import type { AwsServices } from '../aws/services';
import type { Clock } from '../core/clock';
import { AbortedError, StepTimeoutError } from '../core/errors';
import { formatDuration } from '../core/format';
import type { Logger } from '../core/logger';
import type { Journal, RunStatus } from './journal';
import type { Step, Timing } from './step';

export interface RunnerDeps {
  readonly journal: Journal;
  readonly steps: readonly Step[];
  readonly aws: AwsServices;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  readonly timing: Timing;
  readonly log: Logger;
  readonly out: (line: string) => void;
}

export interface RunFailure {
  readonly stepId: string;
  readonly title: string;
  readonly message: string;
  readonly ifItFails: string;
  readonly timedOut: boolean;
}

export interface RunOutcome {
  readonly status: Exclude<RunStatus, 'running'>;
  readonly failure?: RunFailure;
  readonly warnings: readonly string[];
}

/**
 * Runs the steps in order: one line when a step starts, one when it ends (with its duration), the
 * journal updated around each. Steps already done in an earlier attempt are skipped; a step that
 * was running when the earlier attempt died runs again and finds its own progress in AWS.
 */
export async function runSteps(deps: RunnerDeps): Promise<RunOutcome> {
  const { journal, steps, clock, out, log } = deps;
  const warnings: string[] = [];
  for (const [index, step] of steps.entries()) {
    const label = `[${index + 1}/${steps.length}]`;
    const record = journal.step(step.id);
    if (record.status === 'done') {
      out(`${label} ✔ ${step.title}: done in an earlier attempt (${record.summary ?? 'no summary'})`);
      continue;
    }
    out(`${label} ${step.title} ...`);
    journal.stepStarted(step.id);
    log.log('step.start', { step: step.id, title: step.title, timeoutMs: step.timeoutMs });
    const started = clock.now();
    try {
      const outcome = await step.run({
        aws: deps.aws,
        clock,
        signal: deps.signal,
        deadline: started + step.timeoutMs,
        timing: deps.timing,
        memory: journal.memoryFor(step.id),
        log,
        progress: (text) => out(`      ${text}`),
      });
      const stepWarnings = outcome.warnings ?? [];
      journal.stepFinished(step.id, outcome.summary, stepWarnings);
      log.log('step.done', { step: step.id, ms: clock.now() - started, summary: outcome.summary, warnings: stepWarnings });
      out(`${label} ${stepWarnings.length > 0 ? '⚠' : '✔'} ${outcome.summary} (${formatDuration(clock.now() - started)})`);
      stepWarnings.forEach((warning) => out(`      ⚠ ${warning}`));
      warnings.push(...stepWarnings);
    } catch (error) {
      const elapsed = formatDuration(clock.now() - started);
      if (error instanceof AbortedError) {
        journal.stepFailed(step.id, 'interrupted by the user');
        log.log('step.interrupted', { step: step.id, ms: clock.now() - started });
        out(`${label} ✖ interrupted after ${elapsed}`);
        return { status: 'interrupted', warnings, failure: { stepId: step.id, title: step.title, message: 'interrupted by the user', ifItFails: step.ifItFails, timedOut: false } };
      }
      const message = error instanceof Error ? error.message : String(error);
      const timedOut = error instanceof StepTimeoutError;
      journal.stepFailed(step.id, message);
      log.log('step.failed', { step: step.id, ms: clock.now() - started, error: message, timedOut });
      out(`${label} ✖ ${timedOut ? `timed out (limit ${formatDuration(step.timeoutMs)})` : `failed after ${elapsed}`}: ${message}`);
      return { status: 'failed', warnings, failure: { stepId: step.id, title: step.title, message, ifItFails: step.ifItFails, timedOut } };
    }
  }
  return { status: warnings.length > 0 ? 'warnings' : 'succeeded', warnings };
}
