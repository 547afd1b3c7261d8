import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, ROOT } from './measure';

const REGION_STACKS = ['primary-east', 'replica-west', 'replica-ohio'];
const ALL_STACKS = ['state-backend', ...REGION_STACKS];
const NX = join(ROOT, 'node_modules', '.bin', 'nx');
const MB = 1024 * 1024;

const round = (value: number, digits = 0) => Number(value.toFixed(digits));
const log = (line: string) => console.log(line);

function synthDirect(stack: string): { wallMs: number; peakRssMb: number } {
  const outdir = mkdtempSync(join(tmpdir(), 'bench-synth-'));
  const result = measure(process.execPath, ['tools/synth/run-app.cjs', stack], { CDKTF_OUTDIR: outdir });
  rmSync(outdir, { recursive: true, force: true });
  return { wallMs: round(result.wallMs), peakRssMb: round((result.peakRssBytes ?? 0) / MB, 1) };
}

function main(): void {
  log('bench:synth: cold synthesis of every stack, and the provider barrel import as a reference');
  log(`machine: ${require('node:os').cpus().length} CPUs, Node ${process.version}`);

  const perStack: Record<string, { wallMs: number; peakRssMb: number }> = {};
  for (const stack of ALL_STACKS) {
    log(`  synthesizing ${stack} as its synth target does (esbuild bundle + run, fresh process) ...`);
    perStack[stack] = synthDirect(stack);
    log(`    ${stack}: ${perStack[stack].wallMs} ms, peak RSS ${perStack[stack].peakRssMb} MB`);
  }

  const nxSynth = ['run-many', '-t', 'synth', '-p', REGION_STACKS.join(','), '--skip-nx-cache', '--output-style=static'];
  log('  synthesizing the three region stacks through Nx, cache skipped, Nx daemon running (a developer machine) ...');
  measure(NX, ['daemon', '--start'], {}, false);
  measure(NX, ['show', 'projects'], {}, false);
  const nx = measure(NX, nxSynth, { NX_DAEMON: 'true' }, false);
  log(`    nx run-many -t synth (3 region stacks, daemon): ${round(nx.wallMs)} ms`);
  log('  the same without the daemon (CI: Nx computes the project graph first) ...');
  const nxNoDaemon = measure(NX, nxSynth, { NX_DAEMON: 'false' }, false);
  log(`    nx run-many -t synth (3 region stacks, no daemon): ${round(nxNoDaemon.wallMs)} ms`);

  log("  one require('@cdktf/provider-aws') (the barrel a naive project imports) ...");
  const barrel = measure(process.execPath, ['-e', "require('@cdktf/provider-aws')"]);
  log(`    barrel import: ${round(barrel.wallMs)} ms, peak RSS ${round((barrel.peakRssBytes ?? 0) / MB, 1)} MB`);

  const regionDirectTotal = REGION_STACKS.reduce((sum, stack) => sum + perStack[stack].wallMs, 0);
  const figures = {
    perStack,
    regionStacksDirectTotalMs: round(regionDirectTotal),
    allStacksDirectTotalMs: round(ALL_STACKS.reduce((sum, stack) => sum + perStack[stack].wallMs, 0)),
    maxStackPeakRssMb: Math.max(...ALL_STACKS.map((stack) => perStack[stack].peakRssMb)),
    nxRegionStacksColdWallMs: round(nx.wallMs),
    nxRegionStacksColdNoDaemonWallMs: round(nxNoDaemon.wallMs),
    barrelImportWallMs: round(barrel.wallMs),
    barrelImportPeakRssMb: round((barrel.peakRssBytes ?? 0) / MB, 1),
    nxSynthToBarrelRatio: round(nx.wallMs / barrel.wallMs, 2),
    nxNoDaemonSynthToBarrelRatio: round(nxNoDaemon.wallMs / barrel.wallMs, 2),
    directSynthToBarrelRatio: round(regionDirectTotal / barrel.wallMs, 2),
  };
  log(
    `summary: a cold Nx synth of the 3 region stacks took ${figures.nxSynthToBarrelRatio}x the barrel import with the daemon ` +
      `(${figures.nxNoDaemonSynthToBarrelRatio}x without); largest stack peak RSS ${figures.maxStackPeakRssMb} MB (budget 250 MB)`,
  );
  console.log(JSON.stringify(figures));
}

main();
