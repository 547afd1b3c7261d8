import baseConfig, { constructRules } from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  ...constructRules,
  // Apps (not constructs) read the processor bundle's manifest through it.
  { files: ['src/read-processor-bundle.ts'], rules: { 'no-restricted-imports': 'off' } },
];
