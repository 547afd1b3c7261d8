import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SecretsStandIn {
  readonly endpoint: string;
  readonly requests: () => number;
  close(): Promise<void>;
}

/**
 * A loopback stand-in for the one Secrets Manager call an offline plan makes: the ephemeral
 * aws_secretsmanager_random_password is opened during plan. Anything else is refused, so an
 * unexpected call fails the plan loudly instead of passing silently.
 */
export async function startSecretsStandIn(): Promise<SecretsStandIn> {
  let served = 0;
  const server: Server = createServer((request, response) => {
    const target = String(request.headers['x-amz-target'] ?? '');
    request.resume();
    request.on('end', () => {
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      if (target !== 'secretsmanager.GetRandomPassword') {
        response.statusCode = 400;
        response.end(JSON.stringify({ __type: 'InvalidRequestException', message: `offline stand-in does not serve ${target}` }));
        return;
      }
      served += 1;
      response.end(JSON.stringify({ RandomPassword: randomBytes(30).toString('base64url').slice(0, 40) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests: () => served,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
