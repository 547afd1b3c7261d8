module.exports = {
  displayName: 'state-backend',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testTimeout: 60000,
};
