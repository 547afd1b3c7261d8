import { readProcessorBundle } from '@xyz/stream';
import { loadTopology } from '@xyz/topology';
import { synthesizeStack } from './synthesize';

/**
 * What a region stack's app does, so that its entry point only names its stack (and passes cdktf's
 * output directory): synthesize it from the topology XYZ_ENVIRONMENT selects, reading the
 * stream processor's bundle from the workspace only if the topology makes it the pipeline's home
 * region (its synth target then depends on stream-processor:bundle). Returns the exit code.
 */
export function runRegionStackApp(stackName: string, outdir: string): number {
  return synthesizeStack({
    stackName,
    loadTopology,
    outdir,
    loadProcessorBundle: () => readProcessorBundle(process.cwd()),
  });
}
