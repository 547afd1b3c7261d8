import { runStackApp } from '../../../tools/jest/synth-app';

describe('the state-backend app', () => {
  it('synthesizes the bootstrap stack with local state in the repository', () => {
    const run = runStackApp('state-backend');
    expect(run.status).toBe(0);
    expect(run.stack?.provider.aws[0].region).toBe('us-east-1');
    expect(run.stack?.terraform.backend.local.path).toBe('../../../.terraform-state/state-backend.tfstate');
    expect(run.stack?.output?.state_bucket).toBeDefined();
  });
});
