import { synthesizeStack } from '@xyz/stacks';
import { readProcessorBundle } from '@xyz/stream';
import { loadTopology } from '@xyz/topology';

process.exitCode = synthesizeStack({
  stackName: 'replica-west',
  loadTopology: () => loadTopology(),
  outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out',
  // Nx builds it first (synth depends on stream:bundle); used if this region hosts the pipeline.
  loadProcessorBundle: () => readProcessorBundle(process.cwd()),
});
