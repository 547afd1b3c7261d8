module.exports = {
  displayName: 'terraform-schema',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
