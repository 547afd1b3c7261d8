// The synth target: bundles a stack app with esbuild and runs the bundle in this process.
// Loading one bundled file is about three times faster than resolving and transpiling the
// workspace's TypeScript and ~100 provider modules one by one.
const { buildSync } = require('esbuild');
const { rmSync } = require('node:fs');
const { join, resolve } = require('node:path');

const [project] = process.argv.slice(2);
if (!project) {
  console.error('usage: node tools/synth/run-app.cjs <project>   (for example primary-east)');
  process.exit(2);
}
const root = resolve(__dirname, '..', '..');
// One file per process: tests may synthesize the same app concurrently.
const outfile = join(root, 'dist', 'synth', `${project}.${process.pid}.cjs`);
buildSync({
  entryPoints: [join(root, 'apps', project, 'src', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  tsconfig: join(root, 'tsconfig.base.json'),
  logLevel: 'warning',
});
try {
  require(outfile);
} finally {
  rmSync(outfile, { force: true });
}
