module.exports = {
  displayName: 'primary-east',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testTimeout: 60000,
};
