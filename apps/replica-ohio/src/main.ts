import { synthesizeStack } from '@xyz/stacks';
import { readProcessorBundle } from '@xyz/stream';
import { loadTopology } from '@xyz/topology';

process.exitCode = synthesizeStack({
  stackName: 'replica-ohio',
  loadTopology: () => loadTopology(),
  outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out',
  // Read only if the topology makes this region the device pipeline's home (stream.homeRegion).
  loadProcessorBundle: () => readProcessorBundle(process.cwd()),
});
