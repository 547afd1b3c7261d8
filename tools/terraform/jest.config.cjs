module.exports = {
  displayName: 'terraform-cli',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // Real terraform runs: init, validate and plan of every stack take a while on two cores.
  testTimeout: 600000,
};
