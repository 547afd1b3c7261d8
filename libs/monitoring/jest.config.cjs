module.exports = {
  displayName: 'monitoring',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  setupFilesAfterEnv: ['<rootDir>/../../tools/jest/cdktf-matchers.cjs'],
};
