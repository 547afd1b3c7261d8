import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableEnvironments, loadTopology, loadTopologyFile } from './load';

describe('loadTopology', () => {
  it('lists the committed environments', () => {
    expect(availableEnvironments()).toContain('production');
  });

  it('refuses an unknown environment and names the known ones', () => {
    expect(() => loadTopology('prod-typo')).toThrow('XYZ_ENVIRONMENT: unknown environment "prod-typo" (known: production');
  });

  it('reports a file that is not JSON with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'topology-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "project": ');
    expect(() => loadTopologyFile(file)).toThrow(`${file}: (file): is not valid JSON`);
  });

  it('loads an environment from another directory, so a second environment is only a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'topology-'));
    const production = loadTopology('production');
    const staging = { ...require('../environments/production.json'), environment: 'staging', environmentShort: 'stg' };
    writeFileSync(join(dir, 'staging.json'), JSON.stringify(staging));
    const topology = loadTopology('staging', dir);
    expect(topology.environment).toBe('staging');
    expect(topology.regions[0].names.dbInstanceIdentifier).toBe('xyz-stg-mysql-use1');
    expect(production.regions[0].names.dbInstanceIdentifier).toBe('xyz-prod-mysql-use1');
  });
});
