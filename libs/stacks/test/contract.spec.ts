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

  it.each([
    ['replica-west', 'us-west-2', 'usw2'],
    ['replica-ohio', 'us-east-2', 'use2'],
  ])("%s reads the primary's state from the replicated copy in its own region, under the primary's key", (replicaName, region, code) => {
    const replica = synthRegion(replicaName);
    const remote = replica.json.data?.terraform_remote_state?.['primary-state'] as { backend: string; config: Record<string, unknown> };
    const primaryBackend = primary.json.terraform.backend.s3;
    expect(remote.backend).toBe('s3');
    expect(remote.config).toEqual({ bucket: `xyz-prod-tfstate-${code}-111122223333`, key: primaryBackend.key, region });
    expect(remote.config.bucket).toBe(replica.json.terraform.backend.s3.bucket);
    expect(remote.config.bucket).not.toBe(primaryBackend.bucket);
  });

  it.each([
    ['primary-east', 'us-east-1', 'use1'],
    ['replica-west', 'us-west-2', 'usw2'],
    ['replica-ohio', 'us-east-2', 'use2'],
  ])("%s keeps its state in its own region's bucket, encrypted with that region's state key", (stackName, region, code) => {
    expect(synthRegion(stackName).json.terraform.backend.s3).toEqual({
      bucket: `xyz-prod-tfstate-${code}-111122223333`,
      key: `production/${stackName}.tfstate`,
      region,
      encrypt: true,
      kms_key_id: `arn:aws:kms:${region}:111122223333:alias/xyz-prod-tfstate`,
      use_lockfile: true,
    });
  });

  it('every region stack exports the same outputs whatever its role', () => {
    const names = (stack: SynthesizedStack) => Object.keys(stack.json.output ?? {}).sort();
    expect(names(primary)).toEqual(Object.values(REGION_OUTPUTS).sort());
    expect(names(synthRegion('replica-ohio'))).toEqual(names(primary));
  });
});
