// @ts-check
// Nx plugin: the stack projects come from the topology. Each folder apps/<stack> with a
// stack.json ({ "stack": "<stack>" }) is the app of that topology stack; this plugin gives it its
// targets, its tags and its place in the project graph: every region stack after state-backend,
// every replica after the primary that the topology names (so `nx affected -t deploy` applies the
// primary first, and a failover's one-value topology change flips the order), and the pipeline's
// home region after the stream processor whose bundle it synthesizes. XYZ_REGIONS_DOWN names the
// regions an operator has declared unreachable: their stacks keep no plan or deploy target.
const { readFileSync } = require('node:fs');
const { basename, dirname, join } = require('node:path');
const { loadTopologyLib } = require('./load-topology-lib');
const { PROCESSOR_BUNDLE, stackTargets } = require('./stack-targets');

const STACK_MARKERS = 'apps/*/stack.json';

/** A problem the user must fix; reported as one line. */
class StackProjectError extends Error {}

/**
 * @param {string} workspaceRoot
 * @param {string} marker relative to the workspace root
 */
function stackNamedBy(workspaceRoot, marker) {
  let stack;
  try {
    stack = JSON.parse(readFileSync(join(workspaceRoot, marker), 'utf8')).stack;
  } catch (error) {
    throw new StackProjectError(`${marker}: ${/** @type {Error} */ (error).message}`);
  }
  if (typeof stack !== 'string' || !stack) throw new StackProjectError(`${marker}: expected {"stack": "<name of a topology stack>"}`);
  // The synth target and the cdktf app run apps/<stack>/src/main.ts.
  if (basename(dirname(marker)) !== stack) throw new StackProjectError(`${marker} names stack "${stack}"; its folder must be apps/${stack}`);
  return stack;
}

/**
 * XYZ_REGIONS_DOWN=us-east-1[,us-west-2]: the platform regions that cannot be reached.
 * @param {import('../../libs/topology/src/index').Topology} topology
 * @returns {Set<string>}
 */
function regionsDown(topology) {
  const named = (process.env.XYZ_REGIONS_DOWN ?? '').split(',').map((region) => region.trim()).filter(Boolean);
  const known = topology.regions.map((region) => /** @type {string} */ (region.region));
  const unknown = named.find((region) => !known.includes(region));
  if (unknown) throw new StackProjectError(`XYZ_REGIONS_DOWN: "${unknown}" is not a region of the ${topology.environment} platform (its regions: ${known.join(', ')})`);
  return new Set(named);
}

/**
 * @param {import('../../libs/topology/src/index').PlatformStack} stack
 * @param {string} root
 * @param {boolean} regionDown
 */
function stackProject(stack, root, regionDown) {
  return {
    name: stack.name,
    root,
    sourceRoot: `${root}/src`,
    projectType: /** @type {const} */ ('application'),
    tags: ['type:app', 'scope:platform', 'kind:stack', `role:${stack.role}`],
    implicitDependencies: [...stack.deployAfter, ...(stack.streamHome ? PROCESSOR_BUNDLE.projects : [])],
    targets: stackTargets(stack, regionDown),
  };
}

/**
 * The stack projects: one per marker, each matched one to one with a stack of the topology that
 * XYZ_ENVIRONMENT (and XYZ_TOPOLOGY_DIR) select.
 * @param {readonly string[]} markers
 * @param {string} workspaceRoot
 * @returns {Array<readonly [string, { projects: Record<string, ReturnType<typeof stackProject>> }]>}
 */
function inferStackProjects(markers, workspaceRoot) {
  const topologyLib = loadTopologyLib(workspaceRoot);
  const { topology, file } = topologyLib.loadSelectedTopology();
  const stacks = new Map(topologyLib.platformStacks(topology).map((stack) => [stack.name, stack]));
  /** @type {Map<string, string>} */
  const apps = new Map();
  for (const marker of markers) {
    const name = stackNamedBy(workspaceRoot, marker);
    if (!stacks.has(name)) {
      throw new StackProjectError(`${marker} names stack "${name}", which the topology ${file} does not have (its stacks: ${[...stacks.keys()].join(', ')})`);
    }
    const other = apps.get(name);
    if (other) throw new StackProjectError(`${marker} and ${other} both name stack "${name}"`);
    apps.set(name, marker);
  }
  const missing = [...stacks.keys()].filter((name) => !apps.has(name));
  if (missing.length) {
    throw new StackProjectError(`the topology ${file} has stack "${missing[0]}" but there is no apps/${missing[0]}/stack.json`);
  }
  const down = regionsDown(topology);
  return [...apps].map(([name, marker]) => {
    const root = dirname(marker);
    const stack = /** @type {import('../../libs/topology/src/index').PlatformStack} */ (stacks.get(name));
    // The state backend's own state lives in its home region.
    const regionDown = down.has(stack.region ?? topology.stateBackend.homeRegion);
    return /** @type {const} */ ([marker, { projects: { [root]: stackProject(stack, root, regionDown) } }]);
  });
}

/** @param {unknown} error */
function oneLine(error) {
  if (error instanceof StackProjectError) return `error: ${error.message}`;
  if (error instanceof Error && error.name === 'TopologyError') return `error: invalid topology: ${error.message}`;
  // esbuild could not bundle libs/topology (a syntax error, say): its first error, with its location.
  const first = /** @type {{ errors?: Array<{ text: string, location?: { file: string, line: number, column: number } }> }} */ (error).errors?.[0];
  if (first) return `error: cannot load libs/topology: ${first.location ? `${first.location.file}:${first.location.line}:${first.location.column}: ` : ''}${first.text}`;
  return undefined;
}

/** @type {import('nx/src/project-graph/plugins/public-api').CreateNodesV2} */
const createNodesV2 = [
  STACK_MARKERS,
  (markers, _options, context) => {
    try {
      return inferStackProjects(markers, context.workspaceRoot);
    } catch (error) {
      const line = oneLine(error);
      // Nx would report "Failed to process project graph" and hide the reason behind --verbose.
      // In the nx command's own process, print the reason once and stop; in the daemon or a plugin
      // worker, exiting would only lose it, so throw it to Nx.
      const inCommandProcess = !(/** @type {any} */ (globalThis).NX_DAEMON) && !(/** @type {any} */ (globalThis).NX_PLUGIN_WORKER);
      if (line && inCommandProcess) {
        process.stderr.write(`${line}\n`);
        process.exit(1);
      }
      throw line ? new Error(line) : error;
    }
  },
];

module.exports = { createNodesV2, createNodes: createNodesV2, inferStackProjects, STACK_MARKERS };
