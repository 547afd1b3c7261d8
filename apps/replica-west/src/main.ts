import { runRegionStackApp } from '@xyz/stacks';

process.exitCode = runRegionStackApp('replica-west', process.env.CDKTF_OUTDIR ?? 'cdktf.out');
