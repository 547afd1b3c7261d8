module.exports = {
  displayName: 'replica-west',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testTimeout: 60000,
};
