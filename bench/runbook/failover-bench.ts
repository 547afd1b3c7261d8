import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTopology, topologyFile } from '@xyz/topology';
import { AbortedError, type CliIo, type RunReport, runCli } from '@xyz/dr-runbook';
import { FakeClock, installSimulation, REALISTIC_DELAYS, platformScenario, SimulatedAws } from '@xyz/dr-simulator';
import { averageDescribesPerMinute, callsWhileWaiting, eventTime, maxDescribesPerMinute, unionMs, waitSpans } from './measure';

export const DOWN_REGION = 'us-east-1';
export const TARGET_REGION = 'us-west-2';

export interface FailoverFigures {
  readonly scenario: string;
  readonly exitCode: number;
  readonly status: string;
  readonly rtoSeconds: number;
  readonly rtoLowerBoundSeconds: number;
  readonly rtoRatio: number;
  readonly promotionSeconds: number;
  readonly totalSeconds: number;
  readonly totalLowerBoundSeconds: number;
  readonly totalRatio: number;
  readonly maxDescribeCallsPerMinutePerInstanceWhileWaiting: number;
  readonly averageDescribeCallsPerMinutePerInstanceWhileWaiting: number;
  readonly apiCallsPerMinuteOfWaiting: number;
  readonly waitingMinutes: number;
  readonly apiCalls: number;
  readonly promoteCalls: number;
  readonly replicasCreated: number;
  readonly wallClockMs: number;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * A full regional failover (us-east-1 down, promote us-west-2) run by the real CLI against the
 * simulated RDS with realistic delays, on a fake clock, with the mocks installed for the duration.
 */
export async function measureFailover(): Promise<FailoverFigures> {
  const root = mkdtempSync(join(tmpdir(), 'bench-runbook-'));
  const topologyDir = join(root, 'environments');
  mkdirSync(topologyDir);
  copyFileSync(topologyFile('production'), join(topologyDir, 'production.json'));
  const topology = loadTopology('production', topologyDir);
  const clock = new FakeClock({ abortError: () => new AbortedError() });
  const delays = REALISTIC_DELAYS;
  const sim = new SimulatedAws(clock, delays, platformScenario(topology, { regionsDown: [DOWN_REGION] }));
  const mocks = installSimulation(sim);
  const logFile = join(root, 'runbook.log');
  let output = '';
  const io: CliIo = {
    stdout: (text) => (output += text),
    stderr: (text) => (output += text),
    prompt: async () => undefined,
    clock,
    env: {},
    random: () => 0.5,
    repoRoot: root,
  };
  try {
    const started = clock.now();
    const wallStart = Date.now();
    const args = ['failover', '--to', TARGET_REGION, '--force', '--execute', '--yes', '--topology-dir', topologyDir, '--journal-dir', join(root, 'journal'), '--log-file', logFile];
    const exitCode = await runCli(args, io);
    const wallClockMs = Date.now() - wallStart;
    const finished = clock.now();

    const reportFile = /Report: (\S+)report\.md/.exec(output)?.[1];
    if (!reportFile) throw new Error(`the runbook wrote no report:\n${output}`);
    const report = JSON.parse(readFileSync(`${reportFile}report.json`, 'utf8')) as RunReport;
    const targetId = topology.regions.find((region) => region.region === TARGET_REGION)?.names.dbInstanceIdentifier ?? '';

    const promotionMs = eventTime(sim.events, 'promoted-writable', targetId) - eventTime(sim.events, 'promote-requested', targetId);
    // The unavoidable path to writes: RDS's own promotion, plus three round trips nobody can skip
    // (PromoteReadReplica, one describe that sees it done, the PutParameter of the writer endpoint).
    const lowerBoundMs = promotionMs + 3 * delays.apiLatencyMs;
    const rtoMs = report.rtoMs ?? Number.NaN;
    const multiAzMs = eventTime(sim.events, 'multi-az-done', targetId) - eventTime(sim.events, 'multi-az-requested', targetId);
    const replicaBuilds = sim.events.filter((event) => event.kind === 'replica-available').map((event) => event.at - eventTime(sim.events, 'replica-create-requested', event.id));
    // The whole run cannot beat promotion, then Multi-AZ, then a replica built from the new primary.
    const totalLowerBoundMs = promotionMs + multiAzMs + Math.max(0, ...replicaBuilds) + 6 * delays.apiLatencyMs;

    const spans = waitSpans(readFileSync(logFile, 'utf8').split('\n'));
    const waitingMs = unionMs(spans);
    return {
      scenario: `failover --to ${TARGET_REGION} --force with ${DOWN_REGION} down`,
      exitCode,
      status: report.status,
      rtoSeconds: round(rtoMs / 1000, 1),
      rtoLowerBoundSeconds: round(lowerBoundMs / 1000, 1),
      rtoRatio: round(rtoMs / lowerBoundMs, 3),
      promotionSeconds: round(promotionMs / 1000, 1),
      totalSeconds: round((finished - started) / 1000, 1),
      totalLowerBoundSeconds: round(totalLowerBoundMs / 1000, 1),
      totalRatio: round((finished - started) / totalLowerBoundMs, 3),
      maxDescribeCallsPerMinutePerInstanceWhileWaiting: maxDescribesPerMinute(sim.calls, spans),
      averageDescribeCallsPerMinutePerInstanceWhileWaiting: round(averageDescribesPerMinute(sim.calls, spans), 2),
      apiCallsPerMinuteOfWaiting: round(callsWhileWaiting(sim.calls, spans) / (waitingMs / 60_000), 2),
      waitingMinutes: round(waitingMs / 60_000, 1),
      apiCalls: sim.calls.length,
      promoteCalls: sim.count('PromoteReadReplica'),
      replicasCreated: sim.count('CreateDBInstanceReadReplica'),
      wallClockMs,
    };
  } finally {
    mocks.restore();
    rmSync(root, { recursive: true, force: true });
  }
}
