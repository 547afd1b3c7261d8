// The jest configuration of the stack apps, which have none of their own. A stack app's test target
// runs it from the app's folder (tools/nx/stack-targets.js): that app's tests. Run from the
// workspace root (the root jest.config.cjs lists it): every stack app's tests.
const { existsSync, readdirSync } = require('node:fs');
const { basename, join, resolve } = require('node:path');
const preset = require('../../jest.preset.js');

const root = resolve(__dirname, '..', '..');
const isStackApp = (dir) => existsSync(join(dir, 'stack.json'));
const here = process.cwd();
const apps = isStackApp(here) ? [here] : readdirSync(join(root, 'apps')).map((name) => join(root, 'apps', name)).filter(isStackApp);

module.exports = {
  ...preset,
  displayName: isStackApp(here) ? basename(here) : 'stack apps',
  rootDir: root,
  roots: apps,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: join(__dirname, 'tsconfig.json') }] },
  // Each test synthesizes its stack in a child process, as the synth target does.
  testTimeout: 60000,
};
