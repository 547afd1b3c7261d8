import { readFileSync } from 'node:fs';
import { resolveTopology, topologyFile } from '@xyz/topology';
import { stateUploadViolations } from '../src/upload-check';

const topology = resolveTopology(JSON.parse(readFileSync(topologyFile('production'), 'utf8')));
const west = topology.stateBackend.stores.find((store) => store.region === 'us-west-2')!;
const east = topology.stateBackend.stores.find((store) => store.region === 'us-east-1')!;

describe('stateUploadViolations', () => {
  it("accepts SSE-KMS uploads naming the bucket's own regional state key", () => {
    expect(stateUploadViolations(topology, [{ region: 'us-west-2', bucket: west.bucket, key: 'production/replica-west.tfstate', sse: 'aws:kms', kmsKeyId: west.kmsAliasArn }])).toEqual([]);
  });

  it('names each upload that the bucket policy would refuse, and why', () => {
    const violations = stateUploadViolations(topology, [
      { region: 'us-west-2', bucket: west.bucket, key: 'a.tfstate', sse: 'AES256' },
      { region: 'us-west-2', bucket: west.bucket, key: 'b.tfstate' },
      { region: 'us-west-2', bucket: west.bucket, key: 'c.tfstate', sse: 'aws:kms', kmsKeyId: east.kmsAliasArn },
      { region: 'us-west-2', bucket: west.bucket, key: 'd.tfstate', sse: 'aws:kms' },
    ]);
    expect(violations).toEqual([
      `s3://${west.bucket}/a.tfstate: uploaded with encryption AES256, not aws:kms`,
      `s3://${west.bucket}/b.tfstate: uploaded with encryption (none), not aws:kms`,
      `s3://${west.bucket}/c.tfstate: uploaded with key ${east.kmsAliasArn}, not ${west.kmsAliasArn}`,
      `s3://${west.bucket}/d.tfstate: uploaded with key (bucket default), not ${west.kmsAliasArn}`,
    ]);
  });

  it('ignores buckets that are not state buckets', () => {
    expect(stateUploadViolations(topology, [{ region: 'us-east-1', bucket: 'some-other-bucket', key: 'x', sse: 'AES256' }])).toEqual([]);
  });
});
