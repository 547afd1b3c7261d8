module.exports = {
  displayName: 'stack-base',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  setupFilesAfterEnv: ['<rootDir>/../../tools/jest/cdktf-matchers.cjs'],
};
