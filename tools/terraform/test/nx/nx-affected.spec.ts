import { nx } from './run-nx';

/** The projects `nx affected` would run for a change to one file, sorted. */
const affectedBy = (file: string): string[] => (JSON.parse(nx(['show', 'projects', '--affected', `--files=${file}`, '--json'])) as string[]).sort();

const STACKS = ['state-backend', 'primary-east', 'replica-west', 'replica-ohio'];
const stacksIn = (projects: string[]) => projects.filter((project) => STACKS.includes(project));

// Beyond the project graph: terraform-cli's tests synthesize and plan every stack app (its test
// inputs name the app folders, and it builds the processor bundle), the DR runbook's contract test
// synthesizes the replica apps, and bench-runbook drives the runbook (@xyz/dr-runbook).
describe('nx affected is exact', () => {
  it('a change to the cache construct affects the three region stacks (not state-backend) and what is built on the cache', () => {
    const affected = affectedBy('libs/cache/src/regional-cache.ts');
    expect(stacksIn(affected)).toEqual(['primary-east', 'replica-ohio', 'replica-west']);
    // monitoring imports the cache (its alarms) and stacks composes both; dr-runbook depends on
    // stacks (implicitly), terraform-cli imports it, bench-runbook drives dr-runbook.
    expect(affected).toEqual(['bench-runbook', 'cache', 'dr-runbook', 'monitoring', 'primary-east', 'replica-ohio', 'replica-west', 'stacks', 'terraform-cli']);
  });

  it('a change to a local emulator affects no stack: only the emulators and the bench that runs them', () => {
    expect(affectedBy('libs/stream-local/src/emulators.ts')).toEqual(['bench-stream', 'stream-local']);
  });

  it('a change to the DR runbook affects the runbook and its bench, nothing else', () => {
    expect(affectedBy('apps/dr-runbook/src/main.ts')).toEqual(['bench-runbook', 'dr-runbook']);
  });

  it("a change to the stream processor affects the pipeline's home region stack, the replicas that deploy after it, and the processor's users", () => {
    const affected = affectedBy('libs/stream-processor/src/device-event-processor.ts');
    expect(stacksIn(affected)).toEqual(['primary-east', 'replica-ohio', 'replica-west']);
    expect(affected).toEqual(['bench-stream', 'primary-east', 'replica-ohio', 'replica-west', 'stream-local', 'stream-processor', 'terraform-cli']);
  });

  it('a change to one replica app affects only that stack, and the whole-platform tests that synthesize it', () => {
    expect(affectedBy('apps/replica-ohio/src/main.ts')).toEqual(['bench-runbook', 'dr-runbook', 'replica-ohio', 'terraform-cli']);
  });

  it('a change to a bench affects only that bench', () => {
    expect(affectedBy('bench/synth/measure.ts')).toEqual(['bench-synth']);
    expect(affectedBy('bench/stream/run.ts')).toEqual(['bench-stream']);
  });
});
