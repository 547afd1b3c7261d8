module.exports = {
  displayName: 'terraform-toolkit',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
