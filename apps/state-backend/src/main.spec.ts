import { runStackApp } from '../../../tools/jest/synth-app';

describe('the state-backend app', () => {
  it("synthesizes every region's state store, with its own state in the home region's store", () => {
    const run = runStackApp('state-backend');
    expect(run.status).toBe(0);
    expect(run.stack?.provider.aws[0].region).toBe('us-east-1');
    expect(run.stack?.terraform.backend.s3.key).toBe('production/state-backend.tfstate');
    expect(run.stack?.terraform.backend.s3.bucket).toBe('xyz-prod-tfstate-use1-111122223333');
    expect(run.stack?.provider.aws.map((provider: { region: string }) => provider.region).sort()).toEqual(['us-east-1', 'us-east-2', 'us-west-2']);
    expect(Object.keys(run.stack?.output ?? {})).toContain('state_bucket_usw2');
  });

  it('keeps the state locally in the repository for the bootstrap apply (XYZ_STATE_BOOTSTRAP=1)', () => {
    const run = runStackApp('state-backend', { XYZ_STATE_BOOTSTRAP: '1' });
    expect(run.status).toBe(0);
    expect(run.stack?.terraform.backend.local.path).toBe('../../../.terraform-state/state-backend.tfstate');
  });
});
