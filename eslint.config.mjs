import nx from '@nx/eslint-plugin';

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
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:stack', 'type:construct', 'type:config', 'type:tool'],
            },
            { sourceTag: 'type:stack', onlyDependOnLibsWithTags: ['type:construct', 'type:config'] },
            { sourceTag: 'type:construct', onlyDependOnLibsWithTags: ['type:construct', 'type:config'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:tool', 'type:config'] },
            { sourceTag: 'type:config', onlyDependOnLibsWithTags: ['type:config'] },
            { sourceTag: 'scope:ops', notDependOnLibsWithTags: ['type:construct', 'type:stack'] },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/**/*.ts'],
    ignores: ['libs/topology/**', '**/*.spec.ts', 'libs/plan-review/src/cli/**', 'libs/*/test/**'],
    rules: {
      // Constructs and tools get their inputs from the apps; only the apps and the topology
      // library read the environment or the file system.
      'no-restricted-imports': ['error', { paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises'] }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Constructs take their inputs as props; read the environment in the app.' }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
