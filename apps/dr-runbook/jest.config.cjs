module.exports = {
  displayName: 'dr-runbook',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // The child-process tests start the real CLI through npm and tsx; give them room on slow machines.
  testTimeout: 60000,
};
