// @ts-check
// The Nx targets of a stack project (apps/<stack>). Its synth, validate, plan and deploy run the
// stack; test, lint and typecheck use the presets shared by every stack app (tools/stack-app), so
// an app folder holds only its entry point, its test and its stack.json.

/** The stream processor's Lambda package, which the pipeline's home region synthesizes into its stack. */
const PROCESSOR_BUNDLE = { projects: ['stream-processor'], target: 'bundle' };
const TERRAFORM = 'tsx --tsconfig tsconfig.base.json tools/terraform/src/main.ts';
const TOPOLOGY_ENV = [{ env: 'XYZ_ENVIRONMENT' }, { env: 'XYZ_TOPOLOGY_DIR' }];
const STACK_APP_PRESETS = '{workspaceRoot}/tools/stack-app/**/*';

/** @param {string} command */
const runCommands = (command) => ({ executor: 'nx:run-commands', options: { command } });

/**
 * A stack whose region is down (XYZ_REGIONS_DOWN) has no plan or deploy target: its state and its
 * APIs cannot be reached, so `nx run-many`/`nx affected -t plan,deploy` leave it out, and the stacks
 * that deploy after it (^deploy) no longer wait for it.
 * @param {{ streamHome: boolean }} stack
 * @param {boolean} regionDown
 * @returns {Record<string, import('nx/src/config/workspace-json-project-json').TargetConfiguration>}
 */
function stackTargets({ streamHome }, regionDown) {
  const bundleFirst = streamHome ? { dependsOn: [PROCESSOR_BUNDLE] } : {};
  return {
    synth: {
      ...runCommands('node tools/synth/run-app.cjs {projectName}'),
      ...bundleFirst,
      cache: true,
      inputs: [
        'production',
        '^production',
        '{workspaceRoot}/tools/synth/run-app.cjs',
        '{workspaceRoot}/tools/run-ts.cjs',
        ...TOPOLOGY_ENV,
        { env: 'XYZ_STATE_BOOTSTRAP' },
        { dependentTasksOutputFiles: '**/processor-bundle.json' },
      ],
      outputs: ['{workspaceRoot}/cdktf.out/stacks/{projectName}/cdk.tf.json', '{workspaceRoot}/cdktf.out/stacks/{projectName}/assets'],
    },
    validate: {
      ...runCommands(`${TERRAFORM} validate {projectName}`),
      dependsOn: ['synth'],
      cache: true,
      inputs: [
        'production',
        '^production',
        '{workspaceRoot}/tools/terraform/src/**/*',
        // The runner and the one way it initialises terraform (the CLI config): tools/terraform's libraries.
        '{workspaceRoot}/libs/terraform-toolkit/src/**/*',
        '{workspaceRoot}/libs/terraform-schema/src/**/*',
        '{workspaceRoot}/libs/topology/environments/*.json',
        ...TOPOLOGY_ENV,
        { externalDependencies: ['@cdktf/provider-aws'] },
      ],
    },
    ...(regionDown
      ? {}
      : {
        plan: {
          ...runCommands(`${TERRAFORM} plan {projectName}`),
          configurations: { offline: { command: `${TERRAFORM} plan {projectName} --offline` } },
          dependsOn: ['synth'],
          cache: false,
        },
        deploy: {
          ...runCommands(`${TERRAFORM} deploy {projectName}`),
          // ^deploy: the stacks this one depends on in the project graph (deployAfter) are applied first.
          dependsOn: ['synth', '^deploy'],
          cache: false,
        },
        }),
    test: {
      executor: 'nx:run-commands',
      options: { command: 'jest --config ../../tools/stack-app/jest.config.cjs', cwd: '{projectRoot}' },
      ...bundleFirst,
      cache: true,
      inputs: [
        'default',
        '^production',
        '{workspaceRoot}/jest.preset.js',
        '{workspaceRoot}/tools/jest/**/*',
        STACK_APP_PRESETS,
        '{workspaceRoot}/tools/synth/run-app.cjs',
        '{workspaceRoot}/tools/run-ts.cjs',
        { dependentTasksOutputFiles: '**/processor-bundle.json' },
      ],
    },
    lint: {
      ...runCommands('eslint {projectRoot} --max-warnings=0'),
      cache: true,
      inputs: ['default', '{workspaceRoot}/eslint.config.mjs'],
    },
    typecheck: {
      ...runCommands('node tools/stack-app/typecheck.cjs {projectRoot}'),
      cache: true,
      inputs: ['default', '^production', '{workspaceRoot}/tools/jest/**/*', STACK_APP_PRESETS],
    },
  };
}

module.exports = { PROCESSOR_BUNDLE, stackTargets };
