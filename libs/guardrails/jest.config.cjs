module.exports = {
  displayName: 'guardrails',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // The real-stack test runs every stack app once (about 1-2 s each).
  testTimeout: 60000,
};
