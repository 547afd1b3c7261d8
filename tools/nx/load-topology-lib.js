// @ts-check
// Loads libs/topology, which is TypeScript, into the Nx process: esbuild bundles its sources into
// one CommonJS module (packages stay external), compiled as if it were a file of
// libs/topology/src so that the library finds its environments exactly as it does in the apps.
// The bundle is kept in Nx's workspace data, named by a hash of the sources, so that an nx command
// pays for esbuild only after the library changed (`nx reset` clears it).
const { createHash } = require('node:crypto');
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const { workspaceDataDirectory } = require('nx/src/utils/cache-directory');

/** @typedef {typeof import('../../libs/topology/src/index')} TopologyLib */

const BUNDLE_PREFIX = 'topology-lib.';

/** @type {{ key: string, lib: TopologyLib } | undefined} */
let loaded;

/** @param {string} workspaceRoot */
function sourcesKey(workspaceRoot) {
  const sources = join(workspaceRoot, 'libs', 'topology', 'src');
  const hash = createHash('sha256').update(readFileSync(join(workspaceRoot, 'tsconfig.base.json')));
  const files = readdirSync(sources, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));
  for (const file of files.sort()) hash.update(file).update(readFileSync(join(sources, file)));
  return hash.digest('hex').slice(0, 16);
}

/** @param {string} workspaceRoot */
function bundle(workspaceRoot) {
  const { buildSync } = require('esbuild');
  return buildSync({
    entryPoints: [join(workspaceRoot, 'libs', 'topology', 'src', 'index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    tsconfig: join(workspaceRoot, 'tsconfig.base.json'),
    write: false,
    logLevel: 'silent',
  }).outputFiles[0].text;
}

/**
 * @param {string} workspaceRoot
 * @param {string} key
 */
function cachedBundle(workspaceRoot, key) {
  const file = join(workspaceDataDirectory, `${BUNDLE_PREFIX}${key}.cjs`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    const source = bundle(workspaceRoot);
    mkdirSync(workspaceDataDirectory, { recursive: true });
    for (const stale of readdirSync(workspaceDataDirectory).filter((name) => name.startsWith(BUNDLE_PREFIX))) rmSync(join(workspaceDataDirectory, stale), { force: true });
    // Other nx processes may read it at the same time: write it whole, then rename.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, source);
    renameSync(partial, file);
    return source;
  }
}

/**
 * The topology library's exports, loaded again when its sources change (the Nx daemon lives long).
 * @param {string} workspaceRoot
 * @returns {TopologyLib}
 */
function loadTopologyLib(workspaceRoot) {
  const key = sourcesKey(workspaceRoot);
  if (loaded?.key !== key) {
    const filename = join(workspaceRoot, 'libs', 'topology', 'src', 'index.nx-plugin.cjs');
    const compiled = /** @type {any} */ (new Module(filename));
    compiled.filename = filename;
    compiled.paths = /** @type {any} */ (Module)._nodeModulePaths(dirname(filename));
    compiled._compile(cachedBundle(workspaceRoot, key), filename);
    loaded = { key, lib: compiled.exports };
  }
  return loaded.lib;
}

module.exports = { loadTopologyLib };
