import { startSecretsStandIn } from './secrets-stand-in';

async function call(endpoint: string, target: string): Promise<{ status: number; body: Record<string, string> }> {
  const response = await fetch(endpoint, { method: 'POST', headers: { 'x-amz-target': target }, body: '{}' });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe('the Secrets Manager stand-in', () => {
  it('answers GetRandomPassword with a fresh 40-character password on loopback', async () => {
    const standIn = await startSecretsStandIn();
    try {
      expect(standIn.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const first = await call(standIn.endpoint, 'secretsmanager.GetRandomPassword');
      const second = await call(standIn.endpoint, 'secretsmanager.GetRandomPassword');
      expect(first.status).toBe(200);
      expect(first.body.RandomPassword).toHaveLength(40);
      expect(first.body.RandomPassword).not.toBe(second.body.RandomPassword);
      expect(standIn.requests()).toBe(2);
    } finally {
      await standIn.close();
    }
  });

  it('refuses every other call so an unexpected API use fails the plan', async () => {
    const standIn = await startSecretsStandIn();
    try {
      const response = await call(standIn.endpoint, 'secretsmanager.CreateSecret');
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('does not serve secretsmanager.CreateSecret');
    } finally {
      await standIn.close();
    }
  });
});
