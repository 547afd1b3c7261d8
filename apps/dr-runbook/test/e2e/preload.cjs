// Test-only preload, given to `npm run dr-runbook` through NODE_OPTIONS=--require. npm and tsx start
// several node processes; only the one that runs the CLI's main.ts installs the simulated AWS
// (aws-sdk-client-mock on the same SDK classes the CLI uses), read from the scenario file.
const { resolve } = require('node:path');

const main = resolve(__dirname, '..', '..', 'src', 'main.ts');
if (process.env.DR_RUNBOOK_SIM_SCENARIO && process.argv[1] === main) {
  require('tsx/cjs/api').register();
  require('./install-scenario.ts').installScenario(process.env.DR_RUNBOOK_SIM_SCENARIO, process.env.DR_RUNBOOK_SIM_OUT);
}
