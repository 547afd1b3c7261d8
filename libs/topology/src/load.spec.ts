import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableEnvironments, loadSelectedTopology, loadTopology, loadTopologyFile } from './load';

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

describe('loadSelectedTopology', () => {
  it('loads what XYZ_ENVIRONMENT and XYZ_TOPOLOGY_DIR say at the time of the call, and names the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'topology-'));
    writeFileSync(join(dir, 'staging.json'), JSON.stringify({ ...require('../environments/production.json'), environment: 'staging', environmentShort: 'stg' }));
    const { topology, file } = loadSelectedTopology({ XYZ_ENVIRONMENT: 'staging', XYZ_TOPOLOGY_DIR: dir });
    expect([topology.environment, file]).toEqual(['staging', join(dir, 'staging.json')]);
  });

  it('names the missing file of an unknown environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'topology-'));
    writeFileSync(join(dir, 'production.json'), '{}');
    expect(() => loadSelectedTopology({ XYZ_ENVIRONMENT: 'staging', XYZ_TOPOLOGY_DIR: dir })).toThrow(
      `${join(dir, 'staging.json')}: XYZ_ENVIRONMENT: unknown environment "staging" (known: production)`,
    );
  });

  it('names a topology directory that does not exist', () => {
    expect(() => loadSelectedTopology({ XYZ_TOPOLOGY_DIR: '/nonexistent/topology' })).toThrow('XYZ_TOPOLOGY_DIR: the directory /nonexistent/topology does not exist');
  });
});
