import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface ProjectGraphFile {
  graph: { nodes: Record<string, unknown>; dependencies: Record<string, Array<{ target: string }>> };
}

/**
 * The order `nx run-many -t deploy` applies the stacks in: Nx's own project graph (with the
 * topology plugin's primary-first edges), sorted so every stack comes after the stacks it needs.
 */
export function deployOrder(stacks: readonly string[], env: NodeJS.ProcessEnv, cwd: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'nx-graph-'));
  try {
    const file = join(dir, 'graph.json');
    const result = spawnSync('npx', ['nx', 'graph', `--file=${file}`], { cwd, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`nx graph failed (exit ${result.status}): ${result.stderr || result.stdout}`);
    const graph = (JSON.parse(readFileSync(file, 'utf8')) as ProjectGraphFile).graph;
    return topologicalOrder(stacks, (stack) => (graph.dependencies[stack] ?? []).map((edge) => edge.target).filter((target) => stacks.includes(target)));
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
