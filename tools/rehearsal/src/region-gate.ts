import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExchangePatch, GateRequest, MotoChannel } from './exceptions';
import { requestScope } from './request-scope';

/**
 * Services whose endpoint is global, not regional: IAM signs with us-east-1 but answers at
 * iam.amazonaws.com, so a regional outage does not make it unreachable here.
 */
const GLOBAL_SERVICES = new Set(['iam']);

/** An S3 upload that went through the gate, with the encryption it asked for. */
export interface ObservedUpload {
  readonly region: string;
  readonly bucket: string;
  readonly key: string;
  readonly sse?: string;
  readonly kmsKeyId?: string;
}

export interface RegionGateOptions {
  /** The emulator every request is forwarded to. */
  readonly target: URL;
  /** Account the emulator should act as (moto reads it from x-moto-account-id). */
  readonly accountId: string;
  /** Fill-ins for what moto leaves out (see exceptions/), by exception id. */
  readonly exchangePatches?: ReadonlyArray<{ readonly id: string; readonly patch: (request: GateRequest, moto: MotoChannel) => ExchangePatch | undefined | Promise<ExchangePatch | undefined> }>;
}

/** One use of a response patch. */
export interface PatchUse {
  readonly id: string;
  readonly detail: string;
}

/**
 * A loopback HTTP front for the emulator that can take a region away: requests signed for a
 * region that is "down" get their connection dropped without an answer, as an unreachable
 * endpoint would, for every tool (provider, S3 backend, SDK). It also records every S3 upload
 * with its encryption headers, which is what a state bucket's policy would judge.
 */
export class RegionGate {
  readonly uploads: ObservedUpload[] = [];
  /** Requests refused per region while it was down. */
  readonly refused = new Map<string, number>();
  /** Exchange patches used, once per distinct detail. */
  readonly patched: PatchUse[] = [];
  /** Exchange patches that failed (the request was answered with HTTP 500). */
  readonly failedPatches: string[] = [];
  private readonly down = new Set<string>();
  private server?: Server;
  private port = 0;

  constructor(private readonly options: RegionGateOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  takeDown(region: string): void {
    this.down.add(region);
  }

  bringBack(region: string): void {
    this.down.delete(region);
  }

  isDown(region: string): boolean {
    return this.down.has(region);
  }

  /** The regions down now, as XYZ_REGIONS_DOWN names them. */
  downRegions(): string[] {
    return [...this.down].sort();
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const scope = requestScope(req.headers.authorization, req.url);
    if (scope && this.down.has(scope.region) && !GLOBAL_SERVICES.has(scope.service)) {
      this.refused.set(scope.region, (this.refused.get(scope.region) ?? 0) + 1);
      req.socket.destroy();
      return;
    }
    if (scope?.service === 's3' && req.method === 'PUT') this.recordUpload(scope.region, req);
    // The whole request is read first: a response patch may need to see what was asked.
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const request = scope ? { ...scope, account: this.options.accountId, method: req.method ?? 'GET', ...splitUrl(req.url), headers: req.headers, body: body.toString('utf8') } : undefined;
      (request ? this.patchesFor(request) : Promise.resolve([])).then(
        (patches) => {
          const requestBody = patches.reduce<string | undefined>((latest, patch) => patch.requestBody ?? latest, undefined);
          this.forward(req, requestBody === undefined ? body : Buffer.from(requestBody, 'utf8'), res, patches);
        },
        (error: unknown) => {
          // A fill-in that fails must be seen: answer as AWS would to a server fault.
          this.failedPatches.push(`${request?.service}:${request?.region}: ${(error as Error).message}`);
          res.writeHead(500, { 'content-type': 'text/plain' }).end(`rehearsal gate: a moto fill-in failed: ${(error as Error).message}`);
        },
      );
    });
  }

  /** Lets a fill-in ask moto itself, as the topology account, in a region. */
  private readonly channel: MotoChannel = {
    send: (region, service, body) =>
      new Promise((resolve, reject) => {
        const call = httpRequest(
          {
            host: this.options.target.hostname,
            port: this.options.target.port,
            method: 'POST',
            path: '/',
            headers: {
              authorization: `AWS4-HMAC-SHA256 Credential=rehearsal/20260101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=rehearsal`,
              'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
              'content-length': String(Buffer.byteLength(body)),
              'x-moto-account-id': this.options.accountId,
            },
          },
          (answer) => {
            const parts: Buffer[] = [];
            answer.on('data', (chunk: Buffer) => parts.push(chunk));
            answer.on('end', () => resolve({ status: answer.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
          },
        );
        call.on('error', reject);
        call.end(body);
      }),
  };

  private forward(req: IncomingMessage, body: Buffer, res: ServerResponse, patches: readonly ExchangePatch[]): void {
    const upstream = httpRequest(
      {
        host: this.options.target.hostname,
        port: this.options.target.port,
        method: req.method,
        path: req.url,
        headers: forwardedHeaders(req.headers, body.length, this.options.accountId),
      },
      (answer) => {
        const headers = { ...answer.headers, ...Object.assign({}, ...patches.map((patch) => patch.headers ?? {})) };
        const rewrites = patches.flatMap((patch) => (patch.rewriteResponse ? [patch.rewriteResponse] : []));
        if (rewrites.length === 0) {
          res.writeHead(answer.statusCode ?? 502, headers);
          answer.pipe(res);
          return;
        }
        const parts: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => parts.push(chunk));
        answer.on('end', () => {
          const rewritten = Buffer.from(rewrites.reduce((text, rewrite) => rewrite(text), Buffer.concat(parts).toString('utf8')), 'utf8');
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, { ...headers, 'content-length': String(rewritten.length) });
          res.end(rewritten);
        });
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`emulator unreachable: ${error.message}`);
    });
    upstream.end(body);
  }

  private async patchesFor(request: GateRequest): Promise<ExchangePatch[]> {
    const applied: ExchangePatch[] = [];
    for (const { id, patch } of this.options.exchangePatches ?? []) {
      const result = await patch(request, this.channel);
      if (!result) continue;
      applied.push(result);
      if (!this.patched.some((use) => use.id === id && use.detail === result.detail)) this.patched.push({ id, detail: result.detail });
    }
    return applied;
  }

  private recordUpload(region: string, req: IncomingMessage): void {
    const [path, query] = (req.url ?? '').split('?');
    // Sub-resource writes (?tagging, ?policy, ...) and copies are not object uploads.
    if (query && !/^x-id=PutObject/.test(query)) return;
    if (req.headers['x-amz-copy-source']) return;
    const [, bucket, ...key] = path.split('/');
    if (!bucket || key.length === 0) return;
    this.uploads.push({
      region,
      bucket,
      key: decodeURIComponent(key.join('/')),
      sse: header(req, 'x-amz-server-side-encryption'),
      kmsKeyId: header(req, 'x-amz-server-side-encryption-aws-kms-key-id'),
    });
  }
}

/** The request's headers for moto: the body is sent whole (it may have been rewritten), as the topology account. */
function forwardedHeaders(headers: IncomingMessage['headers'], length: number, accountId: string): IncomingMessage['headers'] {
  const forwarded: IncomingMessage['headers'] = { ...headers, 'content-length': String(length), 'x-moto-account-id': accountId };
  delete forwarded['transfer-encoding'];
  return forwarded;
}

function splitUrl(url: string | undefined): { path: string; query: string } {
  const [path, ...query] = (url ?? '/').split('?');
  return { path, query: query.join('?') };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
