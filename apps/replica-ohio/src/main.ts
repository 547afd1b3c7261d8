import { runRegionStackApp } from '@xyz/stacks';

process.exitCode = runRegionStackApp('replica-ohio', process.env.CDKTF_OUTDIR ?? 'cdktf.out');
