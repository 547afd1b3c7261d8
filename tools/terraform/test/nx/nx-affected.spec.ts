import { nx } from './run-nx';

/** The projects `nx affected` would run for a change to one file, sorted. */
const affectedBy = (file: string): string[] => (JSON.parse(nx(['show', 'projects', '--affected', `--files=${file}`, '--json'])) as string[]).sort();

const STACKS = ['state-backend', 'primary-east', 'replica-west', 'replica-ohio'];
const stacksIn = (projects: string[]) => projects.filter((project) => STACKS.includes(project));

// terraform-cli's tests synthesize every stack app, and the DR runbook's contract test the replica
// apps: their test inputs name the app folders. bench-runbook drives the runbook (@xyz/dr-runbook).
describe('nx affected is exact', () => {
  it('a change to the cache construct affects the three region stacks and the libraries built on it, not state-backend', () => {
    const affected = affectedBy('libs/cache/src/regional-cache.ts');
    expect(stacksIn(affected)).toEqual(['primary-east', 'replica-ohio', 'replica-west']);
    // monitoring imports the cache (its alarms), stacks composes both; dr-runbook depends on stacks
    // (implicitly) and terraform-cli imports it.
    expect(affected).toEqual(['bench-runbook', 'cache', 'dr-runbook', 'monitoring', 'primary-east', 'replica-ohio', 'replica-west', 'stacks', 'terraform-cli']);
  });

  it('a change to one replica app affects only that stack, and the whole-platform tests that synthesize it', () => {
    expect(affectedBy('apps/replica-ohio/src/main.ts')).toEqual(['bench-runbook', 'dr-runbook', 'replica-ohio', 'terraform-cli']);
  });

  it('a change to the DR runbook affects the runbook and its bench, nothing else', () => {
    expect(affectedBy('apps/dr-runbook/src/main.ts')).toEqual(['bench-runbook', 'dr-runbook']);
  });

  it('a change to a bench affects only that bench', () => {
    expect(affectedBy('bench/stream/run.ts')).toEqual(['bench-stream']);
  });
});
