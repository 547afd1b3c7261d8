import baseConfig, { constructRules } from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  // Like a construct, the processor takes its configuration as arguments...
  ...constructRules,
  {
    files: ['src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises'],
          // esbuild would bundle cdktf and the provider into the Lambda.
          patterns: [{ regex: '^@xyz/stream$', message: 'The processor imports only @xyz/stream/contracts, never the construct.' }],
        },
      ],
    },
  },
  // ...except its Lambda entry point, which reads the environment, and the bundler and the test
  // builders, which write files.
  { files: ['src/lambda-handler.ts'], rules: { 'no-restricted-properties': 'off' } },
  { files: ['scripts/**/*.ts', 'src/testing/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
];
