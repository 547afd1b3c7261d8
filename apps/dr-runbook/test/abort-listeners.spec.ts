import { getEventListeners } from 'node:events';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTopology, topologyFile } from '@xyz/topology';
import { AwsClients } from '../src/aws/clients';
import { AwsGateway } from '../src/aws/gateway';
import { RdsApi } from '../src/aws/rds';
import type { CliIo } from '../src/cli/io';
import { runCli } from '../src/cli/program';
import { type Clock, systemClock } from '../src/core/clock';
import { AbortedError } from '../src/core/errors';
import { runCliProcess } from './e2e/run-cli-process';
import { QUICK_DELAYS, platformScenario, SimulatedAws, AwsWireServer } from '@xyz/dr-simulator';

/**
 * The real SDK stack (signing, retry middleware, NodeHttpHandler) against the simulation over HTTP:
 * the SDK adds 'abort' listeners to the signal of every request, so this is where a shared signal
 * would collect one per call in flight and Node would print a MaxListenersExceededWarning past 10.
 */
describe('abort listeners on the run signal', () => {
  const topology = loadTopology('production');
  const latency = { ...QUICK_DELAYS, apiLatencyMs: 300 };
  /** The simulation's clock: real time, but its waits do not keep Jest alive after an aborted call. */
  const simClock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()) };
  const simulation = (delays: typeof latency) => new SimulatedAws(simClock, delays, platformScenario(topology));
  const sdkEnv = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_EC2_METADATA_DISABLED: 'true' };
  const saved: Record<string, string | undefined> = {};
  let wire: AwsWireServer | undefined;

  function topologyDir(): string {
    const dir = join(mkdtempSync(join(tmpdir(), 'dr-runbook-wire-')), 'environments');
    mkdirSync(dir);
    copyFileSync(topologyFile('production'), join(dir, 'production.json'));
    return dir;
  }

  /** Points the SDK in this process at the wire server (restored after each test). */
  function useEndpoint(endpoint: string): void {
    Object.entries({ ...sdkEnv, AWS_ENDPOINT_URL: endpoint }).forEach(([key, value]) => {
      if (!(key in saved)) saved[key] = process.env[key];
      process.env[key] = value;
    });
  }

  afterEach(async () => {
    Object.entries(saved).forEach(([key, value]) => {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
      delete saved[key];
    });
    await wire?.close();
    wire = undefined;
  });

  it('status over the full topology keeps one listener on the run signal while every region is read at once', async () => {
    const run = new AbortController();
    let peakListeners = 0;
    wire = await AwsWireServer.start(simulation(latency), () => {
      peakListeners = Math.max(peakListeners, getEventListeners(run.signal, 'abort').length);
    });
    useEndpoint(wire.endpoint);
    let stdout = '';
    const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stdout += text), prompt: async () => undefined, clock: systemClock, env: {}, signal: run.signal, repoRoot: tmpdir() };

    const code = await runCli(['status', '--topology-dir', topologyDir()], io);

    expect(stdout).toContain('Platform: HEALTHY');
    expect(code).toBe(0);
    // An instance list and a writer endpoint per region, all in flight together.
    expect(wire.peakInFlight).toBeGreaterThanOrEqual(2 * topology.regions.length);
    expect(peakListeners).toBe(1);
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);
  });

  it('npm run dr-runbook -- status prints no MaxListenersExceededWarning', async () => {
    wire = await AwsWireServer.start(simulation(latency));
    const result = await runCliProcess(['status', '--topology-dir', topologyDir()], { env: { AWS_ENDPOINT_URL: wire.endpoint } });
    expect(result.stdout).toContain('Platform: HEALTHY');
    expect(result.code).toBe(0);
    expect(wire.requests.filter((request) => request.operation === 'DescribeDBInstances')).toHaveLength(topology.regions.length);
    expect(result.stderr).not.toContain('MaxListenersExceededWarning');
    expect(result.stderr).toBe('');
  });

  it('16 calls in flight through one gateway leave one listener on the run signal, and Ctrl-C aborts them all', async () => {
    const run = new AbortController();
    const calls = 16;
    let peakListeners = 0;
    const slow = { ...QUICK_DELAYS, apiLatencyMs: 30_000 };
    wire = await AwsWireServer.start(simulation(slow), () => {
      peakListeners = Math.max(peakListeners, getEventListeners(run.signal, 'abort').length);
      if (wire?.requests.length === calls) setImmediate(() => run.abort());
    });
    useEndpoint(wire.endpoint);
    const clients = new AwsClients();
    const gateway = new AwsGateway({ clock: systemClock, log: { log: () => undefined }, signal: run.signal });
    const rds = new RdsApi(gateway, clients);
    const started = Date.now();
    try {
      const outcomes = await Promise.allSettled(Array.from({ length: calls }, () => rds.list('us-east-1')));
      expect(outcomes.map((outcome) => (outcome.status === 'rejected' ? (outcome.reason as Error).constructor : outcome.status))).toEqual(Array(calls).fill(AbortedError));
      expect(Date.now() - started).toBeLessThan(slow.apiLatencyMs);
      expect(peakListeners).toBe(1);
    } finally {
      gateway.close();
      clients.destroy();
    }
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);
  });
});
