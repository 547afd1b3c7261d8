import { synthesizeStack } from '@xyz/stacks';
import { loadTopology } from '@xyz/topology';

process.exitCode = synthesizeStack({
  stackName: 'state-backend',
  loadTopology: () => loadTopology(),
  outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out',
  // The first apply of a new environment: keep the state locally until the bucket exists.
  bootstrap: process.env.XYZ_STATE_BOOTSTRAP === '1',
});
