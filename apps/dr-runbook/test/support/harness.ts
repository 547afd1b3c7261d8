import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTopology, topologyFile, type Topology } from '@xyz/topology';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/program';
import { type FakeClock, installSimulation, ProcessClock, platformScenario, REALISTIC_DELAYS, type ScenarioOptions, type SimDelays, SimulatedAws } from '@xyz/dr-simulator';
import { runbookClock } from './clock';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Lines typed at prompts, in order; when they run out, input has ended. */
  readonly answers?: readonly string[];
  readonly signal?: AbortSignal;
  /** Pass the arguments exactly as given (no --topology-dir / --journal-dir). */
  readonly raw?: boolean;
}

export interface StartedRun {
  readonly result: Promise<CliResult>;
  readonly process: ProcessClock;
  output(): string;
}

/**
 * The real CLI (runCli) in-process, against the simulated AWS installed with aws-sdk-client-mock,
 * on a fake clock, with a private copy of the topology and a private journal directory.
 */
export class Harness {
  readonly clock: FakeClock = runbookClock();
  readonly root = mkdtempSync(join(tmpdir(), 'dr-runbook-'));
  readonly topologyDir = join(this.root, 'environments');
  readonly journalDir = join(this.root, 'journal');
  readonly topology: Topology;
  readonly sim: SimulatedAws;
  readonly mocks: ReturnType<typeof installSimulation>;
  readonly prompts: string[] = [];

  constructor(options: ScenarioOptions & { delays?: Partial<SimDelays> } = {}) {
    mkdirSync(this.topologyDir);
    copyFileSync(topologyFile('production'), join(this.topologyDir, 'production.json'));
    this.topology = loadTopology('production', this.topologyDir);
    this.sim = new SimulatedAws(this.clock, { ...REALISTIC_DELAYS, ...options.delays }, platformScenario(this.topology, options));
    this.mocks = installSimulation(this.sim);
  }

  get topologyFile(): string {
    return join(this.topologyDir, 'production.json');
  }

  /** Adds --topology-dir (and --journal-dir for commands that journal). */
  argv(args: readonly string[]): string[] {
    const journals = args[0] !== 'status' && !args.includes('--help');
    return [...args, '--topology-dir', this.topologyDir, ...(journals ? ['--journal-dir', this.journalDir] : [])];
  }

  start(args: readonly string[], options: RunOptions = {}): StartedRun {
    const process = new ProcessClock(this.clock);
    let stdout = '';
    let stderr = '';
    const answers = [...(options.answers ?? [])];
    const io: CliIo = {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      prompt: async (question) => {
        this.prompts.push(question);
        return answers.shift();
      },
      clock: process,
      env: {},
      signal: options.signal,
      random: () => 0.5,
      repoRoot: this.root,
    };
    const result = runCli(options.raw ? [...args] : this.argv(args), io).then((code) => ({ code, stdout, stderr }));
    return { result, process, output: () => stdout + stderr };
  }

  run(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
    return this.start(args, options).result;
  }

  /**
   * Starts a run that dies like a SIGKILLed process at the call `arm` selects (sim.crashOn / crashWhen):
   * from then on it makes no call, writes nothing and never finishes. Resolves with its output.
   */
  async runUntilKilled(args: readonly string[], arm: (sim: SimulatedAws) => void): Promise<string> {
    arm(this.sim);
    const started = this.start(args);
    const crashed = this.sim.whenCrashed().then(() => started.process.kill());
    const outcome = await Promise.race([crashed.then(() => 'killed' as const), started.result.then(() => 'finished' as const)]);
    if (outcome !== 'killed') throw new Error(`the run finished before it reached the crash point:\n${started.output()}`);
    this.sim.restart();
    return started.output();
  }

  cleanup(): void {
    this.mocks.restore();
    rmSync(this.root, { recursive: true, force: true });
  }
}
