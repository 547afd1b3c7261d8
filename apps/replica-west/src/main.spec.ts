import { runStackApp } from '../../../tools/jest/synth-app';

describe('the replica-west app', () => {
  it('synthesizes the us-west-2 stack with the role the topology gives it (replica)', () => {
    const run = runStackApp('replica-west');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^synthesized replica-west \(production\) to .*cdk\.tf\.json in [\d.]+s\n$/);
    expect(run.stack?.provider.aws[0].region).toBe('us-west-2');
    expect(run.stack?.output?.database_role.value).toBe('replica');
    expect(run.stack?.terraform.backend.s3.key).toBe('production/replica-west.tfstate');
  });

  it('stops with one clear line when the environment is unknown', () => {
    const run = runStackApp('replica-west', { XYZ_ENVIRONMENT: 'prodd' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('error: invalid topology: XYZ_ENVIRONMENT: unknown environment "prodd" (known: production)\n');
    expect(run.stack).toBeUndefined();
  });
});
