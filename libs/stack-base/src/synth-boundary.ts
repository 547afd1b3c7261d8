import { type Topology, TopologyError } from '@xyz/topology';
import { App } from 'cdktf';

export interface SynthBoundaryOptions {
  /** The stack being synthesized, for the messages. */
  readonly stackName: string;
  /** Loads the topology; called inside the error boundary so a bad topology is one clear line. */
  readonly loadTopology: () => Topology;
  /** Where cdktf writes stacks/<stack>/cdk.tf.json. */
  readonly outdir: string;
}

/** A missing or unreadable input of the app (not a bug): reported as one line. */
export class SynthInputError extends Error {}

/** Runs `load` and turns whatever it throws into a SynthInputError (one line, exit code 2). */
export function loadSynthInput<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    throw new SynthInputError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Builds one stack into its own App and writes it, turning the expected failures (invalid
 * topology, missing input, failed guardrails) into one clear message. Returns the exit code.
 */
export function synthesizeWithin(options: SynthBoundaryOptions, build: (app: App, topology: Topology) => void): number {
  const started = Date.now();
  try {
    const topology = options.loadTopology();
    const app = new App({ outdir: options.outdir, skipValidation: false });
    build(app, topology);
    app.synth();
    const elapsed = ((Date.now() - started) / 1000).toFixed(2);
    console.log(`synthesized ${options.stackName} (${topology.environment}) to ${options.outdir}/stacks/${options.stackName}/cdk.tf.json in ${elapsed}s`);
    return 0;
  } catch (error) {
    if (error instanceof TopologyError) {
      console.error(`error: invalid topology: ${error.message}`);
      return 2;
    }
    if (error instanceof SynthInputError) {
      console.error(`error: ${error.message}`);
      return 2;
    }
    const violations = validationFailures(error);
    if (violations) {
      console.error(`error: ${options.stackName} fails its guardrails; nothing was written:\n${violations.map((line) => `  ${line}`).join('\n')}`);
      return 1;
    }
    throw error;
  }
}

const VALIDATION_FAILED = 'Validation failed with the following errors:';

/** cdktf reports failed stack validations (the guardrails) as one error; keep only their lines. */
function validationFailures(error: unknown): string[] | undefined {
  if (!(error instanceof Error) || !error.message.startsWith(VALIDATION_FAILED)) return undefined;
  return error.message
    .split('\n')
    .filter((line) => /^\s+\[[^\]]+\] /.test(line))
    .map((line) => line.trim().replace(/^\[[^\]]+\] /, ''));
}
