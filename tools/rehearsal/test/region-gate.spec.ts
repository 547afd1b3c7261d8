import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RegionGate } from '../src/region-gate';

interface Seen {
  readonly method?: string;
  readonly url?: string;
  readonly headers: IncomingHttpHeaders;
}

/** Stands in for moto: records what reaches it and answers 200 with a small body. */
async function startUpstream(): Promise<{ server: Server; seen: Seen[]; bodies: string[]; url: URL }> {
  const seen: Seen[] = [];
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, headers: req.headers });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/xml' }).end('<ok/>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, seen, bodies, url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`) };
}

const signed = (region: string, service: string) => `AWS4-HMAC-SHA256 Credential=rehearsal/20261206/${region}/${service}/aws4_request, SignedHeaders=host, Signature=x`;

function send(gate: RegionGate, options: { method: string; path: string; headers?: Record<string, string> }): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${gate.url}${options.path}`, { method: options.method, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.method === 'PUT' ? 'state' : undefined);
  });
}

describe('RegionGate', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let gate: RegionGate;

  beforeEach(async () => {
    upstream = await startUpstream();
    gate = new RegionGate({
      target: upstream.url,
      accountId: '111122223333',
      exchangePatches: [
        { id: 'test-patch', patch: (request) => (request.service === 's3' && request.query === 'lifecycle' ? { headers: { 'x-added': 'yes' }, detail: request.path } : undefined) },
        { id: 'test-rewrite', patch: (request) => (request.body.includes('Action=Rewrite') ? { rewriteResponse: (body) => body.replace('ok', 'patched'), detail: request.service } : undefined) },
        { id: 'test-request', patch: (request) => (request.body.includes('Action=Ask') ? { requestBody: 'Action=Asked&Extra=1', detail: 'asked' } : undefined) },
      ],
    });
    await gate.start();
  });

  afterEach(async () => {
    await gate.stop();
    await new Promise<void>((resolve) => upstream.server.close(() => resolve()));
  });

  it('forwards requests to the emulator as the topology account', async () => {
    const answer = await send(gate, { method: 'GET', path: '/?Action=DescribeDBInstances', headers: { authorization: signed('us-west-2', 'rds') } });
    expect(answer).toMatchObject({ status: 200, body: '<ok/>' });
    expect(upstream.seen[0]).toMatchObject({ method: 'GET', url: '/?Action=DescribeDBInstances', headers: expect.objectContaining({ 'x-moto-account-id': '111122223333' }) });
  });

  it('drops the connections of a region that is down, counts them, and lets other regions and global services through', async () => {
    gate.takeDown('us-east-1');
    await expect(send(gate, { method: 'GET', path: '/', headers: { authorization: signed('us-east-1', 'rds') } })).rejects.toThrow(/socket hang up|ECONNRESET/);
    await expect(send(gate, { method: 'GET', path: '/', headers: { authorization: signed('us-west-2', 'rds') } })).resolves.toMatchObject({ status: 200 });
    await expect(send(gate, { method: 'GET', path: '/', headers: { authorization: signed('us-east-1', 'iam') } })).resolves.toMatchObject({ status: 200 });
    expect(gate.refused.get('us-east-1')).toBe(1);
    expect(upstream.seen).toHaveLength(2);

    gate.bringBack('us-east-1');
    await expect(send(gate, { method: 'GET', path: '/', headers: { authorization: signed('us-east-1', 'rds') } })).resolves.toMatchObject({ status: 200 });
  });

  it('records object uploads with their encryption headers, not sub-resource writes', async () => {
    const headers = { authorization: signed('us-west-2', 's3'), 'x-amz-server-side-encryption': 'aws:kms', 'x-amz-server-side-encryption-aws-kms-key-id': 'alias/state' };
    await send(gate, { method: 'PUT', path: '/bucket/production/replica-west.tfstate?x-id=PutObject', headers });
    await send(gate, { method: 'PUT', path: '/bucket/production/replica-west.tfstate?tagging', headers });
    await send(gate, { method: 'PUT', path: '/bucket/copy.tfstate', headers: { ...headers, 'x-amz-copy-source': 'other/key' } });
    expect(gate.uploads).toEqual([{ region: 'us-west-2', bucket: 'bucket', key: 'production/replica-west.tfstate', sse: 'aws:kms', kmsKeyId: 'alias/state' }]);
  });

  it("adds the response patches' headers and records each distinct use once", async () => {
    const first = await send(gate, { method: 'GET', path: '/bucket?lifecycle', headers: { authorization: signed('us-west-2', 's3') } });
    await send(gate, { method: 'GET', path: '/bucket?lifecycle', headers: { authorization: signed('us-west-2', 's3') } });
    const other = await send(gate, { method: 'GET', path: '/bucket?versioning', headers: { authorization: signed('us-west-2', 's3') } });
    expect(first.headers['x-added']).toBe('yes');
    expect(other.headers['x-added']).toBeUndefined();
    expect(gate.patched).toEqual([{ id: 'test-patch', detail: '/bucket' }]);
  });

  it('lets a patch see the request body and rewrite the answer, with a correct length', async () => {
    const post = (body: string) =>
      new Promise<{ body: string; length?: string }>((resolve, reject) => {
        const req = request(`${gate.url}/`, { method: 'POST', headers: { authorization: signed('us-west-2', 'rds'), 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ body: Buffer.concat(chunks).toString('utf8'), length: res.headers['content-length'] }));
        });
        req.on('error', reject);
        req.end(body);
      });
    expect(await post('Action=Rewrite&X=1')).toEqual({ body: '<patched/>', length: '10' });
    expect(await post('Action=Describe')).toMatchObject({ body: '<ok/>' });
    expect(gate.patched).toEqual([{ id: 'test-rewrite', detail: 'rds' }]);
    await post('Action=Ask');
    expect(upstream.seen.at(-1)?.headers['content-length']).toBe(String('Action=Asked&Extra=1'.length));
    expect(upstream.bodies.at(-1)).toBe('Action=Asked&Extra=1');
  });
});
