import { join } from 'node:path';
import { MOTO_EXCEPTIONS } from './exceptions';
import type { RehearsalWorkspace } from './rehearsal-workspace';
import type { Scenario } from './scenario';
import { RehearsalFailure } from './stack-operations';
import { describeCoverage, missingCoverage, type StatusReport } from './status-coverage';
import type { StepLog } from './step-log';
import { runTool } from './tool-runner';

/** The master credential: one secret and its value, in the primary's region only. */
const MASTER_SECRET_TYPES = ['aws_secretsmanager_secret', 'aws_secretsmanager_secret_version'];

/** dr-runbook's exit code for "done, with warnings". */
const EXIT_DONE_WITH_WARNINGS = 6;

/** The resources a promotion may not replace or delete: they hold the data. */
const STATEFUL_TYPES = ['aws_db_instance', 'aws_elasticache_replication_group', 'aws_kinesis_stream', 'aws_dynamodb_table', 'aws_s3_bucket', 'aws_kms_key'];

/** The losing-a-region part of the rehearsal: status, failover with the region down, the topology change, failback. */
export class RegionLossDrill {
  /** Warnings the failover ended with because a region was down. */
  private pendingInDownRegion = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly workspace: RehearsalWorkspace,
    private readonly steps: StepLog,
  ) {}

  async runbook(args: string[]): Promise<{ code: number; json?: unknown }> {
    const record = (id: string, details: string[]) => details.forEach((detail) => this.scenario.operations.applied.push({ id, stack: 'dr-runbook', detail }));
    for (const exception of MOTO_EXCEPTIONS) {
      if (exception.beforeRunbook) record(exception.id, await exception.beforeRunbook(this.scenario.exceptionContext));
    }
    const running = MOTO_EXCEPTIONS.flatMap((exception) => (exception.duringRunbook ? [{ id: exception.id, stop: exception.duringRunbook(this.scenario.exceptionContext) }] : []));
    const stopAll = () => {
      const failures: string[] = [];
      for (const { id, stop } of running) {
        try {
          record(id, stop());
        } catch (error) {
          failures.push(`exception ${id}: ${(error as Error).message}`);
        }
      }
      return failures;
    };
    let result: { code: number; json?: unknown };
    try {
      result = await this.scenario.runbook(args);
    } catch (error) {
      stopAll();
      throw error;
    }
    const failures = stopAll();
    if (failures.length > 0) throw new RehearsalFailure(failures.join('; '));
    return result;
  }

  /**
   * `dr-runbook status` must exit as expected and have checked the whole platform: every
   * reachable region's database, cache and alarms, and the device pipeline in its home region.
   */
  async status(title: string, expectedCode: number): Promise<void> {
    await this.steps.run(title, async () => {
      const run = await this.runbook(['status', '--json']);
      if (run.code !== expectedCode) throw new RehearsalFailure(`dr-runbook status exited ${run.code}, expected ${expectedCode} (see ${this.log})`);
      const report = (run.json ?? {}) as StatusReport;
      const topology = this.scenario.topology();
      const missing = missingCoverage(report, topology.regions.map((region) => region.region), topology.stream.homeRegion);
      if (missing.length > 0) throw new RehearsalFailure(`dr-runbook status did not check: ${missing.join(', ')}`);
      return report;
    }, (report) => `health ${report.health ?? '?'}\n             ${describeCoverage(report).join('\n             ')}`);
  }

  /**
   * With `down` unreachable, the failover must finish; the only warnings it may end with are the
   * writes it could not make in `down` (exit 6), which `resumeAfterOutage` completes.
   */
  async failover(to: string, down: string): Promise<string[]> {
    this.scenario.gate.takeDown(down);
    console.log(`\n  ${down} is now unreachable for every tool (connections to its endpoints are dropped)`);
    const report = await this.steps.run(`dr-runbook failover --to ${to} --force --execute --yes (${down} down)`, async () => {
      const run = await this.runbook(['failover', '--to', to, '--force', '--execute', '--yes', '--write-topology', '--poll-interval', '1', '--json']);
      const warnings = ((run.json ?? {}) as { warnings?: string[] }).warnings ?? [];
      const aboutOthers = warnings.filter((warning) => !warning.startsWith(`${down}:`));
      if (!(run.code === 0 || (run.code === EXIT_DONE_WITH_WARNINGS && aboutOthers.length === 0))) {
        throw new RehearsalFailure(`dr-runbook failover exited ${run.code}${aboutOthers.length ? ` with warnings beyond ${down}: ${aboutOthers.join('; ')}` : ''} (see ${this.log})`);
      }
      this.pendingInDownRegion = warnings.length;
      return run.json;
    }, () => `${this.pendingInDownRegion} change(s) left for ${down} until it is back`);
    return this.scenarioRebuilt(report);
  }

  /** Once the region is back, `failover --resume` makes the changes it could not make there. */
  async resumeAfterOutage(region: string): Promise<void> {
    if (this.pendingInDownRegion === 0) return;
    await this.steps.run(`dr-runbook failover --resume --execute --yes (${region} is back)`, async () => {
      const run = await this.runbook(['failover', '--resume', '--execute', '--yes', '--poll-interval', '1', '--json']);
      if (run.code !== 0) throw new RehearsalFailure(`dr-runbook failover --resume exited ${run.code} (see ${this.log})`);
      this.pendingInDownRegion = 0;
      return run.json;
    }, () => `the changes left for ${region} are made`);
  }

  private get log(): string {
    return join(this.workspace.logDir, 'dr-runbook.log');
  }

  async failback(to: string): Promise<string[]> {
    const report = await this.steps.run(`dr-runbook failback --to ${to} --execute --yes`, async () => {
      const run = await this.runbook(['failback', '--to', to, '--execute', '--yes', '--write-topology', '--poll-interval', '1', '--json']);
      if (run.code !== 0) throw new RehearsalFailure(`dr-runbook failback exited ${run.code} (see ${this.log})`);
      return run.json;
    });
    return this.scenarioRebuilt(report);
  }

  private scenarioRebuilt(report: unknown): string[] {
    const stacks = (this.scenario.constructor as typeof Scenario).rebuiltStacks(report);
    if (stacks.length > 0) console.log(`  the runbook rebuilt the databases of ${stacks.join(', ')}; their state is rebound before they are planned`);
    return stacks;
  }

  /**
   * Plans and applies the topology change on every stack whose region is up, in the order Nx now
   * gives: rebinding the databases the runbook rebuilt, refusing any replacement or deletion of
   * data, and running the project's plan review on each plan.
   */
  /**
   * `formerPrimary`: the stack that stops being the primary with this change. The master secret
   * lives in the primary's region only, so its stack's plan deletes that region's copy; the pull
   * request of such a change allows exactly those deletions, and so does the rehearsal's review.
   */
  async applyTopologyChange(rebuilt: readonly string[], label: string, formerPrimary?: string): Promise<void> {
    const topology = this.scenario.topology();
    const stacks = topology.regions.filter((region) => !this.scenario.gate.isDown(region.region)).map((region) => region.stackName);
    const down = this.scenario.gate.downRegions();
    const asked = down.length > 0 ? ` (XYZ_REGIONS_DOWN=${down.join(',')})` : '';
    const order = await this.steps.run(`ask Nx for the deploy order ${label}${asked}`, async () => this.scenario.order(stacks), (list) => list.join(' -> '));
    for (const stack of order) {
      await this.steps.run(`${label}: synth ${stack}${rebuilt.includes(stack) ? ', rebind its database' : ''}, plan, review, apply`, async () => {
        await this.scenario.operations.synth(stack);
        if (rebuilt.includes(stack)) await this.scenario.operations.rebindDatabase(stack);
        const counts = await this.scenario.operations.plan(stack);
        this.refuseDataLoss(stack);
        await this.review(stack, stack === formerPrimary ? this.masterSecretDeletions(stack) : []);
        await this.scenario.operations.apply(stack);
        return `${this.scenario.record(stack, counts)}; ${this.databaseChange(stack)}`;
      }, (summary) => summary);
    }
  }

  private databaseChange(stack: string): string {
    const change = this.scenario.operations.planJson(stack).resource_changes.find((entry) => entry.type === 'aws_db_instance');
    return `database ${change ? change.change.actions.join('+') : 'unchanged'}`;
  }

  private refuseDataLoss(stack: string): void {
    const lost = this.scenario.operations.planJson(stack).resource_changes.filter(
      (change) => STATEFUL_TYPES.includes(change.type) && change.change.actions.includes('delete'),
    );
    if (lost.length > 0) throw new RehearsalFailure(`${stack}'s plan would replace or delete data: ${lost.map((change) => `${change.address} (${change.change.actions.join('+')})`).join(', ')}`);
  }

  /** The plan review the pull request would get; it must pass (exit 0). */
  /** `--allow` entries for the deletion of the master secret and its value in the former primary's plan. */
  private masterSecretDeletions(stack: string): string[] {
    return this.scenario.operations
      .planJson(stack)
      .resource_changes.filter((change) => MASTER_SECRET_TYPES.includes(change.type) && change.change.actions.includes('delete') && !change.change.actions.includes('create'))
      .map((change) => `delete:${stack}:${change.address}=the master secret lives in the primary's region; ${stack} is a replica again after the failback`);
  }

  private async review(stack: string, allows: readonly string[]): Promise<void> {
    if (allows.length > 0) this.scenario.reviewAllows.push(...allows);
    const run = await runTool(
      join(this.workspace.root, 'node_modules', '.bin', 'tsx'),
      ['--tsconfig', 'tsconfig.base.json', 'libs/plan-review/src/cli/main.ts', this.scenario.operations.planJsonFile(stack), ...allows.flatMap((allow) => ['--allow', allow])],
      { cwd: this.workspace.root, env: this.workspace.env(this.scenario.gate.url), logFile: join(this.workspace.logDir, 'plan-review.log'), echo: false },
    );
    if (run.code !== 0) throw new RehearsalFailure(`the plan review of ${stack} exited ${run.code}:\n      ${run.stdout.split('\n').slice(0, 30).join('\n      ')}`);
  }
}

