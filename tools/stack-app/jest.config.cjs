// The jest configuration of every stack app, which has none of its own: its test target runs
// `jest --config tools/stack-app/jest.config.cjs --rootDir apps/<stack>` (tools/nx/stack-targets.js).
const { join } = require('node:path');
const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: join(__dirname, 'tsconfig.json') }] },
  // Each test synthesizes its stack in a child process, as the synth target does.
  testTimeout: 60000,
};
