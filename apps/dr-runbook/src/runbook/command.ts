import type { Topology } from '@xyz/topology';
import type { z } from 'zod';
import type { AwsServices } from '../aws/services';
import type { CommandDeclaration, OptionValues, RequestDefaults } from '../commands/declaration';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { JournalDocument } from './journal';
import type { RunMeasures } from './report';
import type { Step } from './step';

/** Everything a command needs, built once by the CLI. */
export interface CommandEnv {
  readonly topology: Topology;
  /** Absolute path of the environment's topology file. */
  readonly topologyFile: string;
  /** The same path as the user should read it (relative to the repository root when inside it). */
  readonly topologyFileShown: string;
  readonly aws: AwsServices;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  readonly log: Logger;
}

export interface CheckResult {
  readonly ok: boolean;
  readonly text: string;
  /**
   * The ids of the steps this check protects. `--resume` runs again the checks of the steps that
   * have not started yet; a step that has started checks AWS itself before it acts.
   */
  readonly guards: readonly string[];
}

export interface Prepared<Plan> {
  readonly checks: readonly CheckResult[];
  /** Things the user should know before confirming (e.g. "the primary cannot be fenced"). */
  readonly notes: readonly string[];
  /** Present when every check passed. */
  readonly plan?: Plan;
}

/** What a request and a plan are checked against, whether typed now or read back from a journal. */
export interface RequestContext {
  readonly topology: Topology;
  /** Epoch ms: times in the future are refused. */
  readonly now: number;
  /**
   * A resumed run whose promotion has started: the topology may already name its target as the
   * primary (the run's own topology change, or the operator's), which a fresh run refuses.
   */
  readonly targetPromoted: boolean;
}

export interface RunIdentity {
  readonly runId: string;
  readonly startedAt: number;
}

/** A command that changes AWS: read-only pre-checks, then journalled, idempotent steps. */
export interface ChangingCommand<Request, Plan> extends CommandDeclaration {
  readonly kind: 'changing';
  /** Journal key and run-id prefix, e.g. "failover", "drill-az-failover". */
  readonly name: string;
  /** Options that a --resume may switch on although the first attempt did not have them. */
  readonly resumeOverridable: readonly (keyof Request & string)[];
  /**
   * The request from the options typed (defaults filled in), before the request schema checks it.
   * Throws InputError for what the schema cannot say well (a missing --to).
   */
  request(options: OptionValues, defaults: RequestDefaults): Record<string, unknown>;
  /** The request, as typed options and a resumed journal must both satisfy it. */
  requestSchema(ctx: RequestContext): z.ZodType<Request>;
  /** A plan read back from a journal must fit the topology and its request. */
  planSchema(ctx: RequestContext, request: Request): z.ZodType<Plan>;
  headline(request: Request): string;
  /** A short, identifier-safe name of what the run acts on (used in the run id). */
  target(request: Request): string;
  /** The region the command makes the primary (failover, failback). */
  newPrimary?(request: Request): string;
  /** Read-only checks and the plan (names that carry the run's start time use `runStartedAt`). Never changes anything. */
  prepare(env: CommandEnv, request: Request, runStartedAt: number): Promise<Prepared<Plan>>;
  steps(env: CommandEnv, request: Request, plan: Plan, run: RunIdentity): Step[];
  /** The database identifier the user must type to confirm. */
  confirmation(plan: Plan): string;
  measures(env: CommandEnv, doc: JournalDocument, request: Request, plan: Plan): RunMeasures;
}

/** A command that only reads: it changes nothing in AWS and keeps no journal. */
export interface ReadOnlyCommand<Report> extends CommandDeclaration {
  readonly kind: 'read-only';
  read(env: CommandEnv): Promise<Report>;
  /** The report for people; --json prints the report itself. */
  render(report: Report): string[];
  /** ok: exit 0. problems: exit 3. unchecked (nothing checked is wrong, something could not be checked): exit 7. */
  verdict(report: Report): 'ok' | 'problems' | 'unchecked';
}
