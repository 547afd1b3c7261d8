import type { StateRebind } from '../src/runbook/report';
import { Harness } from './support/harness';
import { latestRun } from './support/report';
import { platformIds } from './support/topology-ids';

const commandsFor = (stack: string) => [`npx nx run ${stack}:synth`, `npm run terraform -- rebind-database ${stack}`];
const stackOf = (h: Harness, region: string) => h.topology.regions.find((entry) => entry.region === region)?.stackName ?? region;

/** Every place a rebind must show up agrees: report.json, report.md and the printed summary. */
function rebindsEverywhere(h: Harness, stdout: string): readonly StateRebind[] {
  const { report, markdown } = latestRun(h.journalDir);
  const rebinds = report?.stateRebinds ?? [];
  h.topology.regions.forEach((region) => {
    const stack = region.stackName;
    const rebound = rebinds.some((rebind) => rebind.stack === stack);
    const commandLines = commandsFor(stack).map((command) => `\n    ${command}\n`);
    commandLines.forEach((line) => expect(stdout.includes(line)).toBe(rebound));
    expect(markdown?.includes(`### ${stack} (${region.region})\n`)).toBe(rebound);
    expect(report?.nextSteps.some((step) => step.includes(`\`npm run terraform -- rebind-database ${stack}\``))).toBe(rebound);
    if (rebound) {
      const block = ['```sh', ...commandsFor(stack), '```'].join('\n');
      expect(markdown).toContain(block);
      const step = report?.nextSteps.find((entry) => entry.includes(`rebind-database ${stack}`)) ?? '';
      expect(step.indexOf(`npx nx run ${stack}:synth`)).toBeLessThan(step.indexOf(`rebind-database ${stack}`));
    }
  });
  return rebinds;
}

describe('Terraform state rebind after a replica is replaced under its standard identifier', () => {
  let h: Harness;
  afterEach(() => h.cleanup());

  it('failover: only the rebuilt region, with the stack from the topology, the renamed instance and the reason', async () => {
    h = new Harness();
    const ids = platformIds(h.topology);
    const dry = await h.run(['failover', '--to', 'us-west-2']);
    expect(dry.stdout).toContain(`afterwards rebind ${stackOf(h, 'us-east-2')} with \`npx nx run <stack>:synth\``);

    const result = await h.run(['failover', '--to', 'us-west-2', '--execute', '--yes']);
    expect(result.code).toBe(0);
    const rebinds = rebindsEverywhere(h, result.stdout);
    expect(rebinds).toEqual([
      {
        region: 'us-east-2',
        stack: stackOf(h, 'us-east-2'),
        instance: ids.use2,
        staleInstance: `${ids.use2}-stale-202503010300`,
        reason: expect.stringContaining(`still tracks ${ids.use2}-stale-202503010300`),
        commands: commandsFor(stackOf(h, 'us-east-2')),
      },
    ]);
    expect(result.stdout.indexOf('Terraform state to rebind')).toBeGreaterThan(result.stdout.indexOf('Next steps:'));
  });

  it('failback after a failover: every region got a new instance under its identifier, so every stack is rebound', async () => {
    h = new Harness();
    expect((await h.run(['failover', '--to', 'us-west-2', '--execute', '--yes', '--write-topology'])).code).toBe(0);
    const result = await h.run(['failback', '--to', 'us-east-1', '--execute', '--yes', '--write-topology']);
    expect(result.code).toBe(0);
    const rebinds = rebindsEverywhere(h, result.stdout);
    expect(rebinds.map((rebind) => [rebind.region, rebind.stack])).toEqual(h.topology.regions.map((region) => [region.region, region.stackName]));
    rebinds.forEach((rebind) => expect(rebind.staleInstance).toMatch(/-stale-\d{12}$/));
  });

  it('a planned switchover reuses the target replica: its stack is not rebound, the two rebuilt ones are', async () => {
    h = new Harness({ lagSeconds: { 'us-west-2': 1 } });
    const result = await h.run(['failback', '--to', 'us-west-2', '--execute', '--yes']);
    expect(result.code).toBe(0);
    const rebinds = rebindsEverywhere(h, result.stdout);
    expect(rebinds.map((rebind) => rebind.region)).toEqual(['us-east-1', 'us-east-2']);
  });

  it('a region whose replica was not rebuilt (it did not answer) is not rebound until --resume rebuilds it', async () => {
    h = new Harness();
    h.sim.at(h.clock.now() + 60_000, (sim) => sim.regionsDown.add('us-east-2'));
    const first = await h.run(['failover', '--to', 'us-west-2', '--execute', '--yes']);
    expect(first.code).toBe(6);
    expect(rebindsEverywhere(h, first.stdout)).toEqual([]);
    expect(first.stdout.slice(first.stdout.indexOf('finished with warnings'))).not.toContain('rebind-database');

    h.sim.regionsDown.delete('us-east-2');
    const resumed = await h.run(['failover', '--resume', '--execute', '--yes']);
    expect(resumed.code).toBe(0);
    expect(rebindsEverywhere(h, resumed.stdout).map((rebind) => rebind.region)).toEqual(['us-east-2']);
  });

  it('a replica that disappeared and was recreated is rebound too: the state tracks an instance that is gone', async () => {
    h = new Harness();
    const ids = platformIds(h.topology);
    h.sim.at(h.clock.now() + 60_000, (sim) => sim.remove('us-east-2', ids.use2));
    const result = await h.run(['failover', '--to', 'us-west-2', '--execute', '--yes']);
    expect(result.code).toBe(0);
    const [rebind, ...others] = rebindsEverywhere(h, result.stdout);
    expect(others).toEqual([]);
    expect(rebind).toMatchObject({ region: 'us-east-2', instance: ids.use2 });
    expect(rebind.staleInstance).toBeUndefined();
    expect(rebind.reason).toContain('which no longer exists');
  });

  it('drills and restores rename nothing and print no rebind', async () => {
    h = new Harness();
    const drill = await h.run(['drill', 'az-failover', '--execute', '--yes']);
    expect(drill.code).toBe(0);
    expect(rebindsEverywhere(h, drill.stdout)).toEqual([]);
    const restore = await h.run(['restore', '--latest', '--target-id', 'inspect-orders', '--execute', '--yes']);
    expect(restore.code).toBe(0);
    expect(rebindsEverywhere(h, restore.stdout)).toEqual([]);
  });
});
