import { runRegionStackApp } from '@xyz/stacks';

process.exitCode = runRegionStackApp('primary-east', process.env.CDKTF_OUTDIR ?? 'cdktf.out');
