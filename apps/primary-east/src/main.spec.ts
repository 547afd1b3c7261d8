import { runStackApp } from '../../../tools/jest/synth-app';

describe('the primary-east app', () => {
  it('synthesizes the us-east-1 stack with the role the topology gives it (primary)', () => {
    const run = runStackApp('primary-east');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^synthesized primary-east \(production\) to .*cdk\.tf\.json in [\d.]+s\n$/);
    expect(run.stack?.provider.aws[0].region).toBe('us-east-1');
    expect(run.stack?.output?.database_role.value).toBe('primary');
    expect(run.stack?.terraform.backend.s3.key).toBe('production/primary-east.tfstate');
  });

  it('stops with one clear line when the environment is unknown', () => {
    const run = runStackApp('primary-east', { XYZ_ENVIRONMENT: 'prodd' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('error: invalid topology: XYZ_ENVIRONMENT: unknown environment "prodd" (known: production)\n');
    expect(run.stack).toBeUndefined();
  });
});
