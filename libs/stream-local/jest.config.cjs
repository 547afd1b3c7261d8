// The AWS SDK warns once per process that its 2027 releases will need Node 22; it is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

module.exports = {
  displayName: 'stream-local',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
