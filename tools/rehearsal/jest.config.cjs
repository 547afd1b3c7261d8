module.exports = {
  displayName: 'rehearsal',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
