import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topologyFile } from '@xyz/topology';
import { computeTopologyChange, writeTopologyChange } from './topology-change';

function copyOfProduction(edit: (text: string) => string = (text) => text): string {
  const file = join(mkdtempSync(join(tmpdir(), 'topology-change-')), 'production.json');
  writeFileSync(file, edit(readFileSync(topologyFile('production'), 'utf8')));
  return file;
}

describe('computeTopologyChange', () => {
  it('changes primaryRegion only, keeping every other byte', () => {
    const file = copyOfProduction();
    const change = computeTopologyChange(file, 'us-west-2');
    expect(change.changed).toBe(true);
    expect(change.diff).toEqual(['-   "primaryRegion": "us-east-1",', '+   "primaryRegion": "us-west-2",']);
    writeTopologyChange(change);
    expect(readFileSync(file, 'utf8')).toBe(change.before.replace('"primaryRegion": "us-east-1"', '"primaryRegion": "us-west-2"'));
  });

  it('rewrites an explicit one-line replicaRegions list consistently', () => {
    const file = copyOfProduction((text) => text.replace('"primaryRegion": "us-east-1",', '"primaryRegion": "us-east-1",\n  "replicaRegions": ["us-west-2", "us-east-2"],'));
    const change = computeTopologyChange(file, 'us-west-2');
    expect(change.after).toContain('"replicaRegions": ["us-east-1", "us-east-2"],');
  });

  it('keeps a multi-line replicaRegions list multi-line', () => {
    const file = copyOfProduction((text) => text.replace('"primaryRegion": "us-east-1",', '"primaryRegion": "us-east-1",\n  "replicaRegions": [\n    "us-west-2",\n    "us-east-2"\n  ],'));
    const change = computeTopologyChange(file, 'us-east-2');
    expect(change.after).toContain('"replicaRegions": [\n    "us-east-1",\n    "us-west-2"\n  ],');
  });

  it('is a no-op when the file already names the new primary, and refuses a region the topology does not have', () => {
    const file = copyOfProduction();
    expect(computeTopologyChange(file, 'us-east-1')).toMatchObject({ changed: false, diff: [] });
    expect(() => computeTopologyChange(file, 'eu-west-1')).toThrow('primaryRegion: "eu-west-1" has no entry in regions');
  });
});
