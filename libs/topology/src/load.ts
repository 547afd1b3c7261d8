import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { TopologyError } from './errors';
import type { Topology } from './model';
import { resolveTopology } from './resolve';

export const DEFAULT_ENVIRONMENT = 'production';
/** Environment variable that selects which environments/<name>.json the apps and tools load. */
export const ENVIRONMENT_VARIABLE = 'XYZ_ENVIRONMENT';
/**
 * Environment variable naming another folder of environment files, for a copy that may be edited
 * without touching the committed ones (the rehearsal on an emulator writes its failovers there).
 */
export const TOPOLOGY_DIR_VARIABLE = 'XYZ_TOPOLOGY_DIR';
/**
 * The environments: $XYZ_TOPOLOGY_DIR, or the committed ones, found next to this library's sources
 * or, when the code runs from a bundle (the synth targets bundle each app with esbuild), by
 * walking up to the workspace.
 */
export const ENVIRONMENTS_DIR = environmentsDirOf(process.env);

function environmentsDirOf(env: NodeJS.ProcessEnv): string {
  const chosen = env[TOPOLOGY_DIR_VARIABLE];
  return chosen ? resolve(chosen) : findEnvironmentsDir(__dirname);
}

function findEnvironmentsDir(start: string): string {
  const beside = join(start, '..', 'environments');
  if (existsSync(beside)) return beside;
  for (let dir = start; dirname(dir) !== dir; dir = dirname(dir)) {
    const candidate = join(dir, 'libs', 'topology', 'environments');
    if (existsSync(candidate)) return candidate;
  }
  return beside;
}

export function availableEnvironments(dir = ENVIRONMENTS_DIR): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

export function topologyFile(environment: string, dir = ENVIRONMENTS_DIR): string {
  return join(dir, `${environment}.json`);
}

/** Reads and validates a topology file. Every failure is a TopologyError with a clear message. */
export function loadTopologyFile(file: string): Topology {
  if (!existsSync(file)) throw new TopologyError('(file)', `${file} does not exist`, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TopologyError('(file)', `is not valid JSON: ${(error as Error).message}`, file);
  }
  return resolveTopology(raw, file);
}

/** Loads the named environment, or the one in XYZ_ENVIRONMENT, or production. */
export function loadTopology(environment = process.env[ENVIRONMENT_VARIABLE] || DEFAULT_ENVIRONMENT, dir = ENVIRONMENTS_DIR): Topology {
  const known = availableEnvironments(dir);
  if (!known.includes(environment)) {
    throw new TopologyError(ENVIRONMENT_VARIABLE, `unknown environment "${environment}" (known: ${known.join(', ')})`);
  }
  return loadTopologyFile(topologyFile(environment, dir));
}

/**
 * The topology that XYZ_ENVIRONMENT and XYZ_TOPOLOGY_DIR select at the time of the call (not when
 * this module was loaded), and its file; every error names that file. For long-lived processes
 * such as the Nx plugin.
 */
export function loadSelectedTopology(env: NodeJS.ProcessEnv = process.env): { topology: Topology; file: string } {
  const environment = env[ENVIRONMENT_VARIABLE] || DEFAULT_ENVIRONMENT;
  const dir = environmentsDirOf(env);
  if (!existsSync(dir)) throw new TopologyError(TOPOLOGY_DIR_VARIABLE, `the directory ${dir} does not exist`);
  const file = topologyFile(environment, dir);
  try {
    return { topology: loadTopology(environment, dir), file };
  } catch (error) {
    if (error instanceof TopologyError && !error.source) throw new TopologyError(error.field, error.problem, file);
    throw error;
  }
}
