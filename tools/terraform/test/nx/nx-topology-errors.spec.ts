import { join } from 'node:path';
import { editedTopologyDir, editJson, ROOT, runNx } from './run-nx';

/**
 * An nx command that cannot use the topology prints the topology library's one-line error (or the
 * plugin's, for app folders that do not match it) once, with no Nx stack trace, and exits 1.
 */
const synthWith = (env: NodeJS.ProcessEnv) => runNx(['run-many', '-t', 'synth'], env);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('nx with a topology it cannot use', () => {
  it('names the missing file of an environment that does not exist (XYZ_ENVIRONMENT=staging)', () => {
    const file = join(ROOT, 'libs', 'topology', 'environments', 'staging.json');
    expect(synthWith({ XYZ_ENVIRONMENT: 'staging' })).toEqual({
      status: 1,
      stdout: '',
      stderr: `error: invalid topology: ${file}: XYZ_ENVIRONMENT: unknown environment "staging" (known: production)\n`,
    });
  });

  it('names the file of a topology that is not JSON (a trailing comma)', () => {
    const dir = editedTopologyDir((text) => text.replace(/\n}\s*$/, ',\n}\n'));
    const run = synthWith({ XYZ_TOPOLOGY_DIR: dir });
    expect(run).toEqual({
      status: 1,
      stdout: '',
      stderr: expect.stringMatching(new RegExp(`^error: invalid topology: ${escape(join(dir, 'production.json'))}: \\(file\\): is not valid JSON: [^\\n]+\\n$`)),
    });
  });

  it('names the file and the field of a topology that is not valid', () => {
    const dir = editedTopologyDir(editJson((doc) => (doc.primaryRegion = 'mars-north-1')));
    expect(synthWith({ XYZ_TOPOLOGY_DIR: dir })).toEqual({
      status: 1,
      stdout: '',
      stderr: `error: invalid topology: ${join(dir, 'production.json')}: primaryRegion: "mars-north-1" is not a known AWS region\n`,
    });
  });

  it('names a topology stack that has no app folder', () => {
    const dir = editedTopologyDir(
      editJson((doc) => {
        const regions = doc.regions as object[];
        regions.push({ region: 'eu-west-1', stack: 'replica-ireland', vpcCidr: '10.40.0.0/16', availabilityZones: ['eu-west-1a', 'eu-west-1b'] });
      }),
    );
    expect(synthWith({ XYZ_TOPOLOGY_DIR: dir })).toEqual({
      status: 1,
      stdout: '',
      stderr: `error: the topology ${join(dir, 'production.json')} has stack "replica-ireland" but there is no apps/replica-ireland/stack.json\n`,
    });
  });

  it('names an app folder whose stack the topology does not have', () => {
    const dir = editedTopologyDir(editJson((doc) => (doc.regions = (doc.regions as Array<{ region: string }>).filter((entry) => entry.region !== 'us-east-2'))));
    expect(synthWith({ XYZ_TOPOLOGY_DIR: dir })).toEqual({
      status: 1,
      stdout: '',
      stderr: `error: apps/replica-ohio/stack.json names stack "replica-ohio", which the topology ${join(dir, 'production.json')} does not have (its stacks: state-backend, primary-east, replica-west)\n`,
    });
  });

  it('names a region in XYZ_REGIONS_DOWN that the platform does not have', () => {
    expect(synthWith({ XYZ_REGIONS_DOWN: 'us-east-1,eu-west-1' })).toEqual({
      status: 1,
      stdout: '',
      stderr: 'error: XYZ_REGIONS_DOWN: "eu-west-1" is not a region of the production platform (its regions: us-east-1, us-west-2, us-east-2)\n',
    });
  });
});
