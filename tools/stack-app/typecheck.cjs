// The typecheck target of a stack app: `tsc --noEmit` over apps/<stack>/src with the shared
// tools/stack-app/tsconfig.json. The apps have no tsconfig of their own, and tsc cannot combine
// a project file with a list of sources, so this adds the app's sources to the shared one.
//
//   node tools/stack-app/typecheck.cjs apps/<stack>
const { existsSync } = require('node:fs');
const { join, resolve } = require('node:path');
const ts = require('typescript');

const root = resolve(__dirname, '..', '..');
const [projectRoot] = process.argv.slice(2);
if (!projectRoot || !existsSync(join(root, projectRoot, 'src'))) {
  console.error(`usage: node tools/stack-app/typecheck.cjs apps/<stack>${projectRoot ? `\nerror: there is no ${projectRoot}/src` : ''}`);
  process.exit(2);
}

const configFile = join(__dirname, 'tsconfig.json');
const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
config.include = [...config.include, join(root, projectRoot, 'src', '**', '*.ts')];
const parsed = ts.parseJsonConfigFileContent(config, ts.sys, __dirname, { noEmit: true }, configFile);
const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
const diagnostics = [...parsed.errors, ...ts.getPreEmitDiagnostics(program)];
const host = { getCanonicalFileName: (file) => file, getCurrentDirectory: () => root, getNewLine: () => '\n' };
process.stdout.write(process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext(diagnostics, host) : ts.formatDiagnostics(diagnostics, host));
process.exitCode = diagnostics.length ? 1 : 0;
