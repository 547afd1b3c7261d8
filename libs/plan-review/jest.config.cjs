module.exports = {
  displayName: 'plan-review',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
