module.exports = {
  displayName: 'topology',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
