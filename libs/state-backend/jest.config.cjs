module.exports = {
  displayName: 'state-backend-lib',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  setupFilesAfterEnv: ['<rootDir>/../../tools/jest/cdktf-matchers.cjs'],
};
