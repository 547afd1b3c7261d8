import { type Topology, TopologyError, regionForStack } from '@xyz/topology';
import type { ProcessorBundle } from '@xyz/stream';
import { App } from 'cdktf';
import { RegionStack } from './region-stack';
import { StateBackendStack } from './state-backend-stack';

export interface SynthesizeOptions {
  /** The stack to synthesize: state-backend or a region stack of the topology. */
  readonly stackName: string;
  /** Loads the topology; called inside the error boundary so a bad topology is one clear line. */
  readonly loadTopology: () => Topology;
  /** Where cdktf writes stacks/<stack>/cdk.tf.json. */
  readonly outdir: string;
  /** For state-backend only: keep its state locally for the first apply. @default false */
  readonly bootstrap?: boolean;
  /** Reads the stream processor bundle; called only for the pipeline's home region. */
  readonly loadProcessorBundle?: () => ProcessorBundle;
}

/** A missing or unreadable input of the app (not a bug): reported as one line. */
class SynthInputError extends Error {}

function loadInput<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    throw new SynthInputError(error instanceof Error ? error.message : String(error));
  }
}

/** Builds one stack into its own App and writes it. Returns the process exit code. */
export function synthesizeStack(options: SynthesizeOptions): number {
  const started = Date.now();
  try {
    const topology = options.loadTopology();
    const app = new App({ outdir: options.outdir, skipValidation: false });
    if (options.stackName === topology.stateBackend.stackName) {
      new StateBackendStack(app, { topology, bootstrap: options.bootstrap });
    } else {
      const region = regionForStack(topology, options.stackName);
      const needsBundle = region.region === topology.stream.homeRegion;
      const processorBundle = needsBundle && options.loadProcessorBundle ? loadInput(options.loadProcessorBundle) : undefined;
      new RegionStack(app, { topology, region, processorBundle });
    }
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
