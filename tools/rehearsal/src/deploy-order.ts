import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface TaskGraphFile {
  tasks: { dependencies: Record<string, string[]> };
}

const DEPLOY = ':deploy';
const stackOfDeployTask = (task: string) => (task.endsWith(DEPLOY) ? task.slice(0, -DEPLOY.length) : undefined);
const deployedStacks = (tasks: readonly string[]) => tasks.map(stackOfDeployTask).filter((stack): stack is string => stack !== undefined);

/**
 * The stacks `nx run-many -t deploy` would apply, in its order: Nx's task graph (each stack after
 * its ^deploy dependencies), exactly as an operator or the deploy workflow runs it with the same
 * environment (XYZ_REGIONS_DOWN included). Nothing runs.
 */
export function deployOrder(env: NodeJS.ProcessEnv, cwd: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'nx-tasks-'));
  try {
    const file = join(dir, 'tasks.json');
    const result = spawnSync('npx', ['nx', 'run-many', '-t', 'deploy', `--graph=${file}`], { cwd, env: { ...env, NX_DAEMON: 'false' }, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`nx run-many -t deploy --graph failed (exit ${result.status}): ${result.stderr || result.stdout}`);
    const { dependencies } = (JSON.parse(readFileSync(file, 'utf8')) as TaskGraphFile).tasks;
    return topologicalOrder(deployedStacks(Object.keys(dependencies)), (stack) => deployedStacks(dependencies[`${stack}${DEPLOY}`] ?? []));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function topologicalOrder(nodes: readonly string[], dependenciesOf: (node: string) => string[]): string[] {
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (node: string) => {
    if (order.includes(node)) return;
    if (visiting.has(node)) throw new Error(`dependency cycle through ${node}`);
    visiting.add(node);
    dependenciesOf(node).forEach(visit);
    visiting.delete(node);
    order.push(node);
  };
  [...nodes].sort().forEach(visit);
  return order;
}
