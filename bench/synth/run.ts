import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, type Measurement, ROOT } from './measure';

const REGION_STACKS = ['primary-east', 'replica-west', 'replica-ohio'];
const ALL_STACKS = ['state-backend', ...REGION_STACKS];
const NX = join(ROOT, 'node_modules', '.bin', 'nx');
const MB = 1024 * 1024;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const round = (value: number, digits = 0) => Number(value.toFixed(digits));
const log = (line: string) => console.log(line);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median wall time and the largest peak RSS over ROUNDS runs. */
function repeat(label: string, run: () => Measurement): { wallMs: number; peakRssMb?: number } {
  const results: Measurement[] = [];
  for (let i = 1; i <= ROUNDS; i += 1) {
    results.push(run());
    log(`    ${label} round ${i}/${ROUNDS}: ${round(results[i - 1].wallMs)} ms`);
  }
  const rss = results.map((r) => r.peakRssBytes).filter((b): b is number => b !== undefined);
  return { wallMs: round(median(results.map((r) => r.wallMs))), peakRssMb: rss.length ? round(Math.max(...rss) / MB, 1) : undefined };
}

function synthDirect(stack: string): Measurement {
  const outdir = mkdtempSync(join(tmpdir(), 'bench-synth-'));
  try {
    return measure(process.execPath, ['tools/synth/run-app.cjs', stack], { CDKTF_OUTDIR: outdir });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function main(): void {
  if (!Number.isInteger(ROUNDS) || ROUNDS < 1) {
    console.error(`error: BENCH_ROUNDS must be a positive integer, got "${process.env.BENCH_ROUNDS}"`);
    process.exit(2);
  }
  log('bench:synth: cold synthesis of every stack, and the provider barrel import as a reference');
  log(`machine: ${cpus().length} CPUs, Node ${process.version}, load average ${loadavg()[0].toFixed(2)}; median of ${ROUNDS} rounds (BENCH_ROUNDS)`);
  log("  the stream processor's bundle first, which the pipeline's home region synthesizes (not measured)");
  measure(NX, ['run', 'stream-processor:bundle', '--output-style=static'], { NX_DAEMON: 'false' }, false);

  const perStack: Record<string, { wallMs: number; peakRssMb: number }> = {};
  for (const stack of ALL_STACKS) {
    log(`  ${stack}: synth as its target runs it (esbuild bundle + run, fresh process)`);
    const result = repeat(stack, () => synthDirect(stack));
    perStack[stack] = { wallMs: result.wallMs, peakRssMb: result.peakRssMb ?? 0 };
  }

  const nxSynth = ['run-many', '-t', 'synth', '-p', REGION_STACKS.join(','), '--skip-nx-cache', '--output-style=static'];
  log('  the three region stacks through Nx, cache skipped (the stream bundle is rebuilt too), no daemon (as in CI)');
  const nx = repeat('nx run-many -t synth', () => measure(NX, nxSynth, { NX_DAEMON: 'false' }, false));
  log('  the same with the Nx daemon running (a developer machine)');
  const daemonWasRunning = spawnSync(NX, ['daemon'], { cwd: ROOT, encoding: 'utf8' }).stdout.includes('currently running');
  measure(NX, ['daemon', '--start'], {}, false);
  measure(NX, ['show', 'projects'], {}, false);
  const nxDaemon = repeat('nx run-many -t synth (daemon)', () => measure(NX, nxSynth, { NX_DAEMON: 'true' }, false));
  if (!daemonWasRunning) measure(NX, ['daemon', '--stop'], {}, false);

  log("  one require('@cdktf/provider-aws') (the barrel a naive project imports), fresh process");
  const barrel = repeat('barrel import', () => measure(process.execPath, ['-e', "require('@cdktf/provider-aws')"]));

  const regionDirectTotal = REGION_STACKS.reduce((sum, stack) => sum + perStack[stack].wallMs, 0);
  const figures = {
    rounds: ROUNDS,
    perStack,
    regionStacksDirectTotalMs: round(regionDirectTotal),
    allStacksDirectTotalMs: round(ALL_STACKS.reduce((sum, stack) => sum + perStack[stack].wallMs, 0)),
    maxStackPeakRssMb: Math.max(...ALL_STACKS.map((stack) => perStack[stack].peakRssMb)),
    nxRegionStacksColdWallMs: nx.wallMs,
    nxRegionStacksColdDaemonWallMs: nxDaemon.wallMs,
    barrelImportWallMs: barrel.wallMs,
    barrelImportPeakRssMb: barrel.peakRssMb,
    nxSynthToBarrelRatio: round(nx.wallMs / barrel.wallMs, 2),
    nxDaemonSynthToBarrelRatio: round(nxDaemon.wallMs / barrel.wallMs, 2),
    directSynthToBarrelRatio: round(regionDirectTotal / barrel.wallMs, 2),
  };
  log(
    `summary: a cold Nx synth of the 3 region stacks took ${figures.nxSynthToBarrelRatio}x one barrel import ` +
      `(${figures.nxDaemonSynthToBarrelRatio}x with the daemon); largest stack peak RSS ${figures.maxStackPeakRssMb} MB (budget 250 MB)`,
  );
  console.log(JSON.stringify(figures));
}

main();
