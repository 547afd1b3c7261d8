// The synth target: runs apps/<project>/src/main.ts through tools/run-ts.cjs.
const { runTypeScript } = require('../run-ts.cjs');

const [project] = process.argv.slice(2);
if (!project) {
  console.error('usage: node tools/synth/run-app.cjs <project>   (for example primary-east)');
  process.exit(2);
}
runTypeScript(`apps/${project}/src/main.ts`, []);
