import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { planStack } from './plan';

describe('plan --state', () => {
  it('needs --offline: a plan against the real backend reads its own state', async () => {
    await expect(planStack('replica-west', { offline: false, verbose: false, state: 'pulled.tfstate' })).rejects.toMatchObject({
      message: expect.stringContaining('--state plans against a local copy of a state and needs --offline'),
      exitCode: 2,
    });
  });

  it('refuses a missing state file before terraform runs', async () => {
    const missing = join(tmpdir(), 'no-such-dir', 'pulled.tfstate');
    await expect(planStack('replica-west', { offline: true, verbose: false, state: missing })).rejects.toMatchObject({
      message: `state file ${missing} does not exist or is not a file`,
      exitCode: 2,
    });
  });
});
