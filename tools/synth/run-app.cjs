// The synth target: runs apps/<project>/src/main.ts through tools/run-ts.cjs.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { runTypeScript } = require('../run-ts.cjs');

const [project] = process.argv.slice(2);
const entry = project && `apps/${project}/src/main.ts`;
if (!entry || !existsSync(join(__dirname, '..', '..', entry))) {
  console.error(`usage: node tools/synth/run-app.cjs <stack project>   (for example primary-east)${project ? `\nerror: there is no ${entry}` : ''}`);
  process.exit(2);
}
runTypeScript(entry, []);
