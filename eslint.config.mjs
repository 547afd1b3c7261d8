import nx from '@nx/eslint-plugin';

const boundaries = {
  enforceBuildableLibDependency: true,
  depConstraints: [
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: ['type:stack', 'type:construct', 'type:config', 'type:tool', 'type:schema'],
    },
    { sourceTag: 'type:stack', onlyDependOnLibsWithTags: ['type:construct', 'type:config'] },
    { sourceTag: 'type:construct', onlyDependOnLibsWithTags: ['type:construct', 'type:config', 'type:schema'] },
    { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:tool', 'type:config', 'type:schema'] },
    // Pure descriptions of external formats (libs/terraform-schema: Terraform's JSON): anyone may read them.
    { sourceTag: 'type:schema', onlyDependOnLibsWithTags: ['type:schema'] },
    { sourceTag: 'type:config', onlyDependOnLibsWithTags: ['type:config'] },
    { sourceTag: 'scope:ops', notDependOnLibsWithTags: ['type:construct', 'type:stack'] },
    // Code that runs in AWS Lambda (libs/stream-processor): only the contracts of its construct (its lint forbids the rest).
    { sourceTag: 'type:lambda', onlyDependOnLibsWithTags: ['type:construct', 'type:config'] },
    // Simulators, emulators and fakes for tests and benches (libs/dr-simulator, libs/stream-local).
    { sourceTag: 'type:test-support', onlyDependOnLibsWithTags: ['type:test-support', 'type:lambda', 'type:construct', 'type:config'] },
    { sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['type:test-support', 'type:construct', 'type:config', 'type:tool', 'type:schema'] },
  ],
};

/** What test files may use beyond what their project's own code may. */
const TEST_ONLY_TAGS = {
  // An app's tests may use emulators and simulators; its own code may not.
  'type:app': ['type:test-support'],
  // A construct's tests may run the real terraform on what it synthesizes (@xyz/terraform-toolkit/testing).
  'type:construct': ['type:tool'],
};

const testBoundaries = {
  ...boundaries,
  depConstraints: boundaries.depConstraints.map((constraint) => {
    const extra = TEST_ONLY_TAGS[constraint.sourceTag];
    return extra ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, ...extra] } : constraint;
  }),
};

/** The shared test helper that is not a project: run a stack app as its synth target does. */
const TEST_HELPERS = ['../../../tools/jest/synth-app', '../../jest/synth-app'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/node_modules', '**/cdktf.out', '**/dist', '**/.nx', '**/coverage', '**/tmp'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { ...boundaries, allow: [] }],
    },
  },
  {
    // Tests share tools/jest/synth-app; terraform in tests comes from @xyz/terraform-toolkit.
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { ...testBoundaries, allow: TEST_HELPERS }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];

/**
 * For construct and stack libraries: they get their inputs as props from the apps; only the
 * apps, the tools and the topology library read the environment or the file system.
 */
export const constructRules = [
  {
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts', 'test/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises'] }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Constructs take their inputs as props; read the environment in the app.' },
      ],
    },
  },
];
