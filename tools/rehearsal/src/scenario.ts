import { join } from 'node:path';
import { regionByName, stateLocation, stateRegionOf, type Topology } from '@xyz/topology';
import { deployOrder } from './deploy-order';
import { checkMovedState, SINGLE_BUCKET_REGION, stageSingleBucketState } from './legacy-migration';
import { EmulatorClients } from './emulator-clients';
import type { ExceptionContext } from './exceptions';
import { RegionGate } from './region-gate';
import type { RehearsalWorkspace } from './rehearsal-workspace';
import type { ChangeCounts } from '@xyz/terraform-toolkit';
import { RehearsalFailure, StackOperations } from './stack-operations';
import type { StepLog } from './step-log';
import { runTool } from './tool-runner';

/** Runbook commands that change nothing, so keep no journal. */
const READ_ONLY_COMMANDS = ['status'];

export interface ScenarioResult {
  readonly stacksApplied: string[];
  readonly resourcesCreated: number;
}

/** The DR rehearsal, step by step, against the emulator behind the region gate. */
export class Scenario {
  readonly operations: StackOperations;
  readonly stacksApplied: string[] = [];
  /** Changes the plan review was told are intended (`--allow`), as a pull request's allow list would. */
  readonly reviewAllows: string[] = [];
  resourcesCreated = 0;
  readonly exceptionContext: ExceptionContext;

  /** `gate` must be started: its address is the endpoint of every tool. */
  constructor(
    private readonly workspace: RehearsalWorkspace,
    private readonly steps: StepLog,
    readonly gate: RegionGate,
  ) {
    this.exceptionContext = { topology: workspace.topology(), clients: new EmulatorClients(gate.url), gate, replicationBacklog: new Set() };
    this.operations = new StackOperations(workspace, this.exceptionContext, gate.url);
  }

  topology(): Topology {
    return this.workspace.topology();
  }

  topologyStackOf(region: string): string {
    return regionByName(this.topology(), region).stackName;
  }

  /** Counts an applied stack in the summary; returns its change counts as one line. */
  record(stack: string, counts: ChangeCounts): string {
    this.stacksApplied.push(stack);
    this.resourcesCreated += counts.create + counts.replace;
    return `${counts.create} created, ${counts.update} updated, ${counts.replace} replaced, ${counts.delete} deleted`;
  }

  async planAndApply(stack: string): Promise<ChangeCounts> {
    const counts = await this.operations.plan(stack);
    await this.operations.apply(stack);
    return counts;
  }

  /**
   * The order in which `nx run-many -t deploy` applies `stacks`, with XYZ_REGIONS_DOWN naming the
   * regions the gate has taken down, as the README tells the on-call to run it. Fails if Nx would
   * deploy a stack whose region is down (it would hang on that region) or would leave out one of `stacks`.
   */
  order(stacks: readonly string[]): string[] {
    const down = this.gate.downRegions();
    const all = deployOrder(this.workspace.env(this.gate.url, { XYZ_REGIONS_DOWN: down.join(',') }), this.workspace.root);
    const unreachable = all.filter((stack) => down.includes(stateRegionOf(this.topology(), stack)));
    if (unreachable.length > 0) throw new RehearsalFailure(`with XYZ_REGIONS_DOWN=${down.join(',')}, nx run-many -t deploy would still apply ${unreachable.join(', ')}`);
    const missing = stacks.filter((stack) => !all.includes(stack));
    if (missing.length > 0) throw new RehearsalFailure(`nx run-many -t deploy would not apply ${missing.join(', ')} (it applies: ${all.join(', ') || 'nothing'})`);
    return all.filter((stack) => stacks.includes(stack));
  }

  async bootstrapStateBackend(): Promise<void> {
    const stack = this.topology().stateBackend.stackName;
    await this.steps.run(`bootstrap ${stack}: apply with local state (XYZ_STATE_BOOTSTRAP=1)`, async () => {
      await this.operations.synth(stack, { bootstrap: true });
      return this.record(stack, await this.planAndApply(stack));
    }, (summary) => summary);
    await this.steps.run(`move ${stack}'s state into its home region's bucket (migrate-state)`, async () => {
      await this.operations.synth(stack);
      await this.operations.migrateState(stack);
      const location = stateLocation(this.topology(), stack);
      return `s3://${location.bucket}/${location.key}`;
    }, (where) => where);
  }

  /**
   * The README's move of an existing deployment from the single us-east-1 bucket: the stack's state
   * is put back where that layout kept it (and removed from its regional bucket), then
   * `migrate-state --from-bucket` must bring the same resources and outputs into the stack's regional bucket.
   */
  async moveFromSingleBucket(stack: string): Promise<void> {
    await this.steps.run(`move ${stack}'s state from the single-bucket layout (migrate-state --from-bucket)`, async () => {
      const staged = await stageSingleBucketState(this.topology(), this.exceptionContext.clients, stack);
      await this.operations.migrateStateFrom(stack, staged.bucket, SINGLE_BUCKET_REGION);
      return `s3://${staged.bucket}/${staged.key} -> ${await checkMovedState(this.topology(), this.exceptionContext.clients, stack, staged.content)}`;
    }, (summary) => summary);
  }

  async deployRegionStacks(stacks: readonly string[]): Promise<void> {
    const order = await this.steps.run('ask Nx for the deploy order', async () => this.order(stacks), (list) => list.join(' -> '));
    for (const stack of order) {
      await this.steps.run(`deploy ${stack}: synth, plan against its S3 backend, apply the saved plan`, async () => {
        await this.operations.synth(stack);
        return this.record(stack, await this.planAndApply(stack));
      }, (summary) => summary);
    }
  }

  /** The stacks whose database the runbook rebuilt (its report's stateRebinds), to rebind before their next plan. */
  static rebuiltStacks(report: unknown): string[] {
    const found: string[] = [];
    const visit = (node: unknown) => {
      if (!node || typeof node !== 'object') return;
      const rebinds = (node as { stateRebinds?: Array<{ stack?: string }> }).stateRebinds;
      if (Array.isArray(rebinds)) for (const rebind of rebinds) if (rebind.stack && !found.includes(rebind.stack)) found.push(rebind.stack);
      Object.values(node).forEach(visit);
    };
    visit(report);
    return found;
  }

  /** Runs the DR runbook as the on-call engineer would; returns its exit code and parsed JSON report. */
  async runbook(args: string[]): Promise<{ code: number; json?: unknown; stdout: string; stderr: string }> {
    const run = await runTool(
      join(this.workspace.root, 'node_modules', '.bin', 'tsx'),
      ['--tsconfig', 'tsconfig.base.json', 'apps/dr-runbook/src/main.ts', ...args, ...(READ_ONLY_COMMANDS.includes(args[0]) ? [] : ['--journal-dir', this.workspace.journalDir])],
      { cwd: this.workspace.root, env: this.workspace.env(this.gate.url), logFile: join(this.workspace.logDir, 'dr-runbook.log') },
    );
    let json: unknown;
    try {
      json = args.includes('--json') ? JSON.parse(run.stdout) : undefined;
    } catch {
      throw new RehearsalFailure(`dr-runbook ${args[0]} --json printed no JSON (exit ${run.code}): ${run.stderr.trim().split('\n').slice(-5).join(' | ')}`);
    }
    return { code: run.code, json, stdout: run.stdout, stderr: run.stderr };
  }
}
