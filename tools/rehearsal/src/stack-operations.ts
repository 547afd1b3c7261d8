import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emulatorOverride, OVERRIDE_FILE } from './emulator-override';
import type { ExceptionContext } from './exceptions';
import { MOTO_EXCEPTIONS } from './exceptions';
import type { RehearsalWorkspace } from './rehearsal-workspace';
import { type ChangeCounts, countChanges, readPlanJson, readTerraformJson, type TerraformJson, type TerraformPlan } from '@xyz/terraform-toolkit';
import { runTool, type ToolRun } from './tool-runner';

/** A failed step of the rehearsal: one line, the tool's own output is in the log. */
export class RehearsalFailure extends Error {}

/** One use of an exception: which one, on which stack, and what it did. */
export interface AppliedException {
  readonly id: string;
  readonly stack: string;
  readonly detail: string;
}

/**
 * What the rehearsal does to a stack, each through the project's own entry points: the synth
 * target's runner, then the Terraform CLI (`npm run terraform`) with its real S3 backend.
 */
export class StackOperations {
  readonly applied: AppliedException[] = [];

  constructor(
    private readonly workspace: RehearsalWorkspace,
    private readonly context: ExceptionContext,
    private readonly endpoint: string,
  ) {}

  private get logFile(): string {
    return join(this.workspace.logDir, 'tools.log');
  }

  private async tool(label: string, command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<ToolRun> {
    const run = await runTool(command, args, { cwd: this.workspace.root, env: this.workspace.env(this.endpoint, extraEnv), logFile: this.logFile, echo: false });
    if (run.code !== 0) {
      const tail = `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-15).join('\n      ');
      throw new RehearsalFailure(`${label} failed (exit ${run.code}):\n      ${tail}\n    (whole output: ${this.logFile})`);
    }
    return run;
  }

  private terraformCli(label: string, args: string[]): Promise<ToolRun> {
    return this.tool(label, join(this.workspace.root, 'node_modules', '.bin', 'tsx'), ['--tsconfig', 'tsconfig.base.json', 'tools/terraform/src/main.ts', ...args]);
  }

  async synth(stack: string, options: { bootstrap?: boolean } = {}): Promise<void> {
    await this.tool(`synth ${stack}`, process.execPath, ['tools/synth/run-app.cjs', stack], options.bootstrap ? { XYZ_STATE_BOOTSTRAP: '1' } : {});
    this.prepareForEmulator(stack);
  }

  /** Applies the stack-shaping exceptions and writes the emulator override beside cdk.tf.json. */
  private prepareForEmulator(stack: string): void {
    const file = join(this.workspace.stackDir(stack), 'cdk.tf.json');
    const json: TerraformJson = readTerraformJson(file);
    for (const exception of MOTO_EXCEPTIONS) {
      const changed = exception.adjustStack?.(json) ?? [];
      for (const detail of changed) this.applied.push({ id: exception.id, stack, detail });
    }
    writeFileSync(file, JSON.stringify(json, null, 2));
    writeFileSync(join(this.workspace.stackDir(stack), OVERRIDE_FILE), JSON.stringify(emulatorOverride(json, this.endpoint), null, 2));
  }

  /** terraform plan against the real backend, saved as plan.tfplan and plan.json; returns the counts. */
  async plan(stack: string): Promise<ChangeCounts> {
    await this.terraformCli(`plan ${stack}`, ['plan', stack]);
    return countChanges(this.planJson(stack).resource_changes);
  }

  planFile(stack: string): string {
    return join(this.workspace.stackDir(stack), 'plan.tfplan');
  }

  planJsonFile(stack: string): string {
    return join(this.workspace.stackDir(stack), 'plan.json');
  }

  planJson(stack: string): TerraformPlan {
    return readPlanJson(this.planJsonFile(stack));
  }

  /** Applies the saved plan, as the deploy workflow applies a reviewed one, with the exceptions' hooks around it. */
  async apply(stack: string): Promise<void> {
    const json = readTerraformJson(join(this.workspace.stackDir(stack), 'cdk.tf.json'));
    for (const { id, beforeApply } of MOTO_EXCEPTIONS) {
      if (beforeApply) await this.hook(id, stack, () => beforeApply(json, this.context));
    }
    await this.terraformCli(`deploy ${stack}`, ['deploy', stack, '--plan-file', this.planFile(stack)]);
    if (json.terraform?.backend?.['s3']) await this.afterStateWrite(stack);
  }

  /** Runs the exceptions that follow a write of the stack's state to S3 (replication). */
  async afterStateWrite(stack: string): Promise<void> {
    for (const { id, afterStateWrite } of MOTO_EXCEPTIONS) {
      if (afterStateWrite) await this.hook(id, stack, () => afterStateWrite(stack, this.context));
    }
  }

  private async hook(id: string, stack: string, run: () => Promise<string[]>): Promise<void> {
    let details: string[];
    try {
      details = await run();
    } catch (error) {
      throw new RehearsalFailure(`exception ${id} could not be applied to ${stack}: ${(error as Error).name}: ${(error as Error).message}`);
    }
    for (const detail of details) this.applied.push({ id, stack, detail });
  }

  /** Copies what waited for a region that was down (see the s3-replication exception). */
  async flushReplication(): Promise<void> {
    const waiting = [...this.context.replicationBacklog];
    for (const stack of waiting) await this.afterStateWrite(stack);
  }

  async migrateState(stack: string): Promise<void> {
    await this.terraformCli(`migrate-state ${stack}`, ['migrate-state', stack]);
    await this.afterStateWrite(stack);
  }

  /** migrate-state from a bucket of the single-bucket layout (the stack's state key there is the same). */
  async migrateStateFrom(stack: string, bucket: string, region: string): Promise<void> {
    await this.terraformCli(`migrate-state ${stack} --from-bucket ${bucket}`, ['migrate-state', stack, '--from-bucket', bucket, '--from-region', region]);
    await this.afterStateWrite(stack);
  }

  async rebindDatabase(stack: string): Promise<void> {
    await this.terraformCli(`rebind-database ${stack}`, ['rebind-database', stack]);
    await this.afterStateWrite(stack);
  }
}
