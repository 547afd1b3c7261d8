import baseConfig, { constructRules } from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  ...constructRules,
  // The bundler writes the Lambda package to dist/ and apps read its manifest through read-manifest.ts; the Lambda entry point is where the processor reads its environment.
  { files: ['scripts/**/*.ts', 'src/bundle/read-manifest.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['src/processor/lambda-handler.ts'], rules: { 'no-restricted-properties': 'off' } },
];
