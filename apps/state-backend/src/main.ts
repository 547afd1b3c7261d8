import { synthesizeStack } from '@xyz/stacks';
import { loadTopology } from '@xyz/topology';

process.exitCode = synthesizeStack({
  stackName: 'state-backend',
  loadTopology: () => loadTopology(),
  outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out',
});
