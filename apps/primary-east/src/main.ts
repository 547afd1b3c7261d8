import { synthesizeStack } from '@xyz/stacks';
import { readProcessorBundle } from '@xyz/stream';
import { loadTopology } from '@xyz/topology';

process.exitCode = synthesizeStack({
  stackName: 'primary-east',
  loadTopology: () => loadTopology(),
  outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out',
  // This region is the device pipeline's home: its synth target depends on stream-processor:bundle.
  loadProcessorBundle: () => readProcessorBundle(process.cwd()),
});
