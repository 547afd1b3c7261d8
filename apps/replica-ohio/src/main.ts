import { synthesizeStack } from '@xyz/stacks';
import { loadTopology } from '@xyz/topology';

process.exitCode = synthesizeStack({
  stackName: 'replica-ohio',
  loadTopology: () => loadTopology(),
  outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out',
});
