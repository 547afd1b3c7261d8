import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimService, SimulatedAws } from '../sim/simulated-aws';

/** One request as it reached the server. */
export interface WireRequest {
  readonly service: SimService;
  readonly region: string;
  readonly operation: string;
}

/** The list element names of the RDS and ElastiCache (awsQuery) XML for the fields the simulation returns. */
const XML_LIST_MEMBERS: Readonly<Record<string, string>> = {
  DBInstances: 'DBInstance',
  ReplicationGroups: 'ReplicationGroup',
  MemberClusters: 'ClusterId',
  ReadReplicaDBInstanceIdentifiers: 'ReadReplicaDBInstanceIdentifier',
  VpcSecurityGroups: 'VpcSecurityGroupMembership',
  DBParameterGroups: 'DBParameterGroup',
  EnabledCloudwatchLogsExports: 'member',
  TagList: 'Tag',
};

const JSON_TARGETS: Readonly<Record<string, SimService>> = {
  AmazonSSM: 'ssm',
  GraniteServiceVersion20100801: 'cloudwatch',
  Kinesis_20131202: 'kinesis',
  DynamoDB_20120810: 'dynamodb',
};
/** The awsQuery (form-encoded, XML answer) services and their XML namespaces. */
const QUERY_NAMESPACES: Readonly<Record<string, string>> = {
  rds: 'http://rds.amazonaws.com/doc/2014-10-31/',
  elasticache: 'http://elasticache.amazonaws.com/doc/2015-02-02/',
};
/** Read-only operations: enough for `status` and pre-checks, which is what the wire tests run. */
const SUPPORTED = [
  'rds:DescribeDBInstances',
  'ssm:GetParameter',
  'cloudwatch:GetMetricData',
  'cloudwatch:DescribeAlarms',
  'elasticache:DescribeReplicationGroups',
  'kinesis:DescribeStreamSummary',
  'lambda:ListEventSourceMappings',
  'dynamodb:DescribeTable',
];
/** Content types of the JSON protocols (awsJson1_0 or 1_1; Lambda is REST-JSON). */
const JSON_CONTENT_TYPES: Readonly<Record<string, string>> = {
  ssm: 'application/x-amz-json-1.1',
  kinesis: 'application/x-amz-json-1.1',
  cloudwatch: 'application/x-amz-json-1.0',
  dynamodb: 'application/x-amz-json-1.0',
  lambda: 'application/json',
};

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function toXml(name: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    const member = XML_LIST_MEMBERS[name] ?? 'member';
    return `<${name}>${value.map((entry) => toXml(member, entry)).join('')}</${name}>`;
  }
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([key, entry]) => toXml(key, entry)).join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** JSON protocols send timestamps as epoch seconds. */
function toJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, entry: unknown) {
    const raw = key === '' ? entry : this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : entry;
  });
}

/** Region and service from the SigV4 credential scope: Credential=<key>/<date>/<region>/<service>/aws4_request. */
function scopeOf(request: IncomingMessage): { region: string; service: string } {
  const match = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(String(request.headers.authorization ?? ''));
  if (!match) throw new Error('request is not signed with SigV4');
  return { region: match[1], service: match[2] };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function decode(request: IncomingMessage, body: string): WireRequest & { input: Record<string, unknown> } {
  const { region, service } = scopeOf(request);
  const target = request.headers['x-amz-target'];
  if (typeof target === 'string') {
    const [prefix, operation] = target.split('.');
    const simService = JSON_TARGETS[prefix];
    if (!simService) throw new Error(`unknown JSON target ${target}`);
    return { service: simService, region, operation, input: body ? (JSON.parse(body) as Record<string, unknown>) : {} };
  }
  if (service === 'lambda') {
    // REST-JSON: GET /2015-03-31/event-source-mappings?FunctionName=...
    const url = new URL(request.url ?? '/', 'http://wire');
    if (!url.pathname.includes('/event-source-mappings')) throw new Error(`unknown Lambda path ${url.pathname}`);
    return { service: 'lambda', region, operation: 'ListEventSourceMappings', input: Object.fromEntries(url.searchParams) };
  }
  if (service !== 'rds' && service !== 'elasticache') throw new Error(`unknown query service ${service}`);
  const params = new URLSearchParams(body);
  const input = Object.fromEntries([...params].filter(([key]) => key !== 'Action' && key !== 'Version'));
  return { service, region, operation: params.get('Action') ?? '', input };
}

function sendError(response: ServerResponse, service: SimService, error: unknown): void {
  const name = error instanceof Error ? error.name : 'InternalFailure';
  const message = error instanceof Error ? error.message : String(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 500;
  if (service in QUERY_NAMESPACES) {
    response.writeHead(status, { 'content-type': 'text/xml' });
    response.end(`<ErrorResponse><Error><Type>Sender</Type><Code>${escapeXml(name)}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>wire</RequestId></ErrorResponse>`);
    return;
  }
  response.writeHead(status, { 'content-type': JSON_CONTENT_TYPES[service] ?? 'application/x-amz-json-1.1', 'x-amzn-errortype': name });
  response.end(JSON.stringify({ __type: name, message }));
}

/**
 * The simulated AWS behind real HTTP on 127.0.0.1: the SDK clients run their whole stack (signing,
 * retry middleware, NodeHttpHandler, deserialisers) against it through AWS_ENDPOINT_URL, which
 * aws-sdk-client-mock skips. Serves the read-only calls of `status`.
 */
export class AwsWireServer {
  readonly requests: WireRequest[] = [];
  private inFlight = 0;
  /** The most requests that were being answered at the same moment. */
  peakInFlight = 0;

  private constructor(
    private readonly server: Server,
    private readonly sim: SimulatedAws,
    private readonly onRequest: () => void,
  ) {}

  /** `onRequest` runs as each request arrives, while the requests before it are still in flight. */
  static async start(sim: SimulatedAws, onRequest: () => void = () => undefined): Promise<AwsWireServer> {
    // Requests only arrive after listen(), by which time `wire` is set.
    const server = createServer((request, response) => {
      void wire.answer(request, response);
    });
    const wire = new AwsWireServer(server, sim, onRequest);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return wire;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    let service: SimService = 'rds';
    try {
      const call = decode(request, await readBody(request));
      service = call.service;
      this.requests.push({ service: call.service, region: call.region, operation: call.operation });
      this.onRequest();
      if (!SUPPORTED.includes(`${call.service}:${call.operation}`)) throw new Error(`the wire server does not serve ${call.service}:${call.operation}`);
      const output = await this.sim.handle(call.service, call.region, call.operation, call.input);
      const namespace = QUERY_NAMESPACES[call.service];
      if (namespace) {
        response.writeHead(200, { 'content-type': 'text/xml' });
        response.end(`<${call.operation}Response xmlns="${namespace}">${toXml(`${call.operation}Result`, output)}<ResponseMetadata><RequestId>wire</RequestId></ResponseMetadata></${call.operation}Response>`);
      } else {
        response.writeHead(200, { 'content-type': JSON_CONTENT_TYPES[call.service] });
        response.end(call.service === 'lambda' ? JSON.stringify(output) : toJson(output));
      }
    } catch (error) {
      sendError(response, service, error);
    } finally {
      this.inFlight--;
    }
  }
}
