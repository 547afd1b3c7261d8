import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MotoUnavailable, motoUrl, resetMoto } from '../src/moto-server';

describe('motoUrl', () => {
  it('explains how to start moto when MOTO_URL is not set', () => {
    expect(() => motoUrl({})).toThrow(MotoUnavailable);
    expect(() => motoUrl({})).toThrow(/MOTO_URL is not set\.\n.*moto server.*\n.*moto_server -p 5055/s);
  });

  it('accepts only an http address on loopback', () => {
    expect(motoUrl({ MOTO_URL: 'http://127.0.0.1:5055' }).port).toBe('5055');
    expect(() => motoUrl({ MOTO_URL: 'not a url' })).toThrow(/is not a URL/);
    expect(() => motoUrl({ MOTO_URL: 'https://rds.us-east-1.amazonaws.com' })).toThrow(/on loopback \(127\.0\.0\.1\), never a real endpoint/);
    expect(() => motoUrl({ MOTO_URL: 'http://10.0.0.5:5055' })).toThrow(/never a real endpoint/);
  });
});

describe('resetMoto', () => {
  let server: Server;
  let answer = 200;
  const calls: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      calls.push(`${req.method} ${req.url}`);
      res.writeHead(answer).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = () => new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);

  it("clears the emulator through moto's reset API", async () => {
    answer = 200;
    await resetMoto(url());
    expect(calls).toContain('POST /moto-api/reset');
  });

  it('says when what answers is not moto', async () => {
    answer = 404;
    await expect(resetMoto(url())).rejects.toThrow(/answered 404 to POST \/moto-api\/reset; is it a moto server\?/);
  });

  it('says when nothing answers', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(resetMoto(new URL(`http://127.0.0.1:${port}`))).rejects.toThrow(new RegExp(`no moto server answers at http://127.0.0.1:${port}`));
  });
});
