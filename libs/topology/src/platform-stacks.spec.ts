import { readFileSync } from 'node:fs';
import { topologyFile } from './load';
import { platformStacks } from './platform-stacks';
import { resolveTopology } from './resolve';

const production = () => JSON.parse(readFileSync(topologyFile('production'), 'utf8'));

describe('platformStacks', () => {
  it('lists the state backend, then the primary, then the replicas, each after what it reads', () => {
    expect(platformStacks(resolveTopology(production()))).toEqual([
      { name: 'state-backend', role: 'state-backend', deployAfter: [], streamHome: false },
      { name: 'primary-east', role: 'primary', region: 'us-east-1', deployAfter: ['state-backend'], streamHome: true },
      { name: 'replica-west', role: 'replica', region: 'us-west-2', deployAfter: ['state-backend', 'primary-east'], streamHome: false },
      { name: 'replica-ohio', role: 'replica', region: 'us-east-2', deployAfter: ['state-backend', 'primary-east'], streamHome: false },
    ]);
  });

  it('puts the promoted region first after a failover; the pipeline stays in its home region', () => {
    const stacks = platformStacks(resolveTopology({ ...production(), primaryRegion: 'us-west-2' }));
    expect(stacks.map((stack) => [stack.name, stack.deployAfter, stack.streamHome])).toEqual([
      ['state-backend', [], false],
      ['replica-west', ['state-backend'], false],
      ['primary-east', ['state-backend', 'replica-west'], true],
      ['replica-ohio', ['state-backend', 'replica-west'], false],
    ]);
  });
});
