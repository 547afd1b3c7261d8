import { loadSynthInput, synthesizeWithin } from '@xyz/stack-base';
import type { ProcessorBundle } from '@xyz/stream';
import { type Topology, regionForStack } from '@xyz/topology';
import { RegionStack } from './region-stack';

export interface SynthesizeOptions {
  /** The region stack to synthesize, as the topology names it. */
  readonly stackName: string;
  /** Loads the topology; called inside the error boundary so a bad topology is one clear line. */
  readonly loadTopology: () => Topology;
  /** Where cdktf writes stacks/<stack>/cdk.tf.json. */
  readonly outdir: string;
  /** Reads the stream processor bundle; called only for the pipeline's home region. */
  readonly loadProcessorBundle?: () => ProcessorBundle;
}

/** Builds one region stack into its own App and writes it. Returns the process exit code. */
export function synthesizeStack(options: SynthesizeOptions): number {
  return synthesizeWithin(options, (app, topology) => {
    const region = regionForStack(topology, options.stackName);
    const needsBundle = region.region === topology.stream.homeRegion;
    const processorBundle = needsBundle && options.loadProcessorBundle ? loadSynthInput(options.loadProcessorBundle) : undefined;
    new RegionStack(app, { topology, region, processorBundle });
  });
}
