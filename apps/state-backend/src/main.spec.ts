import { runStackApp } from '../../../tools/jest/synth-app';

describe('the state-backend app', () => {
  it('synthesizes the state bucket stack with its state in the bucket', () => {
    const run = runStackApp('state-backend');
    expect(run.status).toBe(0);
    expect(run.stack?.provider.aws[0].region).toBe('us-east-1');
    expect(run.stack?.terraform.backend.s3.key).toBe('production/state-backend.tfstate');
    expect(run.stack?.output?.state_bucket).toBeDefined();
  });

  it('keeps the state locally in the repository for the bootstrap apply (XYZ_STATE_BOOTSTRAP=1)', () => {
    const run = runStackApp('state-backend', { XYZ_STATE_BOOTSTRAP: '1' });
    expect(run.status).toBe(0);
    expect(run.stack?.terraform.backend.local.path).toBe('../../../.terraform-state/state-backend.tfstate');
  });
});
