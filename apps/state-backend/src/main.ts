import { synthesizeStateBackend } from '@xyz/state-backend';
import { loadTopology } from '@xyz/topology';

process.exitCode = synthesizeStateBackend({
  loadTopology: () => loadTopology(),
  outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out',
  // The first apply of a new environment: keep the state locally until the buckets exist.
  bootstrap: process.env.XYZ_STATE_BOOTSTRAP === '1',
});
