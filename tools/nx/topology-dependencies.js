// Nx plugin: deploy order follows the topology. Every replica region's stack depends on the
// primary region's stack, so `nx affected -t deploy` applies the primary first. After a
// failover, changing primaryRegion in the topology flips the order with no other edit.
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ENVIRONMENTS_DIR = 'libs/topology/environments';

function readTopology(workspaceRoot) {
  const environment = process.env.XYZ_ENVIRONMENT || 'production';
  const dir = process.env.XYZ_TOPOLOGY_DIR ? resolve(process.env.XYZ_TOPOLOGY_DIR) : join(workspaceRoot, ENVIRONMENTS_DIR);
  return JSON.parse(readFileSync(join(dir, `${environment}.json`), 'utf8'));
}

/** @type {import('nx/src/project-graph/plugins').CreateDependencies} */
exports.createDependencies = (_options, context) => {
  const topology = readTopology(context.workspaceRoot);
  const primary = topology.regions.find((entry) => entry.region === topology.primaryRegion);
  if (!primary) return [];
  return topology.regions
    .filter((entry) => entry !== primary && context.projects[entry.stack] && context.projects[primary.stack])
    .map((entry) => ({ source: entry.stack, target: primary.stack, type: 'implicit' }));
};
