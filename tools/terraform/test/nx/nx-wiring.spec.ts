import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTopology } from '@xyz/topology';

const ROOT = join(__dirname, '..', '..', '..');
const { createDependencies } = require(join(ROOT, 'tools', 'nx', 'topology-dependencies.js')) as {
  createDependencies: (options: unknown, context: { workspaceRoot: string; projects: Record<string, unknown> }) => Array<{ source: string; target: string; type: string }>;
};

interface ProjectJson {
  targets: Record<string, { dependsOn?: Array<string | { projects?: string[]; target: string }> }>;
}

const projectJson = (stack: string) => JSON.parse(readFileSync(join(ROOT, 'apps', stack, 'project.json'), 'utf8')) as ProjectJson;

describe('the Nx wiring of the stacks follows the topology', () => {
  const topology = loadTopology('production');
  const projects = Object.fromEntries(['state-backend', ...topology.regions.map((r) => r.stackName)].map((name) => [name, {}]));

  it("makes every replica stack depend on the primary's stack, so deploys run primary first", () => {
    const dependencies = createDependencies(undefined, { workspaceRoot: ROOT, projects });
    expect(dependencies).toEqual([
      { source: 'replica-west', target: 'primary-east', type: 'implicit' },
      { source: 'replica-ohio', target: 'primary-east', type: 'implicit' },
    ]);
  });

  it('makes only the pipeline home region wait for the processor bundle before synth', () => {
    const home = topology.regions.find((region) => region.region === topology.stream.homeRegion)?.stackName;
    for (const region of topology.regions) {
      const dependsOn = projectJson(region.stackName).targets.synth?.dependsOn ?? [];
      const waitsForBundle = dependsOn.some((dep) => typeof dep === 'object' && dep.target === 'bundle' && dep.projects?.includes('stream'));
      expect([region.stackName, waitsForBundle]).toEqual([region.stackName, region.stackName === home]);
    }
  });

  it('keeps every region stack after state-backend', () => {
    for (const region of topology.regions) {
      expect(JSON.parse(readFileSync(join(ROOT, 'apps', region.stackName, 'project.json'), 'utf8')).implicitDependencies).toEqual(['state-backend']);
    }
  });
});

describe('nx affected stays precise', () => {
  const affectedBy = (file: string) =>
    execFileSync(join(ROOT, 'node_modules', '.bin', 'nx'), ['show', 'projects', '--affected', `--files=${file}`], {
      cwd: ROOT,
      env: { ...process.env, NX_DAEMON: 'false' },
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .sort();

  it('a change to one replica app affects only that stack, and the whole-platform tests that synthesize it', () => {
    // terraform-cli's tests run every stack app (its test inputs name them), and so does the DR
    // runbook's contract test for the replica stacks; nothing depends on either.
    expect(affectedBy('apps/replica-ohio/src/main.ts')).toEqual(['dr-runbook', 'replica-ohio', 'terraform-cli']);
  });

  it('a change to the DR runbook does not rerun the whole-platform tests', () => {
    expect(affectedBy('apps/dr-runbook/src/main.ts')).toEqual(['dr-runbook']);
  });

  it('a change to the database constructs affects every region stack', () => {
    expect(affectedBy('libs/database/src/primary-database.ts')).toEqual(expect.arrayContaining(['primary-east', 'replica-west', 'replica-ohio']));
  });

  it('a change to the DR runbook or the plan review affects no stack', () => {
    for (const file of ['apps/dr-runbook/src/main.ts', 'libs/plan-review/src/errors.ts', 'bench/stream/run.ts']) {
      expect(affectedBy(file).filter((project) => ['state-backend', 'primary-east', 'replica-west', 'replica-ohio'].includes(project))).toEqual([]);
    }
  });
});
