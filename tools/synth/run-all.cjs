// The app of cdktf.json (`npx cdktf synth`, `list`, `diff`): runs every stack app (the folders
// apps/<stack> with a stack.json) in this one process, each exactly as its synth target runs it,
// into CDKTF_OUTDIR (set by the cdktf CLI; default cdktf.out).
//
// Each stack app is its own cdktf App, and an App writes manifest.json listing only its own stack;
// this script merges them so that the CLI sees every stack.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { runTypeScript } = require('../run-ts.cjs');

const root = resolve(__dirname, '..', '..');
const STACK_MARKER = 'stack.json';
const MANIFEST = 'manifest.json';

/** The stack apps: apps/<name> with a stack.json, in name order. */
function stackApps() {
  const apps = join(root, 'apps');
  return readdirSync(apps)
    .filter((name) => existsSync(join(apps, name, STACK_MARKER)))
    .sort();
}

/** Runs one stack app; returns its exit code and the manifest it wrote (undefined if none). */
function runStackApp(name, manifestFile) {
  rmSync(manifestFile, { force: true });
  process.exitCode = undefined;
  runTypeScript(`apps/${name}/src/main.ts`, []);
  const code = Number(process.exitCode ?? 0);
  const manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : undefined;
  return { code, manifest };
}

/**
 * The pipeline's home region synthesizes the stream processor's Lambda bundle, which a fresh clone
 * does not have. Inside an Nx task the task's dependsOn has built it; outside one (the cdktf CLI run
 * by hand) it is built here through Nx, so it is also rebuilt when the processor changed (cached otherwise).
 */
function buildProcessorBundle() {
  if (process.env.NX_TASK_TARGET_PROJECT) return true;
  console.log('Building the stream processor bundle: nx run stream-processor:bundle');
  const nx = join(root, 'node_modules', '.bin', 'nx');
  const result = spawnSync(nx, ['run', 'stream-processor:bundle', '--output-style=static'], { cwd: root, encoding: 'utf8' });
  if (result.status === 0) return true;
  console.error(`${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`.trim());
  console.error('error: could not build the stream processor bundle (nx run stream-processor:bundle, above); nothing was synthesized');
  return false;
}

function main() {
  if (!buildProcessorBundle()) {
    process.exitCode = 1;
    return;
  }
  const outdir = resolve(process.env.CDKTF_OUTDIR ?? 'cdktf.out');
  const manifestFile = join(outdir, MANIFEST);
  const merged = { version: undefined, stacks: {} };
  let exitCode = 0;
  for (const name of stackApps()) {
    const { code, manifest } = runStackApp(name, manifestFile);
    exitCode = Math.max(exitCode, code);
    if (!manifest) continue;
    merged.version = manifest.version;
    Object.assign(merged.stacks, manifest.stacks);
  }
  if (merged.version) writeFileSync(manifestFile, `${JSON.stringify(merged, null, 2)}\n`);
  process.exitCode = exitCode;
}

main();
