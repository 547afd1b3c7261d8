import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
const RSS_PRELOAD = join(__dirname, 'report-rss.cjs');

export interface Measurement {
  readonly wallMs: number;
  /** Peak RSS of the measured Node process; undefined when it ran through another tool. */
  readonly peakRssBytes?: number;
}

/** Runs a command to completion and measures its wall time and the largest peak RSS of its Node processes. */
export function measure(command: string, args: string[], env: NodeJS.ProcessEnv = {}, trackRss = true): Measurement {
  const rssFile = join(mkdtempSync(join(tmpdir(), 'bench-rss-')), 'rss');
  const nodeOptions = trackRss ? `--require ${RSS_PRELOAD}` : '';
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile, NODE_OPTIONS: [process.env.NODE_OPTIONS, nodeOptions].filter(Boolean).join(' ') },
    encoding: 'utf8',
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr || result.stdout}`);
  }
  if (!trackRss) return { wallMs };
  const perProcess = readFileSync(rssFile, 'utf8').trim().split('\n').map((line) => Number(line.split(' ')[1]));
  return { wallMs, peakRssBytes: Math.max(...perProcess) };
}
