import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTopology, platformStacks } from '@xyz/topology';
import { editedTopologyDir, editJson, nx, ROOT } from './run-nx';

interface Target {
  readonly cache?: boolean;
  readonly dependsOn?: Array<string | { projects?: string[]; target: string }>;
  readonly outputs?: string[];
  readonly configurations?: Record<string, { command?: string }>;
}
interface ProjectNode {
  readonly root: string;
  readonly tags: string[];
  readonly implicitDependencies?: string[];
  readonly targets: Record<string, Target>;
}

const scratch = () => mkdtempSync(join(tmpdir(), 'nx-wiring-'));

/** Every project's configuration as nx computes it (nothing runs). */
function projectGraph(env: NodeJS.ProcessEnv = {}): Record<string, ProjectNode> {
  const file = join(scratch(), 'graph.json');
  nx(['graph', `--file=${file}`], env);
  const { graph } = JSON.parse(readFileSync(file, 'utf8')) as { graph: { nodes: Record<string, { data: ProjectNode }> } };
  return Object.fromEntries(Object.entries(graph.nodes).map(([name, node]) => [name, node.data]));
}

/** For each stack's deploy task, the deploy tasks nx runs before it (nothing runs). */
function deployOrder(env: NodeJS.ProcessEnv = {}): Record<string, string[]> {
  const file = join(scratch(), 'tasks.json');
  nx(['run-many', '-t', 'deploy', `--graph=${file}`], env);
  const { tasks } = JSON.parse(readFileSync(file, 'utf8')) as { tasks: { dependencies: Record<string, string[]> } };
  return Object.fromEntries(
    Object.entries(tasks.dependencies)
      .filter(([task]) => task.endsWith(':deploy'))
      .map(([task, before]) => [task, before.filter((other) => other.endsWith(':deploy')).sort()]),
  );
}

const waitsForProcessorBundle = (target: Target | undefined) =>
  (target?.dependsOn ?? []).some((dep) => typeof dep === 'object' && dep.target === 'bundle' && dep.projects?.includes('stream-processor'));

describe('the stack projects, inferred from the topology (tools/nx/stack-projects.js)', () => {
  const stacks = platformStacks(loadTopology('production'));
  const graph = projectGraph();
  const stackProjects = Object.entries(graph).filter(([, node]) => node.tags.includes('kind:stack'));

  it('are the topology stacks, each in an app folder that holds only its entry point, its test and its stack.json', () => {
    expect(stackProjects.map(([name, node]) => [name, node.root]).sort()).toEqual(stacks.map((stack) => [stack.name, `apps/${stack.name}`]).sort());
    for (const stack of stacks) {
      const files = readdirSync(join(ROOT, 'apps', stack.name), { recursive: true, encoding: 'utf8' }).sort();
      expect([stack.name, files]).toEqual([stack.name, ['src', join('src', 'main.spec.ts'), join('src', 'main.ts'), 'stack.json']]);
    }
  });

  it('have the stack targets: synth cached with its outputs, validate, plan with an offline configuration, deploy never cached, test, lint, typecheck', () => {
    for (const [name, { targets }] of stackProjects) {
      expect([name, Object.keys(targets).sort()]).toEqual([name, ['deploy', 'lint', 'plan', 'synth', 'test', 'typecheck', 'validate']]);
      expect(targets.synth.cache).toBe(true);
      expect(targets.synth.outputs).toEqual(['{workspaceRoot}/cdktf.out/stacks/{projectName}/cdk.tf.json', '{workspaceRoot}/cdktf.out/stacks/{projectName}/assets']);
      expect(targets.plan.configurations?.offline.command).toBe(`tsx --tsconfig tsconfig.base.json tools/terraform/src/main.ts plan ${name} --offline`);
      expect(targets.deploy.cache).toBe(false);
      expect(targets.deploy.dependsOn).toEqual(['synth', '^deploy']);
    }
  });

  it('tags each stack with its role, and puts every region stack after state-backend and every replica after the primary', () => {
    expect(stackProjects.map(([name, node]) => [name, node.tags.filter((tag) => tag.startsWith('role:')), node.implicitDependencies]).sort()).toEqual([
      ['primary-east', ['role:primary'], ['state-backend', 'stream-processor']],
      ['replica-ohio', ['role:replica'], ['state-backend', 'primary-east']],
      ['replica-west', ['role:replica'], ['state-backend', 'primary-east']],
      ['state-backend', ['role:state-backend'], []],
    ]);
  });

  it("makes only the pipeline's home region (stream.homeRegion) wait for the processor bundle before synth and test", () => {
    expect(stackProjects.filter(([, node]) => waitsForProcessorBundle(node.targets.synth) && waitsForProcessorBundle(node.targets.test)).map(([name]) => name)).toEqual([
      'primary-east',
    ]);
  });

  it('deploys state-backend, then the primary, then the replicas', () => {
    expect(deployOrder()).toEqual({
      'state-backend:deploy': [],
      'primary-east:deploy': ['state-backend:deploy'],
      'replica-west:deploy': ['primary-east:deploy', 'state-backend:deploy'],
      'replica-ohio:deploy': ['primary-east:deploy', 'state-backend:deploy'],
    });
  });

  it('flips the deploy order when a failover changes primaryRegion, and nothing else', () => {
    const failedOver = editedTopologyDir(editJson((doc) => (doc.primaryRegion = 'us-west-2')));
    expect(deployOrder({ XYZ_TOPOLOGY_DIR: failedOver })).toEqual({
      'state-backend:deploy': [],
      'replica-west:deploy': ['state-backend:deploy'],
      'primary-east:deploy': ['replica-west:deploy', 'state-backend:deploy'],
      'replica-ohio:deploy': ['replica-west:deploy', 'state-backend:deploy'],
    });
  });

  it('with a region down (XYZ_REGIONS_DOWN), plans and deploys only the stacks whose region is up, new primary first', () => {
    const failedOver = editedTopologyDir(editJson((doc) => (doc.primaryRegion = 'us-west-2')));
    const env = { XYZ_TOPOLOGY_DIR: failedOver, XYZ_REGIONS_DOWN: 'us-east-1' };
    // primary-east is in us-east-1, and so is the state backend's own state (its home region).
    expect(deployOrder(env)).toEqual({
      'replica-west:deploy': [],
      'replica-ohio:deploy': ['replica-west:deploy'],
    });
    const lostRegion = projectGraph(env);
    for (const name of ['primary-east', 'state-backend']) {
      expect([name, Object.keys(lostRegion[name].targets).sort()]).toEqual([name, ['lint', 'synth', 'test', 'typecheck', 'validate']]);
    }
    for (const name of ['replica-west', 'replica-ohio']) {
      expect([name, Object.keys(lostRegion[name].targets).sort()]).toEqual([name, ['deploy', 'lint', 'plan', 'synth', 'test', 'typecheck', 'validate']]);
    }
  });

  it('moves the processor bundle dependency with stream.homeRegion', () => {
    const movedPipeline = editedTopologyDir(editJson((doc) => ((doc.stream as { homeRegion: string }).homeRegion = 'us-east-2')));
    const moved = projectGraph({ XYZ_TOPOLOGY_DIR: movedPipeline });
    expect(['primary-east', 'replica-west', 'replica-ohio'].filter((name) => waitsForProcessorBundle(moved[name].targets.synth))).toEqual(['replica-ohio']);
    expect(moved['replica-ohio'].implicitDependencies).toEqual(['state-backend', 'primary-east', 'stream-processor']);
  });
});
