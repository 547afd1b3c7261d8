import type { Topology } from '@xyz/topology';
import type { EmulatorClients } from '../emulator-clients';
import type { RegionGate } from '../region-gate';
import type { TerraformJson } from '@xyz/terraform-toolkit';

export interface ExceptionContext {
  readonly topology: Topology;
  readonly clients: EmulatorClients;
  readonly gate: RegionGate;
  /** Stacks whose state still has to be copied to a region that was down. */
  readonly replicationBacklog: Set<string>;
}

/**
 * Something moto does not model, what it does instead, and what the rehearsal does about it.
 * Every exception is applied only through the hooks below, and every run prints the list.
 */
export interface MotoException {
  readonly id: string;
  /** The resource types or the behaviour concerned. */
  readonly affects: string;
  /** What moto does (observed against moto's server). */
  readonly motoDoes: string;
  /** What the rehearsal does instead. */
  readonly rehearsalDoes: string;
  /** Adjusts a synthesized stack before it is applied; returns what it changed. */
  adjustStack?(json: TerraformJson): string[];
  /** Runs before a stack is applied (after adjustStack); returns what it did. */
  beforeApply?(json: TerraformJson, context: ExceptionContext): Promise<string[]>;
  /** Runs before the DR runbook is run (it creates cross-region replicas too); returns what it did. */
  beforeRunbook?(context: ExceptionContext): Promise<string[]>;
  /** Starts when the DR runbook is run and goes on until it ends; the returned function stops it and says what it did. */
  duringRunbook?(context: ExceptionContext): () => string[];
  /** Runs after a write of a stack's state to its S3 backend; returns what it did. */
  afterStateWrite?(stackName: string, context: ExceptionContext): Promise<string[]>;
  /**
   * Sees every request the region gate forwards to moto; may change the request body moto gets,
   * add headers to its answer or rewrite the answer. Undefined leaves the exchange as it is.
   */
  patchExchange?(request: GateRequest, moto: MotoChannel): ExchangePatch | undefined | Promise<ExchangePatch | undefined>;
}

/** A request as the region gate forwards it. */
export interface GateRequest {
  /** The account moto acts as for it (the topology's). */
  readonly account: string;
  readonly region: string;
  readonly service: string;
  readonly method: string;
  readonly path: string;
  /** The query string without its `?`. */
  readonly query: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The request body as text (form-encoded for the query protocols). */
  readonly body: string;
}

export interface ExchangePatch {
  /** The request body moto gets instead of the one sent. */
  readonly requestBody?: string;
  /** Headers added to moto's answer. */
  readonly headers?: Record<string, string>;
  /** Rewrites the body of moto's answer. */
  readonly rewriteResponse?: (body: string) => string;
  /** What was patched, for the summary (recorded once per distinct detail). */
  readonly detail: string;
}

/** A way for an exchange patch to ask moto something itself, in the region and as the account of the gate. */
export interface MotoChannel {
  /** Sends a query-protocol request (a form-encoded body) to a service of moto in a region. */
  send(region: string, service: string, body: string): Promise<{ readonly status: number; readonly body: string }>;
}
