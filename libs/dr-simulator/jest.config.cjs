module.exports = {
  displayName: 'dr-simulator',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
