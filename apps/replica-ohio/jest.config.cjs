module.exports = {
  displayName: 'replica-ohio',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testTimeout: 60000,
};
