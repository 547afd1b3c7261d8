import { awsErrors } from './errors';
import { SimControlPlane, type SimService } from './control-plane';

export type { SimEvent, SimService } from './control-plane';

export interface SimCall {
  readonly at: number;
  readonly service: SimService;
  readonly region: string;
  readonly operation: string;
  readonly input: Record<string, unknown>;
  /** Which simulated process generation made it (a crash starts a new one). */
  readonly generation: number;
  outcome?: string;
}

interface Fault {
  readonly service?: SimService;
  readonly region?: string;
  readonly operation: string;
  remaining: number;
  readonly error: () => Error;
}

export type CrashMode = 'after-apply' | 'request-lost';

interface CrashPlan {
  /** Decides, call by call, whether the calling process dies at this one. */
  readonly matches: (operation: string, region: string, input: Record<string, unknown>) => boolean;
  /** after-apply: AWS did it, the caller never hears back. request-lost: it never reached AWS. */
  readonly mode: CrashMode;
}

export const MUTATING_OPERATIONS: readonly string[] = [
  'PromoteReadReplica',
  'ModifyDBInstance',
  'RebootDBInstance',
  'CreateDBInstanceReadReplica',
  'RestoreDBInstanceToPointInTime',
  'ModifyDBParameterGroup',
  'ResetDBParameterGroup',
  'DeleteDBInstance',
  'PutParameter',
];

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

/**
 * The simulated RDS, SSM and CloudWatch APIs as the SDK sees them: each call takes latency on the
 * injected clock, regions that are down time out, injected faults make throttling storms, and a
 * crash plan kills the calling process right after AWS accepted its request (or lost it). The
 * state behind the calls, which changes over time, is the SimControlPlane.
 */
export class SimulatedAws extends SimControlPlane {
  readonly calls: SimCall[] = [];
  private readonly faults: Fault[] = [];
  private crashPlan?: CrashPlan;
  private generation = 0;
  private frozen = false;
  private crashListeners: (() => void)[] = [];

  // ---- test controls -------------------------------------------------------------------------

  /** The next `count` calls of `operation` (optionally in one region/service) fail with `error`. */
  injectFault(fault: { operation: string; count: number; error: () => Error; region?: string; service?: SimService }): void {
    this.faults.push({ ...fault, remaining: fault.count });
  }

  /** The process making the n-th call of `operation` dies at that call; `whenCrashed` resolves. */
  crashOn(operation: string, occurrence = 1, mode: CrashMode = 'after-apply'): void {
    let seen = 0;
    this.crashWhen((called) => called === operation && ++seen === occurrence, mode);
  }

  /** The process dies at the first call for which `matches` is true (it sees the state before the call). */
  crashWhen(matches: (operation: string, region: string, input: Record<string, unknown>) => boolean, mode: CrashMode = 'after-apply'): void {
    this.crashPlan = { matches, mode };
  }

  onCrash(listener: () => void): void {
    this.crashListeners.push(listener);
  }

  whenCrashed(): Promise<void> {
    return new Promise((resolve) => this.crashListeners.push(resolve));
  }

  /** A new process starts: calls are answered again (those of the dead one never are). */
  restart(): void {
    this.frozen = false;
    this.generation++;
  }

  count(operation: string, filter: (call: SimCall) => boolean = () => true): number {
    return this.calls.filter((call) => call.operation === operation && call.outcome === 'ok' && filter(call)).length;
  }

  mutatingCalls(): SimCall[] {
    return this.calls.filter((call) => MUTATING_OPERATIONS.includes(call.operation));
  }

  // ---- the API -------------------------------------------------------------------------------

  async handle(service: SimService, region: string, operation: string, input: Record<string, unknown>): Promise<unknown> {
    if (this.frozen) return never();
    const generation = this.generation;
    const call: SimCall = { at: this.clock.now(), service, region, operation, input: structuredClone(input), generation };
    this.calls.push(call);
    const down = this.regionsDown.has(region);
    await this.clock.sleep(down ? this.delays.downRegionMs : this.delays.apiLatencyMs);
    if (this.frozen || generation !== this.generation) return never();
    this.settle();
    if (down) {
      call.outcome = 'TimeoutError';
      throw awsErrors.connectionTimeout(region);
    }
    const fault = this.faults.find((entry) => entry.remaining > 0 && entry.operation === operation && (!entry.region || entry.region === region) && (!entry.service || entry.service === service));
    if (fault) {
      fault.remaining--;
      const error = fault.error();
      call.outcome = error.name;
      throw error;
    }
    const crash = this.crashPlan?.matches(operation, region, input) ? this.crashPlan : undefined;
    if (crash?.mode === 'request-lost') {
      call.outcome = 'lost';
      return this.freeze();
    }
    try {
      const output = this.dispatch(service, region, operation, input);
      call.outcome = 'ok';
      if (crash) return this.freeze();
      return output;
    } catch (error) {
      call.outcome = (error as Error).name;
      if (crash) return this.freeze();
      throw error;
    }
  }

  private freeze(): Promise<never> {
    this.frozen = true;
    this.crashPlan = undefined;
    const listeners = this.crashListeners;
    this.crashListeners = [];
    listeners.forEach((listener) => listener());
    return never();
  }
}
