module.exports = {
  displayName: 'bench-runbook',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // The test runs the whole bench through npm and tsx in a child process.
  testTimeout: 120000,
};
