import { readFileSync } from 'node:fs';
import { topologyFile } from './load';
import { replicatedStateLocation, stateLocation, stateRegionOf } from './queries';
import { resolveTopology } from './resolve';
import { TopologyError } from './errors';

const production = () => JSON.parse(readFileSync(topologyFile('production'), 'utf8'));

describe('regional Terraform state in the topology', () => {
  const topology = resolveTopology(production());

  it('gives every region a store of its own: bucket, access-log bucket and state key alias', () => {
    expect(topology.stateBackend.stores).toEqual([
      {
        region: 'us-east-1',
        bucket: 'xyz-prod-tfstate-use1-111122223333',
        logBucket: 'xyz-prod-tfstate-logs-use1-111122223333',
        kmsAlias: 'alias/xyz-prod-tfstate',
        kmsAliasArn: 'arn:aws:kms:us-east-1:111122223333:alias/xyz-prod-tfstate',
      },
      expect.objectContaining({ region: 'us-west-2', bucket: 'xyz-prod-tfstate-usw2-111122223333' }),
      expect.objectContaining({ region: 'us-east-2', bucket: 'xyz-prod-tfstate-use2-111122223333' }),
    ]);
  });

  it("keeps each region stack's state in its own region, and the state backend's in the home region", () => {
    expect(stateLocation(topology, 'replica-ohio')).toEqual({
      bucket: 'xyz-prod-tfstate-use2-111122223333',
      key: 'production/replica-ohio.tfstate',
      region: 'us-east-2',
      kmsKeyId: 'arn:aws:kms:us-east-2:111122223333:alias/xyz-prod-tfstate',
    });
    expect(stateRegionOf(topology, 'state-backend')).toBe('us-east-1');
  });

  it('does not move a stack\'s state when a failover changes the primary region', () => {
    const failedOver = resolveTopology({ ...production(), primaryRegion: 'us-west-2' });
    for (const region of topology.regions) expect(stateLocation(failedOver, region.stackName)).toEqual(stateLocation(topology, region.stackName));
  });

  it("finds the copy of another stack's state in the reader's own region", () => {
    expect(replicatedStateLocation(topology, 'primary-east', 'us-west-2')).toEqual({
      bucket: 'xyz-prod-tfstate-usw2-111122223333',
      key: 'production/primary-east.tfstate',
      region: 'us-west-2',
      kmsKeyId: 'arn:aws:kms:us-west-2:111122223333:alias/xyz-prod-tfstate',
    });
    expect(() => replicatedStateLocation(topology, 'primary-east', 'eu-west-1')).toThrow(TopologyError);
  });

  it('refuses a home region outside the platform and a prefix longer than 32 characters', () => {
    const doc = production();
    expect(() => resolveTopology({ ...doc, stateBackend: { ...doc.stateBackend, homeRegion: 'eu-west-1' } })).toThrow(
      /stateBackend\.homeRegion: "eu-west-1" is not one of the platform's regions/,
    );
    expect(() => resolveTopology({ ...doc, stateBackend: { ...doc.stateBackend, bucketPrefix: 'x'.repeat(33) } })).toThrow(
      /stateBackend\.bucketPrefix: lower-case letters, digits and hyphens, 3 to 32 characters/,
    );
  });
});
