import { runStackApp } from '../../../tools/jest/synth-app';

describe('the replica-ohio app', () => {
  it('synthesizes the us-east-2 stack with the role the topology gives it (replica)', () => {
    const run = runStackApp('replica-ohio');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^synthesized replica-ohio \(production\) to .*cdk\.tf\.json in [\d.]+s\n$/);
    expect(run.stack?.provider.aws[0].region).toBe('us-east-2');
    expect(run.stack?.output?.database_role.value).toBe('replica');
    expect(run.stack?.terraform.backend.s3.key).toBe('production/replica-ohio.tfstate');
  });

  it('stops with one clear line when the environment is unknown', () => {
    const run = runStackApp('replica-ohio', { XYZ_ENVIRONMENT: 'prodd' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('error: invalid topology: XYZ_ENVIRONMENT: unknown environment "prodd" (known: production)\n');
    expect(run.stack).toBeUndefined();
  });
});
