import { REGION_OUTPUTS } from '../src/region-outputs';
import { synthRegion, type SynthesizedStack } from './synth-helpers';

/** Every `outputs.<name>` a stack reads from remote state, per data source. */
function remoteOutputsRead(stack: SynthesizedStack): Map<string, Set<string>> {
  const reads = new Map<string, Set<string>>();
  for (const match of stack.text.matchAll(/data\.terraform_remote_state\.([\w-]+)\.outputs\.(\w+)/g)) {
    const outputs = reads.get(match[1]) ?? new Set<string>();
    outputs.add(match[2]);
    reads.set(match[1], outputs);
  }
  return reads;
}

describe('contract between the primary stack and its replicas', () => {
  const primary = synthRegion('primary-east');

  it.each(['replica-west', 'replica-ohio'])('%s reads only outputs the primary exports', (replicaName) => {
    const replica = synthRegion(replicaName);
    const reads = remoteOutputsRead(replica);
    expect([...reads.keys()]).toEqual(['primary-state']);
    const exported = Object.keys(primary.json.output ?? {});
    const read = [...(reads.get('primary-state') ?? [])];
    expect(read.length).toBeGreaterThan(0);
    expect(exported).toEqual(expect.arrayContaining(read));
  });

  it.each(['replica-west', 'replica-ohio'])("%s reads the primary's state from the primary's backend bucket and key", (replicaName) => {
    const replica = synthRegion(replicaName);
    const remote = replica.json.data?.terraform_remote_state?.['primary-state'] as { backend: string; config: Record<string, unknown> };
    const backend = primary.json.terraform.backend.s3;
    expect(remote.backend).toBe('s3');
    expect(remote.config).toEqual({ bucket: backend.bucket, key: backend.key, region: backend.region });
  });

  it('every region stack exports the same outputs whatever its role', () => {
    const names = (stack: SynthesizedStack) => Object.keys(stack.json.output ?? {}).sort();
    expect(names(primary)).toEqual(Object.values(REGION_OUTPUTS).sort());
    expect(names(synthRegion('replica-ohio'))).toEqual(names(primary));
  });
});
