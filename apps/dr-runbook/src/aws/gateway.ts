import { AbortFanout } from '../core/abort-fanout';
import type { Clock } from '../core/clock';
import { AbortedError } from '../core/errors';
import type { Logger } from '../core/logger';
import { type AwsErrorKind, awsErrorCode, classifyAwsError, isRetryable } from './error-kind';
import { backoffDelay, PERSISTENT_RETRY, type RetryPolicy } from './retry-policy';

export type AwsService = 'rds' | 'ssm' | 'cloudwatch' | 'elasticache' | 'kinesis' | 'lambda' | 'dynamodb';

/** A call that AWS refused, or that kept failing after the retries. */
export class AwsCallError extends Error {
  override readonly name = 'AwsCallError';
  constructor(
    readonly service: AwsService,
    readonly region: string,
    readonly operation: string,
    readonly kind: AwsErrorKind,
    readonly code: string,
    readonly attempts: number,
    /** What AWS (or the SDK, or the network) said. */
    readonly detail: string,
  ) {
    super(`${service}:${operation} in ${region} failed${attempts > 1 ? ` after ${attempts} attempts` : ''}: ${code}: ${detail}`);
  }
}

export interface CallOptions {
  readonly retry?: RetryPolicy;
  /** Epoch ms: do not start a backoff wait that would end after this. */
  readonly deadline?: number;
}

export interface GatewayDeps {
  readonly clock: Clock;
  readonly log: Logger;
  readonly signal?: AbortSignal;
  readonly random?: () => number;
}

/**
 * Every AWS call goes through here: structured log line, retry of throttling and transient errors
 * with backoff on the injected clock, cancellation on Ctrl-C, and errors that name the call.
 */
export class AwsGateway {
  private readonly random: () => number;
  /** Calls run concurrently (every region at once); each gets its own signal, see AbortFanout. */
  private readonly signals: AbortFanout;

  constructor(private readonly deps: GatewayDeps) {
    this.random = deps.random ?? Math.random;
    this.signals = new AbortFanout(deps.signal);
  }

  async call<T>(service: AwsService, region: string, operation: string, send: (abortSignal?: AbortSignal) => Promise<T>, options: CallOptions = {}): Promise<T> {
    const callSignal = this.signals.signalFor();
    try {
      return await this.withRetries(service, region, operation, send, options, callSignal.signal);
    } finally {
      callSignal.release();
    }
  }

  /** Stops listening to the run's signal; the command is over. */
  close(): void {
    this.signals.close();
  }

  private async withRetries<T>(service: AwsService, region: string, operation: string, send: (abortSignal?: AbortSignal) => Promise<T>, options: CallOptions, signal: AbortSignal | undefined): Promise<T> {
    const { clock, log } = this.deps;
    const policy = options.retry ?? PERSISTENT_RETRY;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw new AbortedError();
      const started = clock.now();
      try {
        const output = await send(signal);
        log.log('aws.call', { service, region, operation, attempt, ms: clock.now() - started, outcome: 'ok' });
        return output;
      } catch (error) {
        if (signal?.aborted) throw new AbortedError();
        const kind = classifyAwsError(error);
        const code = awsErrorCode(error);
        const detail = error instanceof Error ? error.message : String(error);
        log.log('aws.call', { service, region, operation, attempt, ms: clock.now() - started, outcome: kind, code, detail });
        const delay = backoffDelay(policy, attempt, this.random);
        const pastDeadline = options.deadline !== undefined && clock.now() + delay > options.deadline;
        if (!isRetryable(kind) || attempt >= policy.maxAttempts || pastDeadline) {
          throw new AwsCallError(service, region, operation, kind, code, attempt, detail);
        }
        await clock.sleep(delay, signal);
      }
    }
  }
}
