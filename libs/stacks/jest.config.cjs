module.exports = {
  displayName: 'stacks',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  setupFilesAfterEnv: ['<rootDir>/../../tools/jest/cdktf-matchers.cjs'],
};
