import { readFileSync } from 'node:fs';
import { resolveTopology, topologyFile } from '@xyz/topology';
import { App, TerraformStack, Testing } from 'cdktf';
import { addAwsProvider, readStackState, useRemoteState } from '../src';

const topology = resolveTopology(JSON.parse(readFileSync(topologyFile('production'), 'utf8')));

interface SynthesizedStack {
  terraform: { backend: { s3: Record<string, unknown> } };
  data: { terraform_remote_state: Record<string, { backend: string; config: Record<string, unknown> }> };
  provider: { aws: Array<Record<string, unknown>> };
}

function synthesize(build: (stack: TerraformStack) => void): SynthesizedStack {
  const app = Testing.app() as App;
  const stack = new TerraformStack(app, 'under-test');
  build(stack);
  return JSON.parse(Testing.synth(stack)) as SynthesizedStack;
}

describe('regional state of a stack', () => {
  it("stores the state in the stack's own region, encrypted with that region's state key and locked with a lock file", () => {
    const json = synthesize((stack) => {
      addAwsProvider(stack, topology, 'us-east-2');
      useRemoteState(stack, topology, 'replica-ohio');
    });
    expect(json.terraform.backend.s3).toEqual({
      bucket: 'xyz-prod-tfstate-use2-111122223333',
      key: 'production/replica-ohio.tfstate',
      region: 'us-east-2',
      encrypt: true,
      kms_key_id: 'arn:aws:kms:us-east-2:111122223333:alias/xyz-prod-tfstate',
      use_lockfile: true,
    });
  });

  it("reads another stack's outputs from the replicated copy in the reader's region, not from the writer's region", () => {
    const json = synthesize((stack) => {
      addAwsProvider(stack, topology, 'us-west-2');
      readStackState(stack, 'primary', topology, 'primary-east', 'us-west-2');
    });
    const [remote] = Object.values(json.data.terraform_remote_state);
    expect(remote.backend).toBe('s3');
    expect(remote.config).toEqual({ bucket: 'xyz-prod-tfstate-usw2-111122223333', key: 'production/primary-east.tfstate', region: 'us-west-2' });
  });

  it('allows only the topology account and tags everything with its region', () => {
    const json = synthesize((stack) => addAwsProvider(stack, topology, 'us-west-2', 'west'));
    expect(json.provider.aws[0]).toMatchObject({
      alias: 'west',
      region: 'us-west-2',
      allowed_account_ids: ['111122223333'],
      default_tags: [{ tags: expect.objectContaining({ Region: 'us-west-2' }) }],
    });
  });
});
